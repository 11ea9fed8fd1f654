/**
 * Find the registry's source and edition for a citation, whatever spelling the list used:
 * with or without 中华人民共和国, full- or half-width characters, order numbers in Chinese or Arabic
 * numerals, with or without 第 (`国务院令646号` = `国务院令第646号`), or the edition written out with
 * dates (`2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行`).
 *
 * It never guesses: a citation that names no edition resolves to its source with edition null and
 * the reason `edition-not-stated` — not to the edition in force when the list was made, because a
 * list may well have copied an older text.
 */
import type { TEdition, TLegalRegistry, TLegalSource } from '../../contracts/legal-sources.js';
import type { TCitation } from '../../contracts/power-list.js';
import { parseChineseNumber } from '../powerlist/chinese-numerals.js';

/** Why a citation resolved to its source but to no edition. */
export type TUnresolvedEditionReason = 'edition-not-stated' | 'edition-unknown';

/** A citation resolved to a source and one of its editions, or to the source alone with the reason. */
export type TResolvedCitation =
  | { source: TLegalSource; edition: TEdition }
  | { source: TLegalSource; edition: null; reason: TUnresolvedEditionReason };

const COUNTRY_PREFIX = '中华人民共和国';

/** Comparable form of a title: NFKC, no whitespace or 《》, without the leading 中华人民共和国. */
export function titleKey(title: string): string {
  const compact = title.normalize('NFKC').replace(/[\s《》〈〉<>「」“”"]/g, '');
  return compact.startsWith(COUNTRY_PREFIX) ? compact.slice(COUNTRY_PREFIX.length) : compact;
}

const CHINESE_DIGITS = '〇零一二三四五六七八九十百千两';
const CHINESE_ORDER_NUMBER = new RegExp(`(令|第)([${CHINESE_DIGITS}]+)(号)`, 'g');
/** an order (令) number: 主席令第28号, 国务院令646号, 公安部令第12号 (issuer cut to two characters then) */
const ORDER_NUMBER = /(主席令|国务院令|[\u4e00-\u9fa5]{2}令)第?(\d+)号/;
/** a document number: 国保发〔2013〕14号, in any bracket style */
const DOCUMENT_NUMBER = /[\u4e00-\u9fa5][〔［[(【]((?:19|20)\d{2})[〕］\])】]第?(\d+)号/;
const FULL_DATE = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/;

/**
 * Comparable form of an edition within one source: the first order number it names
 * (`主席令第28号`), or the year and number of the document number it names (`〔2013〕14号` for
 * 国保发〔2013〕14号), else the compact text without 中华人民共和国. Keys are only ever compared between
 * editions of the same source, where these parts identify an edition.
 */
export function editionKey(edition: string): string {
  return readEdition(edition).key;
}

/** The key of an edition text and whether it names an order or document number. */
function readEdition(edition: string): { key: string; hasNumber: boolean } {
  const compact = edition
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(CHINESE_ORDER_NUMBER, (whole, before: string, digits: string, after: string) => {
      const value = parseChineseNumber(digits);
      return value === null ? whole : `${before}${value}${after}`;
    });
  const withoutCountry = compact.split(COUNTRY_PREFIX).join('');
  // Document numbers first: 国保发〔2013〕14号 must not be read as an order number.
  const document = DOCUMENT_NUMBER.exec(withoutCountry);
  if (document) return { key: `〔${document[1]}〕${Number(document[2])}号`, hasNumber: true };
  const order = ORDER_NUMBER.exec(withoutCountry);
  if (order) return { key: `${order[1]}第${Number(order[2])}号`, hasNumber: true };
  return { key: withoutCountry, hasNumber: false };
}

/** The date an edition text names first (`2010年4月29日…公布`), as YYYY-MM-DD, or null. */
function firstDate(edition: string): string | null {
  const match = FULL_DATE.exec(edition.normalize('NFKC'));
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The registry source a title names (canonical title or alias, 中华人民共和国 ignored), or null. */
export function findSource(title: string, registry: TLegalRegistry): TLegalSource | null {
  const key = titleKey(title);
  if (key === '') return null;
  return registry.sources.find((source) => [source.title, ...(source.aliases ?? [])].some((name) => titleKey(name) === key)) ?? null;
}

/**
 * The edition of `source` an edition text names, or null. Matched by order or document number;
 * an edition text with neither but with a full date matches the edition adopted on that date.
 */
export function findEdition(source: TLegalSource, edition: string): TEdition | null {
  const { key, hasNumber } = readEdition(edition);
  const byKey = source.editions.find((candidate) => editionKey(candidate.edition) === key);
  if (byKey) return byKey;
  // A numbered edition that matched no key is unknown; its date must not pick another edition.
  const date = hasNumber ? null : firstDate(edition);
  if (date === null) return null;
  const byDate = source.editions.filter((candidate) => candidate.adopted === date);
  // Two editions adopted the same day cannot be told apart by the date alone.
  return byDate.length === 1 ? (byDate[0] ?? null) : null;
}

/**
 * Resolve a citation against the registry: `{ source, edition }` when both are known,
 * `{ source, edition: null, reason }` when the edition is not stated or not registered, and null
 * when the citation has no title or the registry does not know the source.
 */
export function resolveCitation(citation: Pick<TCitation, 'title' | 'edition'>, registry: TLegalRegistry): TResolvedCitation | null {
  if (citation.title === null) return null;
  const source = findSource(citation.title, registry);
  if (source === null) return null;
  if (citation.edition === null || citation.edition.trim() === '') return { source, edition: null, reason: 'edition-not-stated' };
  const edition = findEdition(source, citation.edition);
  return edition === null ? { source, edition: null, reason: 'edition-unknown' } : { source, edition };
}
