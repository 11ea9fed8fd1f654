/**
 * Recognises cells the exporter cut off mid-sentence (截断). The portal the bundled list comes from
 * stored at most about 255 characters of text per cell and silently dropped the rest, so a cut cell
 * is long and stops where no sentence stops (`…以适当`, `…【法律】《中华人`, `3. 【法规】`).
 *
 * Measurements on the bundled list (text with HTML stripped and one '\n' between paragraphs):
 * the twelve cut cells measure 240–255 characters; complete cells that end sloppily, without final
 * punctuation, measure at most 207 (item 1 追责情形 `…规定的行为`, item 6 追责情形 `…工作的`); long
 * complete cells (up to 255, and one of 691 that escaped the cap) end in `。`, `。”` or `同1.`.
 * A threshold of 90 % of the cap (230) separates the two groups with a margin on both sides.
 *
 * Our own exports say explicitly what the heuristic could get wrong: a cut entry ends with
 * TRUNCATION_MARK, and a cell that is complete but would read as cut (rendering can lengthen a
 * cell — editions and article ranges written out, a numbered continuation repeating its source, 同N
 * of a duty written in full — so that a cell without final punctuation grows past the threshold)
 * ends with COMPLETE_MARK, which switches the heuristic off for that cell.
 */
import { TRUNCATION_MARK } from './cell-entries.js';

/**
 * Marker our own exporters append to a cell that is complete but would otherwise read as cut
 * (see the module comment). The importer strips it and leaves the cell's entries as they are.
 */
export const COMPLETE_MARK = '〔原文完整〕';

/** Characters of text the exporter kept per cell. */
export const EXPORT_CELL_CAP = 255;

/**
 * A cell shorter than this (in characters, '\n' between paragraphs counted) is never taken for a
 * cut one, however it ends: short cells that end without punctuation are sloppy, not cut.
 */
export const TRUNCATION_MIN_LENGTH = 230;

/** Closing quotes and brackets that may follow the final punctuation of a sentence. */
const TRAILING_CLOSERS = /[”’」』》）)】\]"']+$/;

/** Punctuation that ends a sentence or a list entry (`；` ends entries such as `…的；`). */
const SENTENCE_FINAL = /[。！？；;.!?…]$/;

/** Opening brackets the exporter can cut inside: a title, a rank, an edition or an article item. */
const BRACKET_PAIRS: readonly (readonly [string, string])[] = [
  ['《', '》'],
  ['【', '】'],
  ['（', '）'],
  ['(', ')'],
];

/**
 * The cell ends in an entry with nothing but its number (`3.`) or its rank (`3. 【法规】`): the
 * exporter cut right after the entry began.
 */
const EMPTY_LAST_ENTRY = /(?:^|\s)(?:\d{1,3}\s*[.、．]\s*)?(?:【[^】\n]*】\s*)$|(?:^|\s)\d{1,3}\s*[.、．]\s*$/;

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A high surrogate starts a pair that is one character.
    if (code < 0xd800 || code > 0xdbff) count += 1;
  }
  return count;
}

function endsInsideOpenBracket(text: string): boolean {
  for (const [open, close] of BRACKET_PAIRS) {
    if (text.lastIndexOf(open) > text.lastIndexOf(close)) return true;
  }
  return false;
}

/** True when `text` (trimmed) ends like a finished sentence or list entry. */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_FINAL.test(text.trimEnd().replace(TRAILING_CLOSERS, ''));
}

/** True when the cell text ends with our own truncation mark (an export of ours flagged it). */
export function hasTruncationMark(text: string): boolean {
  return text.trimEnd().endsWith(TRUNCATION_MARK);
}

/** True when the cell text ends with our complete mark: an export of ours vouches that it was not cut. */
export function hasCompleteMark(text: string): boolean {
  return text.trimEnd().endsWith(COMPLETE_MARK);
}

/**
 * True when the cell (plain text, '\n' between paragraphs) was cut off by the exporter: it carries
 * our truncation mark, or — unless it carries our complete mark — it is at least
 * TRUNCATION_MIN_LENGTH characters long and ends where no sentence ends: without final punctuation,
 * inside an open 《 【 （, or in an entry that holds nothing but its number or rank.
 */
export function isTruncatedCell(text: string): boolean {
  if (hasTruncationMark(text)) return true;
  if (hasCompleteMark(text)) return false;
  const trimmed = text.trim();
  // Cheap test first: UTF-16 length is never below the character count.
  if (trimmed.length < TRUNCATION_MIN_LENGTH || countCodePoints(trimmed) < TRUNCATION_MIN_LENGTH) return false;
  if (!endsLikeSentence(trimmed)) return true;
  // The cell ends in punctuation; the cut can still be visible in the structure around it.
  return endsInsideOpenBracket(trimmed) || EMPTY_LAST_ENTRY.test(trimmed);
}
