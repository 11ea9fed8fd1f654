/**
 * Stale citations: which citations of a list cite an edition the registry records as superseded
 * or repealed, and where the cited article is in the edition in force — or that the registry does
 * not know. Two outputs from one analysis: structured notices (item page, cases) and linter
 * findings (rules `stale-citation`, `unresolved-citation`, `citation-status-unknown`).
 *
 * Decisions, so that nothing is guessed:
 * - a citation naming no edition is reported as "edition not stated" (unresolved-citation), never
 *   assumed to be the edition in force when the list was made;
 * - a mapping that covers only one paragraph does not answer for the whole article;
 * - citations without a title, and truncated citations whose (possibly cut) title matches no
 *   source, are left to the list linter (rules citation-without-title and truncated-cell);
 * - entries written as `同N` get a notice (the item page shows them) but no finding of their own:
 *   the finding on entry N covers them.
 */
import {
  EDITION_STATUS_LABELS,
  MAPPING_CONFIDENCE_LABELS,
  type TCitationNotice,
  type TEdition,
  type TLegalRegistry,
  type TNoticeArticle,
  ZIsoDate,
} from '../../contracts/legal-sources.js';
import type { TArticleRef, TCitation, TFinding, TPowerItem } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../errors.js';
import { currentArticle, currentEdition } from './current-article.js';
import { formatArticleEn, formatArticlesEn, formatArticlesZh, formatArticleZh } from './format-article.js';
import { eachCitation } from './registry.js';
import { resolveCitation, type TResolvedCitation } from './resolve-citation.js';

/** Rule ids of the findings this module produces. */
export const STALE_CITATION_RULES = {
  /** warning: the citation names a superseded or repealed edition */
  stale: 'stale-citation',
  /** info: the registry does not know the source or the edition, or the citation names no edition */
  unresolved: 'unresolved-citation',
  /** info: the registry does not know whether the cited edition is in force */
  statusUnknown: 'citation-status-unknown',
} as const;

function checkAsOf(asOf: string): void {
  if (!ZIsoDate.safeParse(asOf).success) {
    throw new DomainError(ERROR_CODES.validation, `核对日期应为 YYYY-MM-DD：${asOf}`, {
      issues: [{ path: ['asOf'], message: '日期格式应为 YYYY-MM-DD' }],
    });
  }
}

function editionFacts(edition: TEdition | null) {
  return {
    registryEdition: edition?.edition ?? null,
    status: edition?.status ?? null,
    adopted: edition?.adopted ?? null,
    effective: edition?.effective ?? null,
    note: edition?.note ?? null,
  };
}

function noticeArticle(sourceArticles: ReturnType<typeof currentArticle>, cited: TArticleRef): TNoticeArticle {
  switch (sourceArticles.status) {
    case 'mapped':
      return { cited, mapped: sourceArticles.articles, confidence: sourceArticles.confidence, notes: sourceArticles.notes };
    case 'current':
      // Not reached for a stale citation (its edition is not the one in force); kept total.
      return {
        cited,
        mapped: [
          {
            edition: sourceArticles.current.edition,
            article: cited.article,
            ...(cited.paragraph === null ? {} : { paragraph: cited.paragraph }),
          },
        ],
        confidence: 'checked',
        notes: [],
      };
    case 'unknown':
      return { cited, mapped: null, confidence: null, notes: [] };
  }
}

/** What a notice says about a citation, apart from where the citation sits. */
type NoticeBody = Omit<TCitationNotice, 'item' | 'field' | 'entry' | 'sameAs'>;

/** What the notice of one citation depends on, apart from the registry and the date. */
function citationKey(citation: TCitation): string {
  const articles = citation.articles.map((ref) => `${ref.article}.${ref.paragraph ?? ''}.${ref.item ?? ''}`).join(',');
  return `${citation.title}\u0001${citation.edition ?? '\u0002'}\u0001${citation.truncated ? 1 : 0}\u0001${articles}`;
}

/**
 * A reader of notice bodies that resolves each distinct citation once: a list of 10,000 items cites
 * the same few articles thousands of times, and resolving and wording them is the expensive part.
 * The bodies it returns are shared between notices — treat them as immutable.
 */
function noticeBodyReader(registry: TLegalRegistry, asOf: string): (citation: TCitation) => NoticeBody | null {
  const bodies = new Map<string, NoticeBody | null>();
  // A second, coarser memo: many distinct citations (other articles) name the same title and edition.
  const resolutions = new Map<string, TResolvedCitation | null>();
  const resolve = (citation: TCitation): TResolvedCitation | null => {
    const key = `${citation.title}\u0001${citation.edition ?? '\u0002'}`;
    let resolved = resolutions.get(key);
    if (resolved === undefined) {
      resolved = resolveCitation(citation, registry);
      resolutions.set(key, resolved);
    }
    return resolved;
  };
  return (citation) => {
    const key = citationKey(citation);
    let body = bodies.get(key);
    if (body === undefined) {
      body = noticeBody(citation, resolve(citation), asOf);
      bodies.set(key, body);
    }
    return body;
  };
}

/** The notice body for one citation as resolved, or null when there is nothing to say (in force, or nothing to resolve). */
function noticeBody(citation: TCitation, resolved: TResolvedCitation | null, asOf: string): NoticeBody | null {
  if (citation.title === null) return null;
  if (resolved === null) {
    if (citation.truncated) return null;
    return {
      kind: 'source-unknown',
      cited: {
        title: citation.title,
        sourceId: null,
        sourceTitle: null,
        edition: citation.edition,
        articles: citation.articles,
        ...editionFacts(null),
      },
      current: null,
      articles: [],
    };
  }
  const { source } = resolved;
  const cited = {
    title: citation.title,
    sourceId: source.id,
    sourceTitle: source.title,
    edition: citation.edition,
    articles: citation.articles,
  };
  if (resolved.edition === null) {
    return { kind: resolved.reason, cited: { ...cited, ...editionFacts(null) }, current: null, articles: [] };
  }
  const edition = resolved.edition;
  if (edition.status === 'in-force') return null;
  if (edition.status === 'unknown') {
    return { kind: 'status-unknown', cited: { ...cited, ...editionFacts(edition) }, current: null, articles: [] };
  }
  const current = currentEdition(source);
  return {
    kind: 'stale',
    cited: { ...cited, ...editionFacts(edition) },
    current:
      current === null
        ? null
        : {
            edition: current.edition,
            adopted: current.adopted ?? null,
            effective: current.effective ?? null,
            isEffective: current.effective === undefined || current.effective <= asOf,
            note: current.note ?? null,
          },
    articles: citation.articles.map((ref) => noticeArticle(currentArticle(source, edition.edition, ref), ref)),
  };
}

/**
 * Structured notices for every citation of `items` that is stale, of unknown status, or not
 * resolvable against the registry, in list order (item, field, entry). `asOf` (YYYY-MM-DD) decides
 * whether a recorded revision is already in force.
 */
export function staleCitationNotices(items: readonly TPowerItem[], registry: TLegalRegistry, asOf: string): TCitationNotice[] {
  checkAsOf(asOf);
  const bodyOf = noticeBodyReader(registry, asOf);
  return eachCitation(items).flatMap(({ item, field, entry, citation }) => {
    const body = bodyOf(citation);
    return body === null ? [] : [{ item: item.no, field, entry, sameAs: citation.sameAs, ...body }];
  });
}

function editionLabelZh(edition: string, adopted: string | null): string {
  return adopted === null ? edition : `${adopted.slice(0, 4)}年版，${edition}`;
}

function editionLabelEn(edition: string, adopted: string | null): string {
  return adopted === null ? edition : `${adopted.slice(0, 4)} edition, ${edition}`;
}

function currentLabelZh(current: NonNullable<TCitationNotice['current']>): string {
  const name = current.isEffective ? '现行版本' : '修订后的版本';
  const when =
    current.effective === null ? '' : current.isEffective ? `，${current.effective}施行` : `，${current.effective}起施行，尚未生效`;
  return `${name}（${current.edition}${when}）`;
}

function currentLabelEn(current: NonNullable<TCitationNotice['current']>): string {
  const name = current.isEffective ? 'the current edition' : 'the revised edition';
  const when =
    current.effective === null
      ? ''
      : current.isEffective
        ? `, in force since ${current.effective}`
        : `, in force from ${current.effective}, not yet`;
  return `${name} (${current.edition}${when})`;
}

function withNotes(message: { zh: string; en: string }, notes: readonly string[]): { zh: string; en: string } {
  if (notes.length === 0) return message;
  return { zh: `${message.zh}法律依据库备注：${notes.join('；')}`, en: `${message.en} Registry note: ${notes.join('; ')}.` };
}

/** The message of a stale citation, about one cited article (or about the citation when it names none). */
function staleMessage(notice: NoticeBody, article: TNoticeArticle | null): { zh: string; en: string } {
  const title = notice.cited.sourceTitle ?? notice.cited.title;
  const edition = notice.cited.registryEdition ?? notice.cited.edition ?? '';
  const isRepealed = notice.cited.status === 'repealed';
  const citedZh = `引用《${title}》（${editionLabelZh(edition, notice.cited.adopted)}）${article ? formatArticleZh(article.cited) : ''}，该版本${isRepealed ? '已废止' : '已被修订'}；`;
  const citedEn = `Cites 《${title}》 (${editionLabelEn(edition, notice.cited.adopted)})${article ? ` ${formatArticleEn(article.cited)}` : ''}, an edition since ${isRepealed ? 'repealed' : 'revised'}; `;
  const current = notice.current;
  const editionNotes = [notice.current?.note].filter((note): note is string => typeof note === 'string');
  if (current === null) {
    return withNotes(
      {
        zh: `${citedZh}法律依据库中没有现行有效版本，对应条款未知，请人工核对。`,
        en: `${citedEn}the registry has no edition in force, so the corresponding article is unknown — check by hand.`,
      },
      [],
    );
  }
  if (article === null) {
    return withNotes(
      {
        zh: `${citedZh}${currentLabelZh(current)}中的对应条款请人工核对。`,
        en: `${citedEn}check the corresponding article of ${currentLabelEn(current)} by hand.`,
      },
      editionNotes,
    );
  }
  if (article.mapped === null || article.confidence === null) {
    return withNotes(
      {
        zh: `${citedZh}${currentLabelZh(current)}对应条款未知，请人工核对。`,
        en: `${citedEn}the corresponding article of ${currentLabelEn(current)} is unknown — check by hand.`,
      },
      editionNotes,
    );
  }
  return withNotes(
    {
      zh: `${citedZh}${currentLabelZh(current)}对应${formatArticlesZh(article.mapped)}（${MAPPING_CONFIDENCE_LABELS[article.confidence]}）。`,
      en: `${citedEn}${currentLabelEn(current)} has it as ${formatArticlesEn(article.mapped)} (${article.confidence}).`,
    },
    [...article.notes, ...editionNotes],
  );
}

/** The message of a notice that is not about a stale edition. */
function otherMessage(notice: NoticeBody): { zh: string; en: string } {
  const title = notice.cited.sourceTitle ?? notice.cited.title;
  const articles = notice.cited.articles;
  const refs = articles.length === 0 ? { zh: '', en: '' } : { zh: formatArticlesZh(articles), en: ` ${formatArticlesEn(articles)}` };
  switch (notice.kind) {
    case 'status-unknown': {
      const edition = notice.cited.registryEdition ?? '';
      return withNotes(
        {
          zh: `引用《${title}》（${edition}）${refs.zh}，法律依据库未能确认该版本是否现行有效（效力状态：${EDITION_STATUS_LABELS.unknown}），请人工核对。`,
          en: `Cites 《${title}》 (${edition})${refs.en}; the registry does not know whether this edition is in force — check by hand.`,
        },
        notice.cited.note === null ? [] : [notice.cited.note],
      );
    }
    case 'edition-not-stated':
      return {
        zh: `引用《${title}》${refs.zh}未注明版本，无法判断所引是否为现行版本，请人工核对。`,
        en: `Cites 《${title}》${refs.en} without naming an edition, so whether it cites the edition in force cannot be told — check by hand.`,
      };
    case 'edition-unknown':
      return {
        zh: `引用《${title}》（${notice.cited.edition ?? ''}）${refs.zh}，法律依据库中没有该版本，无法判断是否现行有效，请人工核对。`,
        en: `Cites 《${title}》 (${notice.cited.edition ?? ''})${refs.en}, an edition the registry does not know — check by hand whether it is in force.`,
      };
    case 'source-unknown':
      return {
        zh: `引用《${title}》${refs.zh}，该依据未在法律依据库中登记，无法判断是否现行有效。`,
        en: `Cites 《${title}》${refs.en}, a source the legal-source registry does not know; whether it is in force cannot be told.`,
      };
    case 'stale':
      return staleMessage(notice, null);
  }
}

/** The rule, severity and messages of a notice's findings; the same wherever the citation sits. */
interface FindingText {
  rule: string;
  severity: TFinding['severity'];
  message: string;
  messageEn: string;
}

/** One finding text per cited article of a stale citation (one when it names none), else one. */
function findingTexts(notice: NoticeBody): FindingText[] {
  if (notice.kind === 'stale') {
    const messages =
      notice.articles.length === 0 ? [staleMessage(notice, null)] : notice.articles.map((article) => staleMessage(notice, article));
    return messages.map(({ zh, en }) => ({ rule: STALE_CITATION_RULES.stale, severity: 'warning', message: zh, messageEn: en }));
  }
  const { zh, en } = otherMessage(notice);
  const rule = notice.kind === 'status-unknown' ? STALE_CITATION_RULES.statusUnknown : STALE_CITATION_RULES.unresolved;
  return [{ rule, severity: 'info', message: zh, messageEn: en }];
}

function placeFinding(text: FindingText, at: { item: number; field: TCitationNotice['field']; entry: number }): TFinding {
  return { rule: text.rule, severity: text.severity, ...at, message: text.message, messageEn: text.messageEn };
}

/**
 * The findings of one notice: a `stale-citation` warning per cited article (one for the citation
 * when it names no article), or one info finding for the other kinds. `同N` entries give none.
 */
export function noticeFindings(notice: TCitationNotice): TFinding[] {
  if (notice.sameAs !== null) return [];
  const at = { item: notice.item, field: notice.field, entry: notice.entry };
  return findingTexts(notice).map((text) => placeFinding(text, at));
}

/**
 * Lint `items` against the registry as of `asOf` (YYYY-MM-DD): `stale-citation` warnings with the
 * current article where the registry knows it and "unknown" where not, `unresolved-citation` and
 * `citation-status-unknown` infos. In list order. Each distinct citation is resolved and worded
 * once, so 10,000 items take milliseconds, not seconds.
 */
export function findStaleCitations(items: readonly TPowerItem[], registry: TLegalRegistry, asOf: string): TFinding[] {
  checkAsOf(asOf);
  const bodyOf = noticeBodyReader(registry, asOf);
  const textsByBody = new Map<NoticeBody, FindingText[]>();
  return eachCitation(items).flatMap(({ item, field, entry, citation }) => {
    if (citation.sameAs !== null) return [];
    const body = bodyOf(citation);
    if (body === null) return [];
    let texts = textsByBody.get(body);
    if (texts === undefined) {
      texts = findingTexts(body);
      textsByBody.set(body, texts);
    }
    return texts.map((text) => placeFinding(text, { item: item.no, field, entry }));
  });
}
