/**
 * Finding the list's own accountability clause (追责情形) a rule enforces, and its basis (追责依据).
 *
 * A rule finds its clause by what the clause says (keywords such as 回避, 执法资格, 夜间或者法定节假日),
 * falling back to the item's 违反法定程序 clause. Where the item names neither, the finding says the
 * list has no clause for it — a gap in the list that the coverage table shows too.
 */
import type { TCitation, TPowerItem } from '../../contracts/power-list.js';
import { formatArticlesZh } from '../legal-sources/format-article.js';

/** A clause of the item's 追责情形 with its 追责依据, as a refusal or finding quotes it. */
export interface ClauseRef {
  /** the clause's number in the list, null when unnumbered */
  no: number | null;
  text: string;
  /** the 追责依据 citation written out (《…》第…条), null when the list gives none for the clause */
  basis: string | null;
  /** the clause was found by the fallback (违反法定程序), not by the rule's own words */
  isFallback: boolean;
}

/** The words of the catch-all procedure clause every rule falls back to. */
export const PROCEDURE_CLAUSE_KEYWORDS = ['违反法定程序'] as const;

/** The citation written for people: 《中华人民共和国行政强制法》第六十一条. */
export function describeCitation(citation: TCitation): string {
  const title = citation.title ? `《${citation.title}》` : '';
  const articles = citation.articles.length ? formatArticlesZh(citation.articles) : '';
  const text = `${title}${articles}`;
  return text || citation.text.slice(0, 60);
}

/** The 追责依据 of clause `no`: the entry with the same number, else the only entry. */
export function basisOfClause(item: Pick<TPowerItem, 'accountabilityBases'>, no: number | null): string | null {
  const bases = item.accountabilityBases;
  const numbered = no === null ? undefined : bases.find((b) => b.no === no);
  const chosen = numbered ?? (bases.length === 1 ? bases[0] : undefined);
  if (!chosen) return null;
  if (chosen.title === null && chosen.articles.length === 0 && chosen.text.trim() === '') return null;
  return describeCitation(chosen);
}

/** The first clause whose text contains one of the keywords. */
function clauseWith(item: Pick<TPowerItem, 'accountability' | 'accountabilityBases'>, keywords: readonly string[]) {
  return item.accountability.find((clause) => keywords.some((word) => clause.text.includes(word)));
}

/**
 * The clause a rule enforces: by its own keywords, else the 违反法定程序 clause (isFallback), else null.
 */
export function findClause(
  item: Pick<TPowerItem, 'accountability' | 'accountabilityBases'>,
  keywords: readonly string[],
): ClauseRef | null {
  const own = clauseWith(item, keywords);
  if (own) return { no: own.no, text: own.text, basis: basisOfClause(item, own.no), isFallback: false };
  const fallback = clauseWith(item, PROCEDURE_CLAUSE_KEYWORDS);
  if (fallback) return { no: fallback.no, text: fallback.text, basis: basisOfClause(item, fallback.no), isFallback: true };
  return null;
}
