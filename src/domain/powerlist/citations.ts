/**
 * Legal citations (法律依据) inside the 实施依据 / 责任事项依据 / 追责依据 cells:
 * `【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条 保密行政管理部门…` → rank, title,
 * normalised edition, integer article references and the quoted text. Parsing never throws: a cell
 * cut off by the exporter parses to whatever it still holds, and the linter judges the rest.
 */
import type { TArticleRef, TCitation, TRank } from '../../contracts/power-list.js';
import type { CellEntry } from './cell-entries.js';
import { parseChineseNumber, toChineseNumber } from './chinese-numerals.js';
import { splitCellEntries } from './split-cell.js';

/** What the text of one entry says; `no`, `sameAs` and `truncated` come from the cell entry. */
export type TParsedCitation = Omit<TCitation, 'no' | 'sameAs' | 'truncated'>;

// ---------------------------------------------------------------------------------------------
// Rank 【法律】

/** Spellings of the rank seen in lists, mapped to the four ranks of the contract. */
const RANK_SPELLINGS: ReadonlyMap<string, TRank> = new Map([
  ['法律', '法律'],
  ['国家法律', '法律'],
  ['法规', '法规'],
  ['行政法规', '法规'],
  ['地方性法规', '法规'],
  ['自治条例', '法规'],
  ['单行条例', '法规'],
  ['规章', '规章'],
  ['部门规章', '规章'],
  ['政府规章', '规章'],
  ['地方政府规章', '规章'],
  ['规范性文件', '规范性文件'],
  ['其他规范性文件', '规范性文件'],
  ['文件', '规范性文件'],
]);

const RANK_OPEN = '【［[';
const RANK_CLOSE = '】］]';

// ---------------------------------------------------------------------------------------------
// Article references 第四十五条第二款第（三）项

const NUMERAL = '[0-9０-９〇零一二两三四五六七八九十百千万]+';
/** 第四十五条, 第二十条之一 (the 之一 is dropped: the contract has no place for it) */
const ARTICLE = new RegExp(`第(${NUMERAL})条(?:之(?:${NUMERAL}))?`, 'y');
const PARAGRAPH = new RegExp(`第(${NUMERAL})款`, 'y');
/** 第（四）项, （四）项, （四）, 第四项 — the bracketed forms may drop 第 and 项 inside a list */
const ITEM = new RegExp(`第?[（(](${NUMERAL})[）)]项?|第(${NUMERAL})项`, 'y');
/** what joins references of one header: 第三十六条、第三十七条 / 和 / 及 / 至 (a range) */
const SEPARATOR = /(、|，|,|以及|及|和|与|或者|或|至|到)/y;
const RANGE_WORDS = new Set(['至', '到']);
const COMMAS = new Set(['，', ',']);
/** A range longer than this is a typo, not a citation of so many articles. */
const MAX_RANGE = 50;

interface RefScan {
  refs: TArticleRef[];
  /** index just after the last reference read */
  end: number;
}

/** Positive integer of a numeral, or null (第零条 is no article). */
function positive(numeral: string | undefined): number | null {
  if (numeral === undefined) return null;
  const value = parseChineseNumber(numeral);
  return value !== null && value > 0 ? value : null;
}

/** A 【】 label that reads as a rank we do not know (【党内法规】), not as text that happens to start with 【. */
function isRankLike(opener: string, label: string): boolean {
  return opener === '【' && /^[\u4e00-\u9fff]{2,8}$/.test(label) && /(?:法|规|章|文件|条例)$/.test(label);
}

/** Match `pattern` exactly at `pos` (the patterns are sticky). */
function matchAt(pattern: RegExp, s: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(s);
}

/**
 * Reads the article references that start at `pos`: `第十四条第三款`, `第三十六条、第三十七条`,
 * `第十四条第三款、第四款`, `第二十条第（一）、（四）项`, `第三十六条至第三十八条`. Stops at the first
 * character that continues none of them — in particular at any whitespace, so the quoted text that
 * follows (even one beginning with 第三款…) is never read as a reference.
 */
function scanReferences(s: string, pos: number): RefScan {
  const refs: TArticleRef[] = [];
  let end = pos;
  let cursor = pos;
  let pendingRange: number | null = null;
  // After a comma only a full 第X条 continues the list: `第六十一条，（一）…` is text.
  let continuesPrevious = false;
  for (;;) {
    const ref = readOneReference(s, cursor, continuesPrevious ? (refs.at(-1) ?? null) : null);
    if (ref === null) break;
    if (pendingRange !== null && ref.isNewArticle) {
      // 第三十六条至第三十八条: the articles strictly between the two ends
      for (let a = pendingRange + 1; a < ref.value.article && a - pendingRange <= MAX_RANGE; a++)
        refs.push({ article: a, paragraph: null, item: null });
    }
    refs.push(ref.value);
    end = ref.end;
    const separator = matchAt(SEPARATOR, s, end);
    if (separator === null) break;
    pendingRange = RANGE_WORDS.has(separator[1] ?? '') ? ref.value.article : null;
    continuesPrevious = !COMMAS.has(separator[1] ?? '');
    cursor = separator.index + separator[0].length;
  }
  return { refs, end };
}

/**
 * One reference at `pos`: a full `第X条…`, or — inside a list — a `第Y款…` or `（Z）项` that belongs to
 * the article (and paragraph) of `previous`.
 */
function readOneReference(
  s: string,
  pos: number,
  previous: TArticleRef | null,
): { value: TArticleRef; end: number; isNewArticle: boolean } | null {
  let cursor = pos;
  let article: number | null = null;
  let paragraph: number | null = null;
  let item: number | null = null;
  const articleMatch = matchAt(ARTICLE, s, cursor);
  if (articleMatch !== null) {
    article = positive(articleMatch[1]);
    if (article === null) return null;
    cursor += articleMatch[0].length;
  } else if (previous === null) {
    return null;
  }
  const paragraphMatch = matchAt(PARAGRAPH, s, cursor);
  if (paragraphMatch !== null) {
    paragraph = positive(paragraphMatch[1]);
    if (paragraph === null) return null;
    cursor += paragraphMatch[0].length;
  }
  const itemMatch = matchAt(ITEM, s, cursor);
  if (itemMatch !== null) {
    item = positive(itemMatch[1] ?? itemMatch[2]);
    if (item === null) return null;
    cursor += itemMatch[0].length;
  }
  if (cursor === pos) return null;
  if (article !== null) return { value: { article, paragraph, item }, end: cursor, isNewArticle: true };
  // A bare 第四款 or （四）项 after a separator continues the previous article.
  if (previous === null) return null;
  const value: TArticleRef =
    paragraph !== null
      ? { article: previous.article, paragraph, item }
      : { article: previous.article, paragraph: previous.paragraph, item };
  return { value, end: cursor, isNewArticle: false };
}

/** The canonical spelling of references: 第十四条第三款、第二十条第四项. */
function renderReferences(refs: readonly TArticleRef[]): string {
  return refs
    .map(
      (ref) =>
        `第${toChineseNumber(ref.article)}条` +
        (ref.paragraph === null ? '' : `第${toChineseNumber(ref.paragraph)}款`) +
        (ref.item === null ? '' : `第${toChineseNumber(ref.item)}项`),
    )
    .join('、');
}

// ---------------------------------------------------------------------------------------------
// The quoted text and the articles that continue a citation on a line of their own

/** `（四）` item markers inside quoted text. */
const ITEM_MARKER = new RegExp(`[（(](${NUMERAL})[）)]`, 'g');
/** closing quotes at the end of a text, with a full stop after them (`。”。` → `。`) */
const TRAILING_QUOTES = /[”"’」]+[。.]?$/;

/** The articles a line of text opens with (`第四十四条 保密行政管理部门…`), else none. */
function leadingReferences(line: string): RefScan {
  const start = line.length - line.trimStart().length;
  return scanReferences(line, start);
}

/**
 * The article references of a citation's text: the lines of the text that open with `第X条`
 * continue the citation with further articles of the same source (a paragraph `第四十四条 …` after
 * `…第四十二条 …`). Each such line, like the header, may cite one item implicitly (see
 * {@link withImpliedItem}).
 */
function continuationReferences(text: string): TArticleRef[] {
  const segments = splitSegments(text);
  return segments.flatMap((segment) => (segment.refs.length === 0 ? [] : withImpliedItem(segment.refs, segment.text)));
}

interface Segment {
  /** the references the segment's first line opens with; empty for the text before any of them */
  refs: TArticleRef[];
  /** the text of the segment after those references */
  text: string;
}

/** The text cut at every line that opens with an article reference. */
function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [{ refs: [], text: '' }];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const scan = leadingReferences(line);
    if (scan.refs.length > 0) {
      segments.push({ refs: scan.refs, text: line.slice(scan.end) });
      return;
    }
    const current = segments.at(-1);
    if (current === undefined) return;
    current.text = index === 0 ? line : `${current.text}\n${line}`;
  });
  return segments;
}

/**
 * An article quoted as its lead-in plus one single item (`第二十条 有下列行为之一的，…：（四）其他玩忽职守、
 * 贻误工作的行为。`) cites that item: the list skipped the other items on purpose. Applied only to one
 * article cited without paragraph or item, when the text holds exactly one item marker, right
 * after a colon, and ends a sentence — a cell cut off inside an item list does not qualify.
 */
function withImpliedItem(refs: TArticleRef[], text: string): TArticleRef[] {
  const [only] = refs;
  if (refs.length !== 1 || only === undefined || only.paragraph !== null || only.item !== null) return refs;
  const markers = [...text.matchAll(ITEM_MARKER)];
  const [marker] = markers;
  if (markers.length !== 1 || marker === undefined) return refs;
  // a lead-in (有下列行为之一的，…：) right before the marker, not just a colon
  const before = text.slice(0, marker.index).trim();
  const sentence = text.trimEnd().replace(TRAILING_QUOTES, '');
  if (before.length < 2 || !/[：:]$/.test(before) || !/[。；;]$/.test(sentence)) return refs;
  const item = positive(marker[1]);
  return item === null ? refs : [{ ...only, item }];
}

/**
 * Strips one pair of quotes that wraps the whole text (`“…”`, also `“…”。`), or a lone opening quote
 * the list never closed (`：“行政机关实施…的。`). The inner text is kept exactly.
 */
function unwrapQuotes(text: string): string {
  if (!text.startsWith('“')) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') depth++;
    else if (c === '”') {
      depth--;
      if (depth === 0) {
        // The opening quote closes here: it wraps the text only if nothing but a full stop follows.
        return /^[。.]?$/.test(text.slice(i + 1)) ? text.slice(1, i) : text;
      }
    }
  }
  // A lone opening quote wraps a quotation the list never closed only when the quotation ends a
  // sentence; `“；` or `“…；` is the start of something a later line continues (a run-on article
  // split onto its own line), and must read back the same wherever the line break falls.
  return depth === 1 && !text.includes('”') && !/[；;]\s*$/.test(text) ? text.slice(1) : text;
}

/** The quoted text from what follows the references: a leading `：` / `规定：` and wrapping quotes go. */
function quotedText(tail: string): string {
  let text = tail.trim();
  const colon = /^(?:规定)?[：:]/.exec(text);
  if (colon !== null) text = text.slice(colon[0].length).trimStart();
  return unwrapQuotes(text);
}

// ---------------------------------------------------------------------------------------------
// Title and edition

/** Collapse whitespace; drop it entirely next to any non-ASCII character (Chinese text and punctuation). */
function canonicalSpacing(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^ -~])|(?<=[^ -~]) /g, '');
}

/** The index of the bracket closing the one at `open`, counting nested pairs; -1 when unclosed. */
function closingIndex(s: string, open: number, openers: string, closers: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i] ?? '';
    if (openers.includes(c)) depth++;
    else if (closers.includes(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const COUNTRY = '中华人民共和国';
const ORDER_NUMBER = new RegExp(`([\\u4e00-\\u9fff]*)令\\s*第?\\s*(${NUMERAL})\\s*号`);
const DOCUMENT_NUMBER = /([\u4e00-\u9fff]+)\s*[〔［[【(（]\s*([0-9０-９]{4})\s*[〕］\]】)）]\s*第?\s*([0-9０-９]+)\s*号/;

/**
 * The issuer in front of an order or document number, without the date and verbs before it:
 * `日中华人民共和国国务院` → `国务院`, `年主席` → `主席`.
 */
function issuerOf(run: string): string {
  let issuer = run;
  const afterDate = issuer.search(/[年月日][^年月日]*$/);
  if (afterDate >= 0) issuer = issuer.slice(afterDate + 1);
  const afterVerb = /(?:印发|发布|公布|转发|以|经|由)(?!.*(?:印发|发布|公布|转发|以|经|由))/.exec(issuer);
  if (afterVerb !== null) issuer = issuer.slice(afterVerb.index + afterVerb[0].length);
  return issuer.startsWith(COUNTRY) ? issuer.slice(COUNTRY.length) : issuer;
}

/**
 * The normalised edition of an edition text (what stood in the （） after the title):
 * - the FIRST order number it names, as `主席令第28号` / `国务院令第646号`. A text that records several
 *   (`1996年主席令第六十三号公布，2009年主席令第十八号修改`) names the original order first; we keep that
 *   one because it identifies the law's edition in the registry (an amending order is not the
 *   number the law is known by — the registry maps 行政处罚法 主席令第63号);
 * - else a document number, with its year in 〔〕: `国保发〔2013〕14号`;
 * - else the text itself with spacing unified (`2017年修正`); null when empty.
 */
export function normaliseEdition(raw: string): string | null {
  const text = canonicalSpacing(raw);
  if (text === '') return null;
  const order = ORDER_NUMBER.exec(text);
  const orderNumber = positive(order?.[2]);
  if (order !== null && orderNumber !== null) {
    const issuer = issuerOf(order[1] ?? '');
    if (issuer !== '') return `${issuer}令第${orderNumber}号`;
  }
  const document = DOCUMENT_NUMBER.exec(text);
  if (document !== null) {
    const issuer = issuerOf(document[1] ?? '');
    const year = parseChineseNumber(document[2] ?? '');
    const serial = parseChineseNumber(document[3] ?? '');
    if (issuer !== '' && year !== null && serial !== null) return `${issuer}〔${year}〕${serial}号`;
  }
  return text;
}

/** The canonical title: without 《》, trimmed, spacing unified. */
export function canonicalTitle(raw: string): string {
  return canonicalSpacing(raw);
}

/**
 * A title written without 《》 (`中华人民共和国保守国家秘密法实施条例第四十一条：…`): the name of a law,
 * regulation or rule — ending in 法, 条例, 规定, 办法, 细则, 规则 or 决定 — directly followed (after an
 * optional edition in （）) by an article. Not a phrase that merely leads up to one (根据…, 依照本法…).
 */
const BARE_TITLE = new RegExp(
  `([\\u4e00-\\u9fff]{1,40}?(?:法|条例|规定|办法|细则|规则|决定))\\s*(?:[（(]([^（()）\\n]{1,60})[）)])?\\s*(?=第${NUMERAL}条)`,
  'y',
);
const NOT_A_TITLE = /^(?:根据|依据|依照|按照|遵照|参照|据|按|依|本|该|同|上述|前款|其他|有关|相关)|第/;

function bareTitleAt(s: string, pos: number): { title: string; edition: string | null; end: number } | null {
  const match = matchAt(BARE_TITLE, s, pos);
  const raw = match?.[1];
  if (match === null || raw === undefined || NOT_A_TITLE.test(raw)) return null;
  return { title: canonicalTitle(raw), edition: match[2] === undefined ? null : normaliseEdition(match[2]), end: pos + match[0].length };
}

// ---------------------------------------------------------------------------------------------
// Parse

/**
 * Reads one citation: `【rank】《title》（edition）第X条… text`. Every part may be missing; a part
 * that was cut off (`【法律】《中华人`) ends the parse and what is left is kept as text. Articles are
 * those the header cites plus those of lines of the text that open with `第X条`, never the ones
 * the quoted text merely mentions (`依照本法第三十条的规定`).
 */
export function parseCitation(text: string): TParsedCitation {
  const s = text.replace(/\r\n?/g, '\n').trim();
  let pos = 0;
  let rank: TRank | null = null;
  let title: string | null = null;
  let edition: string | null = null;
  const skipSpace = (): void => {
    while (pos < s.length && /\s/.test(s[pos] ?? '')) pos++;
  };
  const result = (headerRefs: TArticleRef[], tail: string): TParsedCitation => {
    const body = quotedText(tail);
    const header = headerRefs.length === 0 ? [] : withImpliedItem(headerRefs, splitSegments(body)[0]?.text ?? '');
    return { rank, title, edition, articles: [...header, ...continuationReferences(body)], text: body };
  };

  if (RANK_OPEN.includes(s[pos] ?? '')) {
    const close = closingIndex(s, pos, RANK_OPEN, RANK_CLOSE);
    const label = close < 0 ? null : canonicalSpacing(s.slice(pos + 1, close));
    // An unknown rank (【党内法规】) is dropped — the contract knows four — but only in front of the
    // title it labels: without one, nothing says what it labels, and the label stays in the text
    // (so that `【党内法规】第三条` is not read as a further article of the citation before it).
    const isUnknownRankOfTitle = label !== null && isRankLike(s[pos] ?? '', label) && /^\s*《/.test(s.slice(close + 1));
    if (label !== null && (RANK_SPELLINGS.has(label) || isUnknownRankOfTitle)) {
      rank = RANK_SPELLINGS.get(label) ?? null;
      pos = close + 1;
      skipSpace();
    }
  }
  const bare = s[pos] === '《' ? null : bareTitleAt(s, pos);
  if (bare !== null) {
    title = bare.title;
    edition = bare.edition;
    pos = bare.end;
  } else if (s[pos] === '《') {
    const close = closingIndex(s, pos, '《', '》');
    if (close < 0) return result([], s.slice(pos));
    title = canonicalTitle(s.slice(pos + 1, close));
    pos = close + 1;
    skipSpace();
    if (s[pos] === '（' || s[pos] === '(') {
      const closeEdition = closingIndex(s, pos, '（(', '）)');
      if (closeEdition < 0) return result([], s.slice(pos));
      edition = normaliseEdition(s.slice(pos + 1, closeEdition));
      pos = closeEdition + 1;
    }
    skipSpace();
  }
  const scan = scanReferences(s, pos);
  return result(scan.refs, s.slice(scan.end));
}

// ---------------------------------------------------------------------------------------------
// Build the citations of a cell

/** Does the entry open with an article and name no source — a further article of the citation before? */
function isContinuation(entryText: string, parsed: TParsedCitation): boolean {
  return parsed.rank === null && parsed.title === null && leadingReferences(entryText.trim()).refs.length > 0;
}

const EMPTY_FIELDS: TParsedCitation = { rank: null, title: null, edition: null, articles: [], text: '' };

/**
 * The citations of one cell, one per entry:
 * - an unnumbered entry that opens with `第X条` and names no source (a paragraph `第四十四条 …` after
 *   `【法律】《…》第四十二条 …`) continues the citation before it: its text is appended after '\n',
 *   keeping its `第四十四条`, and the articles that line opens with are added — so a citation's
 *   articles are always its header's followed by those its text's lines open with;
 * - a NUMBERED entry that does so stays its own citation (other entries may refer to its number
 *   with 同N) and takes rank, title and edition from the citation before it;
 * - `同N` entries copy the fields of citation N and keep `sameAs: N`; when N names no citation of
 *   the cell, the fields stay empty for the linter to flag.
 */
export function buildCitations(cellEntries: CellEntry[]): TCitation[] {
  const citations: TCitation[] = [];
  for (const entry of cellEntries.flatMap(splitRunTogether)) {
    if (entry.sameAs !== null) {
      citations.push({ no: entry.no, sameAs: entry.sameAs, ...EMPTY_FIELDS, articles: [], truncated: entry.truncated });
      continue;
    }
    const parsed = parseCitation(entry.text);
    const previous = citations.at(-1);
    if (previous !== undefined && previous.sameAs === null && isContinuation(entry.text, parsed)) {
      if (entry.no === null) {
        const continued = entry.text.replace(/\r\n?/g, '\n').trim();
        // The articles are those the kept line names, as for any line of a citation's text: a line
        // `第四十四条 第二十条…` adds 44 only, and the text alone says which articles it continues with.
        previous.articles.push(...continuationReferences(continued));
        previous.text = previous.text === '' ? continued : `${previous.text}\n${continued}`;
        previous.truncated ||= entry.truncated;
        continue;
      }
      citations.push({
        ...parsed,
        rank: previous.rank,
        title: previous.title,
        edition: previous.edition,
        no: entry.no,
        sameAs: null,
        truncated: entry.truncated,
      });
      continue;
    }
    citations.push({ no: entry.no, sameAs: null, ...parsed, truncated: entry.truncated });
  }
  return citations.map((citation) => (citation.sameAs === null ? citation : resolveSameAs(citation, citations)));
}

/** `【规章】《` inside an entry's text, after its start: a further citation written on without a break. */
const RANK_THEN_TITLE = `[【［\\[](?:${[...RANK_SPELLINGS.keys()].join('|')})[】］\\]]\\s*《`;
const INLINE_SOURCE = new RegExp(`(?<=[。；;！？!?])[ \\t]*(?=${RANK_THEN_TITLE})`, 'g');
const ANY_SOURCE = new RegExp(RANK_THEN_TITLE);
/** `。第十一条 …` inside an entry's text: a further article of the same source written on without a break. */
const INLINE_ARTICLE = new RegExp(`(?<=[。；;])[ \\t]*(?=第${NUMERAL}条(?:之${NUMERAL})?(?:第${NUMERAL}款)?[\\s：:“])`, 'g');

/**
 * Whether a citation's text holds what the reader splits off (a further `【rank】《…》` citation or a
 * `。第X条` article run on): such a text cannot come out of the reader, nor be written so that it
 * reads back as one text.
 */
export function hasRunTogetherParts(text: string): boolean {
  INLINE_ARTICLE.lastIndex = 0;
  return ANY_SOURCE.test(text) || INLINE_ARTICLE.test(text);
}

/** A line of an entry that opens with `【rank】《`: a citation of its own. */
const SOURCE_LINE = new RegExp(`\\n(?=\\s*${RANK_THEN_TITLE})`);
const SAME_AS_TEXT = /^同\s*(\d{1,3})\s*[.。．]?$/;

/**
 * An entry holding several citations — run together without a break (`…的规定。【规章】《…》第三条 …`)
 * or on lines of their own under one number — becomes one entry per citation, the later ones
 * unnumbered; a further article run on after a full stop (`…的规定。第十一条 …`) goes on a line of its
 * own, where it continues the citation. (An unnumbered citation after a numbered one is written as
 * a line of its own, and reads back so.)
 */
function splitRunTogether(entry: CellEntry): CellEntry[] {
  if (entry.sameAs !== null) return [entry];
  const text = entry.text.replace(INLINE_SOURCE, '\n').replace(INLINE_ARTICLE, '\n');
  const parts = text.split(SOURCE_LINE).map((part) => part.trim());
  if (parts.length <= 1) return [text === entry.text ? entry : { ...entry, text }];
  return parts.map((part, index) => {
    const sameAs = SAME_AS_TEXT.exec(part);
    return {
      no: index === 0 ? entry.no : null,
      sameAs: sameAs ? Number(sameAs[1]) : null,
      text: part,
      truncated: index === parts.length - 1 ? entry.truncated : false,
    };
  });
}

/** A `同N` citation with the fields of citation N of the same cell (resolving chains 同2 → 同1). */
function resolveSameAs(citation: TCitation, citations: readonly TCitation[]): TCitation {
  const byNo = (no: number, self: TCitation): TCitation | undefined => citations.find((c) => c.no === no && c !== self);
  const seen = new Set<TCitation>([citation]);
  let target = citation;
  while (target.sameAs !== null) {
    const next = byNo(target.sameAs, target);
    // 同N naming no entry, or a loop of 同 (1.同2 2.同1): nothing to copy
    if (next === undefined || seen.has(next)) return citation;
    seen.add(next);
    target = next;
  }
  return {
    ...citation,
    rank: target.rank,
    title: target.title,
    edition: target.edition,
    articles: target.articles.map((ref) => ({ ...ref })),
    text: target.text,
  };
}

// ---------------------------------------------------------------------------------------------
// Render

/** Do two parsed citations say the same? */
export function sameCitationFields(a: TParsedCitation, b: TParsedCitation): boolean {
  return (
    a.rank === b.rank &&
    a.title === b.title &&
    a.edition === b.edition &&
    a.text === b.text &&
    a.articles.length === b.articles.length &&
    a.articles.every((ref, i) => {
      const other = b.articles[i];
      return other !== undefined && ref.article === other.article && ref.paragraph === other.paragraph && ref.item === other.item;
    })
  );
}

/**
 * Does `entryText`, behind `marker`, read the way the importer reads the entry of a cell, give back
 * `c`? The cell reader splits the entry into paragraphs first — an unnumbered entry becomes one
 * entry per paragraph, paragraphs opening with `第X条` then continue the citation, empty ones
 * vanish, a paragraph `2.…` may open an entry — so the check goes through that same path
 * (splitCellEntries, buildCitations), not through parseCitation of the entry alone.
 */
function readsBackAs(entryText: string, marker: string, c: TCitation): boolean {
  const [read, ...more] = buildCitations(splitCellEntries(marker + entryText));
  return read !== undefined && more.length === 0 && read.no === c.no && read.sameAs === null && sameCitationFields(read, c);
}

/**
 * The ways of writing `text` after the header `head`, most natural first. After an article the
 * text is set off by a space; after a bracket (a source with no article, a cut-off `【法律】《中华人`)
 * it follows directly. A text that itself starts with a colon, a quote, a blank or an article
 * reference needs it written quoted (`第X条：“text”`, or with a lone opening quote as lists write it),
 * or after a colon (`第X条：text`; `第X条： text` keeps a text that opens with `3. 1.` from opening
 * entries).
 */
function textForms(head: string, hasArticles: boolean, text: string): string[] {
  const plain = text === '' || head === '' || !hasArticles ? head + text : `${head} ${text}`;
  return [plain, `${head} ${text}`, `${head}：“${text}”`, `${head}：${text}`, `${head}： ${text}`, `${head}“${text}`];
}

/**
 * Every way of writing a citation back as a cell entry (without its number marker), most natural
 * first: `【rank】《title》（edition）第X条第Y款 text`, continuation articles on lines of their own as
 * the text holds them, `同N。` for a 同N entry. The text after the header takes the forms of
 * textForms. An unnumbered citation is read paragraph by paragraph — its first line with the
 * header, the `第X条` lines after it verbatim — so for a text of several lines the first line may
 * also be written in a form of its own, the rest as it is: quoting the whole text would put the
 * closing quote on the last line. A text that opens with a `第X条` line after a source that names no
 * article of its own is written as such lists write it: the source on a line of its own.
 */
export function citationForms(c: TCitation): string[] {
  if (c.sameAs !== null) return [`同${c.sameAs}。`];
  const source =
    (c.rank === null ? '' : `【${c.rank}】`) +
    (c.title === null ? '' : `《${c.title}》`) +
    (c.title === null || c.edition === null ? '' : `（${c.edition}）`);
  const continuing = continuationReferences(c.text).length;
  const headerRefs = c.articles.slice(0, Math.max(0, c.articles.length - continuing));
  const head = source + renderReferences(headerRefs);
  const hasArticles = headerRefs.length > 0;
  const lineBreak = c.text.indexOf('\n');
  const firstLineForms =
    lineBreak < 0 ? [] : textForms(head, hasArticles, c.text.slice(0, lineBreak)).map((form) => form + c.text.slice(lineBreak));
  const sourceLineForms = textForms(head, hasArticles, '').map((form) => `${form}\n${c.text}`);
  // A source naming no article of its own, its text opening with a `第X条` line: the source is
  // written on a line of its own first, as lists write it.
  const opensWithArticleLine = !hasArticles && continuing > 0 && leadingReferences(c.text).refs.length > 0;
  return opensWithArticleLine
    ? [...sourceLineForms, ...textForms(head, hasArticles, c.text), ...firstLineForms]
    : [...textForms(head, hasArticles, c.text), ...firstLineForms, ...sourceLineForms];
}

/**
 * The first of a citation's forms (see citationForms) that, written behind `marker` (`2.`, `（二）`,
 * none for an unnumbered citation), reads back to the same citation through the cell reader (see
 * readsBackAs); null when none does on its own.
 */
export function findCitationForm(c: TCitation, marker: string): string | null {
  return citationForms(c).find((form) => readsBackAs(form, marker, c)) ?? null;
}

/**
 * One citation written back as a cell entry: the first of its forms that reads back (see
 * findCitationForm), the plain form when none does on its own. `marker` is the number marker the
 * entry will be written behind; by default `N. ` for a numbered citation (the Arabic spelling that
 * reads the same whatever the text starts with).
 */
export function renderCitation(c: TCitation, marker: string = c.no === null ? '' : `${c.no}. `): string {
  return findCitationForm(c, marker) ?? citationForms(c)[0] ?? '';
}
