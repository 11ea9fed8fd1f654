/**
 * Shared vocabulary between the cell splitter (numbered lists inside a cell) and the parsers of
 * citations, duties and clauses.
 */

/** One numbered entry of a cell (`1.立案责任：…`, `（二）…`, `3.同1.`), before interpretation. */
export interface CellEntry {
  /** the number the cell gave the entry, null when unnumbered */
  no: number | null;
  /** `同N` → N; the entry repeats entry N of the same cell */
  sameAs: number | null;
  /** the entry's text without its number marker; paragraphs joined with '\n' */
  text: string;
  /** the cell was cut off by the exporter inside this entry */
  truncated: boolean;
}

/**
 * Marker our own exporters append to an entry we know was truncated, so that a re-import flags it
 * again whatever its length. The importer strips it and sets `truncated`.
 */
export const TRUNCATION_MARK = '〔原文截断〕';
