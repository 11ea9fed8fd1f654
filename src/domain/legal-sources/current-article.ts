/**
 * Where a cited article of one edition sits in the edition now in force, as far as the registry's
 * article map says — following mappings across intermediate editions (2010 → 2024 → a later one).
 * What the map does not say is unknown; nothing is inferred from article numbers.
 */
import type { TEdition, TEditionArticle, TLegalSource, TMappingConfidence } from '../../contracts/legal-sources.js';
import type { TArticleRef } from '../../contracts/power-list.js';

/** The answer for one cited article. */
export type TCurrentArticle =
  /** the cited edition is itself in force: the article stands as cited */
  | { status: 'current'; current: TEdition }
  /** the registry maps the article into the current edition */
  | { status: 'mapped'; current: TEdition; articles: TEditionArticle[]; confidence: TMappingConfidence; notes: string[] }
  /** the registry does not know: no edition in force, or no mapping for this article */
  | { status: 'unknown'; current: TEdition | null; reason: 'no-current-edition' | 'no-mapping' };

/** The edition of `source` recorded as in force, or null (the registry allows at most one). */
export function currentEdition(source: TLegalSource): TEdition | null {
  return source.editions.find((edition) => edition.status === 'in-force') ?? null;
}

interface MappedChain {
  articles: TEditionArticle[];
  confidence: TMappingConfidence;
  notes: string[];
}

/**
 * The mapping for an article of an edition: the one naming its paragraph first, else the one for
 * the whole article. A mapping for one paragraph says nothing about the rest of the article, so a
 * citation of the whole article does not use it.
 */
function findMapping(source: TLegalSource, edition: string, article: number, paragraph: number | null) {
  const candidates = source.articleMap.filter((mapping) => mapping.from.edition === edition && mapping.from.article === article);
  return (
    candidates.find((mapping) => mapping.from.paragraph !== undefined && mapping.from.paragraph === paragraph) ??
    candidates.find((mapping) => mapping.from.paragraph === undefined) ??
    null
  );
}

/** Follow mappings from (edition, article) to `target`; null as soon as one link is missing. */
function mapArticle(
  source: TLegalSource,
  edition: string,
  article: number,
  paragraph: number | null,
  target: string,
  visited: ReadonlySet<string>,
): MappedChain | null {
  const mapping = findMapping(source, edition, article, paragraph);
  if (mapping === null) return null;
  const articles: TEditionArticle[] = [];
  let confidence: TMappingConfidence = mapping.confidence;
  const notes = mapping.note === undefined ? [] : [mapping.note];
  for (const to of mapping.to) {
    if (to.edition === target) {
      articles.push(to);
      continue;
    }
    // A registry with a mapping cycle must not loop forever; the cycle makes the answer unknown.
    const step = `${to.edition}#${to.article}#${to.paragraph ?? ''}`;
    if (visited.has(step)) return null;
    const next = mapArticle(source, to.edition, to.article, to.paragraph ?? null, target, new Set([...visited, step]));
    // Part of a split article with no known destination: the whole answer is unknown, not partial.
    if (next === null) return null;
    articles.push(...next.articles);
    if (next.confidence === 'inferred') confidence = 'inferred';
    notes.push(...next.notes);
  }
  return { articles: dedupeArticles(articles), confidence, notes };
}

function dedupeArticles(articles: TEditionArticle[]): TEditionArticle[] {
  const seen = new Set<string>();
  return articles.filter((article) => {
    const key = `${article.edition}#${article.article}#${article.paragraph ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Where `ref` of `citedEdition` (an edition name exactly as the registry spells it) is in the
 * edition in force: as cited when that edition is in force, the mapped articles with the weakest
 * confidence met along the way and every mapping note, or unknown with the reason.
 */
export function currentArticle(source: TLegalSource, citedEdition: string, ref: TArticleRef): TCurrentArticle {
  const current = currentEdition(source);
  if (current === null) return { status: 'unknown', current: null, reason: 'no-current-edition' };
  if (current.edition === citedEdition) return { status: 'current', current };
  const start = `${citedEdition}#${ref.article}#${ref.paragraph ?? ''}`;
  const chain = mapArticle(source, citedEdition, ref.article, ref.paragraph, current.edition, new Set([start]));
  if (chain === null) return { status: 'unknown', current, reason: 'no-mapping' };
  return { status: 'mapped', current, ...chain };
}
