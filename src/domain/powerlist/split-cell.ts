/**
 * Splits the text of one cell into its numbered entries (`1.立案责任：…`, `2. 同1。`, `（三）…`).
 *
 * How a number is told from a number inside the text:
 * - a marker at the start of a paragraph (`1.` `1、` `1．` `1. ` `（一）` `(一)`) opens an entry when
 *   it has the style of the cell's first marker (Arabic or Chinese numerals) and a larger number
 *   than the entry before it;
 * - inside a paragraph, only the next expected number after a space opens an entry
 *   (`1. 调查责任：… 2. 处理责任：…`); the first one only when it is Arabic (`…责任： 1、…`);
 * - the quoted article text of a citation numbers its own items `（一）（二）…`: inside an
 *   Arabic-numbered cell, or after a lead-in that is itself a citation, they are text, not entries;
 * - unnumbered paragraphs before the first entry are the cell's preamble (the lead-in
 *   `因不履行或不正确履行行政职责，有下列情形之一的…`); after an entry they continue it; a cell
 *   without any entry has one unnumbered entry per paragraph (a list of citations written one per
 *   paragraph).
 *
 * Our own exports mark what the text cannot say: an entry ending in TRUNCATION_MARK was cut; a cell
 * ending in COMPLETE_MARK was not, however long it is and however it ends (see truncation.ts). The
 * marks are stripped from the entries they end.
 */
import { type CellEntry, TRUNCATION_MARK } from './cell-entries.js';
import { parseChineseNumber } from './chinese-numerals.js';
import { COMPLETE_MARK, isTruncatedCell } from './truncation.js';

/** A cell's unnumbered lead-in and its entries. */
export interface SplitCellResult {
  /** unnumbered paragraphs before the first numbered entry, '\n'-joined; null when none or when the cell has no numbered entry */
  preamble: string | null;
  entries: CellEntry[];
}

type MarkerStyle = 'arabic' | 'chinese';

interface Marker {
  style: MarkerStyle;
  no: number;
  /** index in the paragraph where the entry's text starts (after the marker and its spaces) */
  textStart: number;
}

// Arabic marker: up to three digits, then `.` `、` `．` not followed by a digit (1.5 is a number).
const ARABIC_AT_START = /^(\d{1,3})\s*[.、．](?!\d)\s*/;
const CHINESE_AT_START = /^[（(]([〇零一二两三四五六七八九十百]{1,4})[）)]\s*/;
// Inline, a marker follows a space or the punctuation that ends an entry (`…的；2、…`, `…。2.…`,
// `…;3.…`): lists run entries together without a break as often as with one.
const ARABIC_INLINE = /(?:\s|(?<=[；;。！？!?]))(\d{1,3})\s*[.、．](?!\d)\s*/g;
const CHINESE_INLINE = /(?:\s|(?<=[；;。！？!?]))[（(]([〇零一二两三四五六七八九十百]{1,4})[）)]\s*/g;

/** `同1` `同1.` `同 1。` — the entry repeats entry 1 of the same cell. */
const SAME_AS = /^同\s*(\d{1,3})\s*[.。．]?$/;

/** `同上` / `同上。` — the numbered entry repeats the one numbered just before it. */
const SAME_AS_ABOVE = /^同\s*上\s*[.。．]?$/;

/** A lead-in that is itself a citation: its `（一）…` are items of the quoted article. */
const CITATION_LIKE = /^[【《]|第[〇零一二两三四五六七八九十百千\d]+条/;

/** Full-width digits and Latin letters become ASCII; the ideographic space becomes a space. */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

function markerAtStart(paragraph: string): Marker | null {
  const arabic = ARABIC_AT_START.exec(paragraph);
  if (arabic) return { style: 'arabic', no: Number(arabic[1]), textStart: arabic[0].length };
  const chinese = CHINESE_AT_START.exec(paragraph);
  if (chinese) {
    const no = parseChineseNumber(chinese[1] ?? '');
    if (no !== null) return { style: 'chinese', no, textStart: chinese[0].length };
  }
  return null;
}

interface OpenEntry {
  no: number;
  parts: string[];
}

/** Split a cell's text (HTML already reduced, paragraphs separated by '\n') into its entries. */
export function splitCell(text: string): SplitCellResult {
  // Our marks stay in the text: they are stripped from the entries they end, below.
  const isTruncated = isTruncatedCell(text);
  const body = normalizeWidth(text);
  const paragraphs = body
    .split('\n')
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0 && !isOnlyCompleteMarks(paragraph));

  const leadIn: string[] = [];
  const opened: OpenEntry[] = [];
  let style: MarkerStyle | null = null;
  let lastNo = 0;

  const canOpenAtStart = (marker: Marker): boolean => {
    if (style === null) {
      // Chinese numerals after a citation lead-in number the items of the quoted article.
      if (marker.style === 'chinese' && leadIn.length > 0 && CITATION_LIKE.test(leadIn[0] ?? '')) return false;
      return marker.no > 0;
    }
    return marker.style === style && marker.no > lastNo;
  };

  /** Add a paragraph (or the rest of one) to the open entry or the lead-in, splitting it at inline markers. */
  const append = (paragraph: string): void => {
    let rest = paragraph;
    for (;;) {
      const inline = findInlineMarker(rest, style, lastNo + 1);
      const head = inline === null ? rest : rest.slice(0, inline.index).trim();
      if (head.length > 0 && !isOnlyCompleteMarks(head)) (opened.at(-1)?.parts ?? leadIn).push(head);
      if (inline === null) return;
      style = inline.style;
      lastNo = inline.no;
      opened.push({ no: inline.no, parts: [] });
      rest = rest.slice(inline.textStart);
      if (rest.length === 0) return;
    }
  };

  for (const paragraph of paragraphs) {
    const marker = markerAtStart(paragraph);
    if (marker !== null && canOpenAtStart(marker)) {
      style = marker.style;
      lastNo = marker.no;
      opened.push({ no: marker.no, parts: [] });
      const rest = paragraph.slice(marker.textStart);
      if (rest.length > 0) append(rest);
    } else {
      append(paragraph);
    }
  }

  let preamble: string | null = null;
  let drafts: { no: number | null; text: string }[];
  if (opened.length === 0) {
    drafts = leadIn.map((paragraph) => ({ no: null, text: paragraph }));
  } else {
    preamble = leadIn.length > 0 ? leadIn.join('\n') : null;
    drafts = opened.map((entry) => ({ no: entry.no, text: entry.parts.join('\n') }));
  }

  const entries = drafts.map(({ no, text: entryText }) => cellEntry(no, entryText));
  if (isTruncated) {
    const last = entries.at(-1);
    if (last) last.truncated = true;
    else entries.push({ no: null, sameAs: null, text: '', truncated: true });
  }
  return { preamble, entries };
}

const OUR_MARKS = [TRUNCATION_MARK, COMPLETE_MARK] as const;

/**
 * An entry's text without our marks at its end, and whether one of them said the entry was cut.
 * Our exports mark any entry known to be cut, not only the cell's last one, and end a complete cell
 * that would read as cut with COMPLETE_MARK (isTruncatedCell then leaves the cell alone). Marks are
 * stripped wherever they end an entry, however many: no entry keeps a mark at its end as text — an
 * export could not write it back — and an entry reads the same inside a cell as at its end.
 */
function stripMarks(text: string): { text: string; isMarkedCut: boolean } {
  let rest = text;
  let isMarkedCut = false;
  for (;;) {
    const mark = OUR_MARKS.find((candidate) => rest.endsWith(candidate));
    if (mark === undefined) return { text: rest, isMarkedCut };
    isMarkedCut ||= mark === TRUNCATION_MARK;
    rest = rest.slice(0, -mark.length).trimEnd();
  }
}

/**
 * Text that holds nothing but complete marks says nothing but that the cell is complete: it is no
 * paragraph, so that it neither becomes an entry nor changes how the paragraphs around it read.
 */
function isOnlyCompleteMarks(text: string): boolean {
  return text.startsWith(COMPLETE_MARK) && stripMarks(text).text === '' && !text.includes(TRUNCATION_MARK);
}

/** The entry of a number and a text. `同N` is read as such unless `isLeadIn`: a lead-in before numbered entries refers to none of them. */
function cellEntry(no: number | null, text: string, isLeadIn = false): CellEntry {
  const { text: clean, isMarkedCut } = stripMarks(text);
  if (isLeadIn) return { no, sameAs: null, text: clean, truncated: isMarkedCut };
  const sameAs = SAME_AS.exec(clean);
  // `3.同上` repeats the entry above it, entry 2.
  const sameAsAbove = no !== null && no > 1 && SAME_AS_ABOVE.test(clean) ? no - 1 : null;
  return { no, sameAs: sameAs ? Number(sameAs[1]) : sameAsAbove, text: clean, truncated: isMarkedCut };
}

/**
 * The entries of a cell whose lead-in is not kept apart (every cell but 追责情形): unnumbered
 * paragraphs before the first numbered entry become unnumbered entries in front, one per paragraph,
 * as in a cell without numbers, so that no text of a citation or duty cell is dropped.
 */
export function splitCellEntries(text: string): CellEntry[] {
  const { preamble, entries } = splitCell(text);
  if (preamble === null) return entries;
  return [...preamble.split('\n').map((paragraph) => cellEntry(null, paragraph, true)), ...entries];
}

/** The first inline marker in `text` that opens the expected entry, or null. */
function findInlineMarker(text: string, style: MarkerStyle | null, expected: number): (Marker & { index: number }) | null {
  // The first entry may start inline only with an Arabic number: an inline `（一）` before any
  // entry is an item of quoted law text (`…给予处分： （一）…`).
  if (style === null || style === 'arabic') {
    const found = firstMatch(ARABIC_INLINE, text, (match) => Number(match[1]) === expected);
    if (found) return { style: 'arabic', no: expected, index: found.index, textStart: found.index + found[0].length };
  }
  if (style === 'chinese') {
    const found = firstMatch(CHINESE_INLINE, text, (match) => parseChineseNumber(match[1] ?? '') === expected);
    if (found) return { style: 'chinese', no: expected, index: found.index, textStart: found.index + found[0].length };
  }
  return null;
}

function firstMatch(pattern: RegExp, text: string, accept: (match: RegExpExecArray) => boolean): RegExpExecArray | null {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (accept(match)) return match;
  }
  return null;
}
