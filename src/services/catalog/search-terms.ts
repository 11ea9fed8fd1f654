/**
 * What people type, as terms: "网络 泄密" is two terms, and "网络泄密" — a phrase the list never
 * uses — falls apart into its two-character words (网络, 络泄, 泄密), so that it still finds the
 * item that speaks of 网络 and 泄密. Items are ranked by how many terms they contain. When nothing
 * matches, the suggestion is the item names sharing the most two-character words with the query.
 */

/** A term as typed, and the pieces looked for: itself, or its two-character words. */
export interface SearchTerm {
  typed: string;
  pieces: string[];
}

/** How well a text matches. */
export interface TermScore {
  /** how many typed terms it matches (the rank) */
  terms: number;
  /** the pieces found, for highlighting and snippets */
  matched: string[];
}

const CJK_RUN = /^[\p{Script=Han}]+$/u;

/** The query's own terms: split on white space and punctuation, lower-cased, deduplicated. */
export function queryTerms(query: string): string[] {
  const terms = query
    .toLowerCase()
    .split(/[\s,，、;；。.!！?？:：/|]+/u)
    .map((term) => term.trim())
    .filter((term) => term !== '');
  return [...new Set(terms)];
}

/** Overlapping two-character pieces of a Han run (网络泄密 → 网络, 络泄, 泄密). */
export function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return [text];
  return [...new Set(chars.slice(0, -1).map((char, index) => `${char}${chars[index + 1]}`))];
}

/**
 * The terms to look for, given `texts` that contain some of them: each query term as typed when a
 * text contains it; a Han term of three or more characters that none contains becomes its
 * two-character words.
 */
export function expandTerms(query: string, texts: readonly string[]): SearchTerm[] {
  const lowered = texts.map((text) => text.toLowerCase());
  return queryTerms(query).map((typed) => {
    const found = lowered.some((text) => text.includes(typed));
    const pieces = !found && CJK_RUN.test(typed) && [...typed].length >= 3 ? bigrams(typed) : [typed];
    return { typed, pieces };
  });
}

/** Every piece to look for, once. */
export function allPieces(terms: readonly SearchTerm[]): string[] {
  return [...new Set(terms.flatMap((term) => term.pieces))];
}

/**
 * Which terms a text matches: a term as typed when the text contains it; a term broken into
 * two-character words when the text contains more than half of them (so that a long phrase does
 * not match every text sharing one common word).
 */
export function scoreText(text: string, terms: readonly SearchTerm[]): TermScore {
  const lowered = text.toLowerCase();
  let count = 0;
  const matched: string[] = [];
  for (const term of terms) {
    const found = term.pieces.filter((piece) => lowered.includes(piece));
    const hit = term.pieces.length === 1 ? found.length === 1 : found.length * 2 > term.pieces.length;
    if (!hit) continue;
    count += 1;
    matched.push(...found);
  }
  return { terms: count, matched: [...new Set(matched)] };
}

/** Up to `limit` names that share the most two-character words with the query (none when none share any). */
export function suggestNames(query: string, names: readonly string[], limit = 3): string[] {
  const wanted = new Set(queryTerms(query).flatMap((term) => bigrams(term)));
  if (wanted.size === 0) return [];
  return names
    .map((name, index) => ({ name, index, shared: bigrams(name.toLowerCase()).filter((piece) => wanted.has(piece)).length }))
    .filter((entry) => entry.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.name);
}
