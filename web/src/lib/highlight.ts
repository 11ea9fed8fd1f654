/**
 * Splits a text around the occurrences of a search query so that React can render the matches in
 * <mark> elements — the text stays text (no HTML is ever built from it).
 */

/** A run of text, marked when it equals the query. */
export interface HighlightSegment {
  text: string;
  isMatch: boolean;
}

/** Splits `text` at every occurrence of `query` (case-insensitive for Latin letters). */
export function splitHighlight(text: string, query: string | null | undefined): HighlightSegment[] {
  const needle = (query ?? '').trim();
  if (needle === '' || text === '') return text === '' ? [] : [{ text, isMatch: false }];
  const haystack = text.toLowerCase();
  const lowered = needle.toLowerCase();
  const segments: HighlightSegment[] = [];
  let from = 0;
  for (let at = haystack.indexOf(lowered); at !== -1; at = haystack.indexOf(lowered, from)) {
    if (at > from) segments.push({ text: text.slice(from, at), isMatch: false });
    segments.push({ text: text.slice(at, at + needle.length), isMatch: true });
    from = at + needle.length;
  }
  if (from < text.length) segments.push({ text: text.slice(from), isMatch: false });
  return segments;
}
