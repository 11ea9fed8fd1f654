/**
 * The inverse of buildPowerItem: a canonical power item written back as the plain-text cells of
 * one row, in the list's own conventions (`1.立案责任：…`, `同1。`, the lead-in first). For every
 * item the importer produces, buildPowerItem(renderPowerItem(item)) deep-equals the item.
 *
 * How that is kept for every list, not just the bundled one:
 * - each list cell is read back with the importer's own cell readers before it is returned (see
 *   renderListCell). Entries are written in their most natural form and numbered `N.`; where that
 *   does not read back, in the most natural form that reads back on its own (a source without an
 *   article of its own on a line before its `第X条` paragraphs, a text that would lose its quotes
 *   quoted); where the cell still does not — an entry's reading depends on its neighbours: whether
 *   `（一）` opens an entry depends on the paragraph before, a Chinese-numbered cell may hold a
 *   paragraph `2.…` that `N.` numbering would open as an entry — the forms are chosen in the cell,
 *   and the cell is numbered `（N）` if `N.` does not read back;
 * - what the text cannot say is marked (truncation.ts): a cut entry ends with TRUNCATION_MARK, and a
 *   complete cell that would read as cut ends with COMPLETE_MARK. Rendering can lengthen a cell
 *   (editions and article ranges written out in full, a numbered continuation repeating its source,
 *   `同N` of a duty or clause written out because those have no sameAs field), and a complete cell
 *   without final punctuation that grows past TRUNCATION_MIN_LENGTH would otherwise read back as
 *   cut. Cells that read right without it — every cell of the bundled list — carry no mark.
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import { type RowCells, readAccountabilityCell, readCitationCell, readDutyCell } from './build-item.js';
import { TRUNCATION_MARK } from './cell-entries.js';
import { toChineseNumber } from './chinese-numerals.js';
import { citationForms, findCitationForm } from './citations.js';
import { dutyForms, findDutyForm } from './duties.js';
import { COMPLETE_MARK, isTruncatedCell } from './truncation.js';

/** How entry numbers are written: `1.` or `（一）`. */
type MarkerStyle = 'arabic' | 'chinese';

/** The styles tried in turn; the first that reads back is written. */
const MARKER_STYLES: readonly MarkerStyle[] = ['arabic', 'chinese'];

/** One entry to be written: its number, its cut flag and the ways of writing its text. */
interface EntryWriting {
  no: number | null;
  truncated: boolean;
  /** the first form that reads back behind `marker` when the entry is read on its own; null when none does */
  preferred: (marker: string) => string | null;
  /** every way of writing the text, most natural first */
  forms: () => readonly string[];
}

/** A cell's reader, returning what the cell holds in order (the 追责情形 lead-in first), and what it should read. */
interface CellReading {
  read: (text: string) => readonly unknown[];
  expected: readonly unknown[];
}

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
function renderEntries(writings: readonly EntryWriting[], texts: readonly string[], style: MarkerStyle, preamble: string | null): string {
  const paragraphs: string[] = preamble === null ? [] : [preamble];
  writings.forEach((writing, index) => {
    const text = texts[index] ?? '';
    paragraphs.push(`${markerOf(writing.no, style, text)}${text}${writing.truncated ? TRUNCATION_MARK : ''}`);
  });
  const cell = paragraphs.join('\n');
  const last = writings.at(-1);
  const needsCompleteMark = last !== undefined && !last.truncated && isTruncatedCell(cell);
  return needsCompleteMark ? `${cell}${COMPLETE_MARK}` : cell;
}

/** Structural equality of JSON-like values (what the cell readers return). */
function isSameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => Object.hasOwn(b, key) && isSameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** How many leading values two readings share. */
function agreeingPrefix(a: readonly unknown[], b: readonly unknown[]): number {
  let count = 0;
  while (count < a.length && count < b.length && isSameData(a[count], b[count])) count += 1;
  return count;
}

/**
 * A list cell whose text reads back as `reading.expected`: the entries in their most natural forms,
 * Arabic-numbered; else, per marker style, in their preferred forms (the most natural that read
 * back on their own); else each entry's form chosen in the cell, left to right — the form with
 * which the most of the cell reads right, the earlier form on a tie (an entry's form can decide how
 * the entries after it read). When nothing reads back (a value no file of ours could have
 * produced), the Arabic-numbered cell of preferred forms.
 */
function renderListCell(writings: readonly EntryWriting[], preamble: string | null, reading: CellReading): string {
  const { read, expected } = reading;
  const styles = writings.some((writing) => writing.no !== null) ? MARKER_STYLES : MARKER_STYLES.slice(0, 1);
  // Most cells read back with every entry in its most natural form: one reading settles them.
  const natural = renderEntries(
    writings,
    writings.map((writing) => writing.forms()[0] ?? ''),
    'arabic',
    preamble,
  );
  if (isSameData(read(natural), expected)) return natural;
  let fallback: string | null = null;
  for (const style of styles) {
    const preferred = writings.map((writing) => writing.preferred(markerOf(writing.no, style)));
    const texts = preferred.map((text, index) => text ?? writings[index]?.forms()[0] ?? '');
    const cell = renderEntries(writings, texts, style, preamble);
    if (isSameData(read(cell), expected)) return cell;
    fallback ??= cell;
    // An entry no form of which reads back even on its own cannot be written: the search in the
    // cell would try every form of every entry in vain (a list typed by hand as JSON, say).
    if (preferred.includes(null)) continue;
    let bestAgreeing = agreeingPrefix(read(cell), expected);
    writings.forEach((writing, index) => {
      const current = texts[index] ?? '';
      let best = current;
      for (const form of new Set(writing.forms())) {
        if (form === current) continue;
        texts[index] = form;
        const agreeing = agreeingPrefix(read(renderEntries(writings, texts, style, preamble)), expected);
        if (agreeing > bestAgreeing) [best, bestAgreeing] = [form, agreeing];
      }
      texts[index] = best;
    });
    const chosen = renderEntries(writings, texts, style, preamble);
    if (isSameData(read(chosen), expected)) return chosen;
  }
  return fallback ?? '';
}

/** `compute`, run on the first call only. */
function once<T>(compute: () => T): () => T {
  let value: { result: T } | null = null;
  return () => {
    value ??= { result: compute() };
    return value.result;
  };
}

/** Write a power item back as the plain-text cells of one row ('\n' between paragraphs). */
export function renderPowerItem(item: TPowerItem): RowCells {
  const citations = (list: TPowerItem['legalBases']): string =>
    renderListCell(
      list.map((citation) => ({
        no: citation.no,
        truncated: citation.truncated,
        preferred: (marker) => findCitationForm(citation, marker),
        forms: once(() => citationForms(citation)),
      })),
      null,
      { read: readCitationCell, expected: list },
    );
  const duties = renderListCell(
    item.duties.map((duty) => ({
      no: duty.no,
      truncated: duty.truncated,
      preferred: (marker) => findDutyForm(duty, marker),
      forms: once(() => dutyForms(duty)),
    })),
    null,
    { read: readDutyCell, expected: item.duties },
  );
  const accountability = renderListCell(
    item.accountability.map((clause) => ({
      no: clause.no,
      truncated: clause.truncated,
      preferred: () => clause.text,
      forms: () => [clause.text],
    })),
    item.accountabilityPreamble,
    {
      read: (text) => {
        const { preamble, clauses } = readAccountabilityCell(text);
        return [preamble, ...clauses];
      },
      expected: [item.accountabilityPreamble, ...item.accountability],
    },
  );
  return {
    no: String(item.no),
    category: item.category,
    name: item.name,
    subItem: item.subItem ?? '',
    legalBases: citations(item.legalBases),
    duties,
    dutyBases: citations(item.dutyBases),
    accountability,
    accountabilityBases: citations(item.accountabilityBases),
    note: item.note ?? '',
  };
}
