/**
 * Splits a text around the occurrences of a search query so that React can render the matches in
 * <mark> elements — the text stays text (no HTML is ever built from it).
 */

/** A run of text, marked when it equals the query. */
export interface HighlightSegment {
  text: string;
  isMatch: boolean;
}

/**
 * Splits `text` at every occurrence of the query's terms (separated by white space; the search
 * matches them separately), case-insensitive for Latin letters. Longer terms win where terms overlap.
 */
export function splitHighlight(text: string, query: string | null | undefined): HighlightSegment[] {
  const needles = [
    ...new Set(
      (query ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter((term) => term !== ''),
    ),
  ].sort((a, b) => b.length - a.length);
  if (needles.length === 0 || text === '') return text === '' ? [] : [{ text, isMatch: false }];
  const haystack = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      for (let i = at; i < at + needle.length; i += 1) marked[i] = true;
    }
  }
  const segments: HighlightSegment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i += 1) {
    if (i === text.length || marked[i] !== marked[start]) {
      segments.push({ text: text.slice(start, i), isMatch: marked[start] === true });
      start = i;
    }
  }
  return segments;
}
