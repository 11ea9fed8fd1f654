/**
 * The inverse of buildPowerItem: a canonical power item written back as the plain-text cells of
 * one row, in the list's own conventions (`1.立案责任：…`, `同1。`, the lead-in first). For every
 * item the importer produces, buildPowerItem(renderPowerItem(item)) deep-equals the item.
 *
 * How that is kept for every list, not just the bundled one:
 * - each list cell is read back with the importer's own cell readers before it is returned. Entries
 *   are numbered `N.`; when that does not read back — a Chinese-numbered cell whose text holds a
 *   paragraph `2.…` that the Arabic numbering would open as an entry — the cell is numbered
 *   `（N）` instead;
 * - what the text cannot say is marked (truncation.ts): a cut entry ends with TRUNCATION_MARK, and
 *   a complete cell that would read as cut ends with COMPLETE_MARK. Rendering can lengthen a cell
 *   (editions and article ranges written out in full, a numbered continuation repeating its source,
 *   `同N` of a duty or clause written out because those have no sameAs field), and a complete cell
 *   without final punctuation that grows past TRUNCATION_MIN_LENGTH would otherwise read back as
 *   cut. Cells that read right without it — every cell of the bundled list — carry no mark.
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import { readAccountabilityCell, readCitationCell, readDutyCell, type RowCells } from './build-item.js';
import { TRUNCATION_MARK } from './cell-entries.js';
import { toChineseNumber } from './chinese-numerals.js';
import { renderCitation } from './citations.js';
import { renderDutyText } from './duties.js';
import { COMPLETE_MARK, isTruncatedCell } from './truncation.js';

interface RenderedEntry {
  no: number | null;
  text: string;
  truncated: boolean;
}

/** How entry numbers are written: `1.` or `（一）`. */
type MarkerStyle = 'arabic' | 'chinese';

/** The styles tried in turn; the first that reads back is written. */
const MARKER_STYLES: readonly MarkerStyle[] = ['arabic', 'chinese'];

/**
 * The number marker of an entry: `N.`, with a space where the text starts with a digit
 * (`1. 5个工作日`, which would otherwise read as the number 1.5); or `（N）` in Chinese numerals.
 * Without `text`, the spelling that reads the same whatever text follows (`N. `).
 */
function markerOf(no: number | null, style: MarkerStyle, text?: string): string {
  if (no === null) return '';
  if (style === 'chinese') return `（${toChineseNumber(no)}）`;
  return text !== undefined && !/^\d/.test(text) ? `${no}.` : `${no}. `;
}

/**
 * Entries one per paragraph behind their markers, the lead-in first. A cut entry ends with
 * TRUNCATION_MARK; a cell whose last entry is complete but which would read as cut ends with
 * COMPLETE_MARK.
 */
function renderEntries(entries: readonly RenderedEntry[], style: MarkerStyle, preamble: string | null): string {
  const paragraphs: string[] = preamble === null ? [] : [preamble];
  for (const entry of entries) {
    paragraphs.push(`${markerOf(entry.no, style, entry.text)}${entry.text}${entry.truncated ? TRUNCATION_MARK : ''}`);
  }
  const text = paragraphs.join('\n');
  const last = entries.at(-1);
  const needsCompleteMark = last !== undefined && !last.truncated && isTruncatedCell(text);
  return needsCompleteMark ? `${text}${COMPLETE_MARK}` : text;
}

/** Structural equality of JSON-like values (what the cell readers return). */
function isSameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && isSameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * A list cell written in the first marker style whose text `read` gives back as `expected`; in the
 * Arabic style when none does (a value no file of ours could have produced). `entriesIn` gives the
 * entries as written behind the markers of a style.
 */
function renderListCell<T>(
  numbers: readonly (number | null)[],
  entriesIn: (style: MarkerStyle) => RenderedEntry[],
  preamble: string | null,
  read: (text: string) => T,
  expected: T,
): string {
  const styles = numbers.some((no) => no !== null) ? MARKER_STYLES : MARKER_STYLES.slice(0, 1);
  let fallback: string | null = null;
  for (const style of styles) {
    const text = renderEntries(entriesIn(style), style, preamble);
    if (isSameData(read(text), expected)) return text;
    fallback ??= text;
  }
  return fallback ?? '';
}

/** Write a power item back as the plain-text cells of one row ('\n' between paragraphs). */
export function renderPowerItem(item: TPowerItem): RowCells {
  const citations = (list: TPowerItem['legalBases']): string =>
    renderListCell(
      list.map((citation) => citation.no),
      (style) =>
        list.map((citation) => ({
          no: citation.no,
          text: renderCitation(citation, markerOf(citation.no, style)),
          truncated: citation.truncated,
        })),
      null,
      readCitationCell,
      list,
    );
  return {
    no: String(item.no),
    category: item.category,
    name: item.name,
    subItem: item.subItem ?? '',
    legalBases: citations(item.legalBases),
    duties: renderListCell(
      item.duties.map((duty) => duty.no),
      (style) => item.duties.map((duty) => ({ no: duty.no, text: renderDutyText(duty, markerOf(duty.no, style)), truncated: duty.truncated })),
      null,
      readDutyCell,
      item.duties,
    ),
    dutyBases: citations(item.dutyBases),
    accountability: renderListCell(
      item.accountability.map((clause) => clause.no),
      () => item.accountability,
      item.accountabilityPreamble,
      readAccountabilityCell,
      { preamble: item.accountabilityPreamble, clauses: item.accountability },
    ),
    accountabilityBases: citations(item.accountabilityBases),
    note: item.note ?? '',
  };
}
