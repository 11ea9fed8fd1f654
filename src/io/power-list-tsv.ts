/**
 * Power lists as tab-separated text with HTML cells — the layout the portal exports and the bundled
 * list uses: blank lines and a title line, then the header line repeated before every item row,
 * cells of `<p>…</p>` paragraphs — and as the comma-separated CSV an office suite saves. The rows
 * go through the shared table reader (power-list-table.ts). Reading never returns a partial list:
 * the whole file becomes a list, or a DomainError names the row and cell of the first problem.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { TPowerItem } from '../contracts/power-list.js';
import { type DomainError, malformedFile } from '../domain/errors.js';
import { renderPowerItem } from '../domain/powerlist/render-item.js';
import { decodeText } from './decode-text.js';
import { CellMarkupTooComplexError, exceedsMarkupLimits, htmlToText } from './html-to-text.js';
import { COLUMNS, type ColumnKey, MAX_HEADER_CELL_LENGTH } from './power-list-columns.js';
import {
  type CellNamer,
  cellError,
  extraHeadersOf,
  extraValueOf,
  isHeaderRow,
  readHeader,
  TableItems,
  type TableRow,
} from './power-list-table.js';

/** What reading a TSV file gives. */
export interface TsvPowerList {
  title: string;
  items: TPowerItem[];
  /** the text encoding detected: utf-8, gb18030, utf-16le or utf-16be */
  encoding: string;
}

/** Options of readPowerListTsv. */
export interface ReadPowerListTsvOptions {
  /** called every PROGRESS_EVERY rows and once at the end, with rows read so far and in total */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/** How many rows between two progress reports. */
export const PROGRESS_EVERY = 500;

/** Columns written as plain text when they hold one paragraph, as the portal does. */
const PLAIN_COLUMNS: ReadonlySet<ColumnKey> = new Set(['no', 'category', 'name', 'subItem']);

/** A cell of the second row of a two-row header is short, even as HTML (`<p>依据</p>`). */
const MAX_SUB_HEADER_RAW_LENGTH = 200;

/** Header records up to this length (cells joined) are remembered, so a repeated header is read once. */
const MAX_CACHED_HEADER_LENGTH = 1_000;

/** One record of the file: its cells as written and where it starts. */
interface TsvRecord {
  cells: string[];
  /** 1-based line of the file where the record starts */
  line: number;
}

/** A cell as a person finds it in the file: the line its row starts on and the cell's place in the row. */
const nameTsvCell: CellNamer = (rowNo, index) => (index === undefined ? `第 ${rowNo} 行` : `第 ${rowNo} 行第 ${index + 1} 个单元格`);

// ── reading ──────────────────────────────────────────────────────────────────────────────────

/**
 * Read a TSV (or comma-separated CSV) power list. Throws DomainError `malformed-file` naming the
 * row and cell for a file without a header, a header naming a column twice, a row with a different
 * number of cells than its header, content under a column without a header, an unreadable 序号, an
 * empty 权力分类 or 项目名称, a repeated 序号, a cell of runaway markup, or broken quoting.
 */
export function readPowerListTsv(bytes: Uint8Array, options: ReadPowerListTsvOptions = {}): TsvPowerList {
  const { text, encoding } = decodeText(bytes);
  const normalised = text.replace(/\r\n?/g, '\n');
  const records = splitRecords(normalised, delimiterOf(normalised));
  const total = records.length;

  let title: string | null = null;
  let width = 0;
  let headerLine = 0;
  const table = new TableItems(nameTsvCell);
  const headerCache: HeaderCache = new Map();

  for (let index = 0; index < records.length; index += 1) {
    if (index > 0 && index % PROGRESS_EVERY === 0) options.onProgress?.(index, total);
    const record = records[index];
    if (record === undefined) continue;
    try {
      if (isBlankRecord(record.cells)) continue;
      if (looksLikeHeader(record.cells, headerCache)) {
        const belowIndex = records.findIndex((other, at) => at > index && !isBlankRecord(other.cells));
        // Only a row of short cells can be the second row of a two-row header; a data row is read as one.
        const candidate = records[belowIndex];
        const below = candidate?.cells.every((cell) => cell.length <= MAX_SUB_HEADER_RAW_LENGTH) ? candidate : undefined;
        const header = readHeader(tableRowOf(record), below === undefined ? null : tableRowOf(below), nameTsvCell);
        table.setHeader(header);
        width = header.rows === 2 && below !== undefined ? Math.max(record.cells.length, below.cells.length) : record.cells.length;
        headerLine = record.line;
        if (header.rows === 2) index = belowIndex;
        continue;
      }
      if (!table.hasHeader()) {
        // Before the first header: the first line with text is the title; notes such as a date
        // line under it are not part of the list.
        title ??= tableRowOf(record)
          .cells.map((cell) => cell.text)
          .filter((cell) => cell !== '')
          .join(' ')
          .replace(/\n/g, ' ');
        continue;
      }
      checkWidth(record, width, headerLine);
      table.addRow(tableRowOf(record));
    } catch (error) {
      if (!(error instanceof CellMarkupTooComplexError)) throw error;
      const cell = record.cells.findIndex(exceedsMarkupLimits);
      throw cellError(error.message, nameTsvCell, record.line, cell < 0 ? undefined : cell);
    }
  }

  if (!table.hasHeader()) {
    throw malformedFile(
      '未找到表头：文件中没有一行同时写有“项目名称”（或“事项名称”“职权名称”等）和另一个清单列名（如“序号”“权力分类”“实施依据”），无法识别为权责清单。',
    );
  }
  options.onProgress?.(total, total);
  return { title: title ?? '', items: table.items(), encoding };
}

/**
 * Tab, or comma for a CSV file: a file without a single tab but with commas is comma-separated
 * (Excel and WPS save CSV so, in UTF-8 or GBK).
 */
function delimiterOf(text: string): '\t' | ',' {
  return !text.includes('\t') && text.includes(',') ? ',' : '\t';
}

/** A cell that a text export escaped against formula execution (`'=…`): the quote goes. */
const ESCAPED_FORMULA = /^'+[=+\-@]/;

/** The cells of a record as a table row: plain text, a formula escape undone on cells written plain. */
function tableRowOf(record: TsvRecord): TableRow {
  return {
    rowNo: record.line,
    cells: record.cells.map((raw) => {
      const text = htmlToText(raw);
      return { text: ESCAPED_FORMULA.test(text) && raw.trimStart().startsWith("'") ? text.slice(1) : text };
    }),
  };
}

/** A row must have as many cells as its header: otherwise a tab or line break inside a cell went astray. */
function checkWidth(record: TsvRecord, width: number, headerLine: number): void {
  const { cells } = record;
  if (cells.length === width) return;
  // Trailing empty cells (an editor that pads or trims rows) are no cells at all.
  const surplus = cells.slice(width);
  if (cells.length > width && surplus.every((cell) => cell.trim() === '')) return;
  throw cellError(
    `此行有 ${cells.length} 个单元格，而第 ${headerLine} 行的表头有 ${width} 列；单元格内容中可能多了或少了制表符、换行符。`,
    nameTsvCell,
    record.line,
    cells.length > width ? width : cells.length - 1,
  );
}

/** Split the text into records of cells; csv-parse where a cell is quoted, plain splitting otherwise. */
function splitRecords(text: string, delimiter: '\t' | ','): TsvRecord[] {
  // Without a quote at the start of a cell, csv-parse (relax_quotes) does nothing but split at
  // tabs and line breaks; splitting directly is ten times faster on large lists.
  if (delimiter === '\t' && !/(?:^|[\t\n])"/.test(text)) {
    return text.split('\n').map((line, index) => ({ cells: line.split('\t'), line: index + 1 }));
  }
  const records: TsvRecord[] = [];
  let nextLine = 1;
  try {
    parseCsv(text, {
      delimiter,
      record_delimiter: '\n',
      quote: '"',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Collect records here rather than from the result: a record's first line is known only
      // while parsing, and on an error the records read so far tell where the broken one starts.
      on_record: (cells, context) => {
        records.push({ cells, line: nextLine });
        nextLine = context.lines + 1;
        return null;
      },
    });
  } catch (error) {
    throw csvProblem(error, text, nextLine, delimiter);
  }
  return records;
}

/** A DomainError for what csv-parse refused, pointing at the record it could not finish. */
function csvProblem(error: unknown, text: string, recordLine: number, delimiter: string): DomainError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    const at = openingQuote(text, recordLine, delimiter);
    return cellError('引号未闭合：以英文双引号开头的单元格没有结束的双引号，请检查该单元格。', nameTsvCell, at.line, at.cell);
  }
  return malformedFile(`无法按${delimiter === ',' ? '逗号' : '制表符'}分隔的表格读取（${code || '未知错误'}）。`, recordLine);
}

/** Line and cell (0-based) of the first quote that opens a cell at or after `fromLine`. */
function openingQuote(text: string, fromLine: number, delimiter: string): { line: number; cell?: number } {
  const lines = text.split('\n');
  const opening = new RegExp(`(?:^|${delimiter})"`);
  for (let index = fromLine - 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const match = opening.exec(line);
    if (match) return { line: index + 1, cell: line.slice(0, match.index + match[0].length - 1).split(delimiter).length - 1 };
  }
  return { line: fromLine };
}

function isBlankRecord(cells: readonly string[]): boolean {
  if (cells.every((cell) => cell.trim() === '')) return true;
  // Cells of empty markup (<p></p>) are blank too; only worth checking for short records.
  return cells.every((cell) => cell.length < 200 && htmlToText(cell) === '');
}

/** Whether a record is a header, by the record's text: the header repeats before every row. */
type HeaderCache = Map<string, boolean>;

function looksLikeHeader(cells: readonly string[], cache: HeaderCache): boolean {
  // Cheap rejection: a header has a short cell naming the item (项目名称, 事项名称, 职权名称 …).
  if (!cells.some((cell) => cell.length <= MAX_HEADER_CELL_LENGTH && /名\s*称|项\s*目|权\s*力|事\s*项/.test(cell))) return false;
  const cacheKey = cells.join('\t');
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const result = isHeaderRow(cells.map((cell) => (cell.length <= MAX_HEADER_CELL_LENGTH ? htmlToText(cell) : '')));
  // Header lines are short; a long data row that merely passed the cheap test is not worth keeping.
  if (cacheKey.length <= MAX_CACHED_HEADER_LENGTH) cache.set(cacheKey, result);
  return result;
}

// ── writing ──────────────────────────────────────────────────────────────────────────────────

/** The header line, as the portal writes it. */
const HEADER_LINE = COLUMNS.map((column) => column.header).join('\t');

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\t\r]/g, ' ');
}

/**
 * A cell a spreadsheet would run as a formula when it opens the file (`=…`, `+…`, `-…`, `@…`; a
 * leading tab or CR is already a space) is written with a leading `'`, which Excel and WPS take as
 * "text" and the reader removes again (see ESCAPED_FORMULA) — so a cell that began with quotes
 * before the `=` keeps them. Cells written as `<p>…</p>` begin with `<` and need nothing.
 */
export function neutraliseFormula(text: string): string {
  return /^'*[=+\-@]/.test(text) ? `'${text}` : text;
}

/** One cell: empty, plain text (identity columns of one paragraph) or `<p>…</p>` paragraphs. */
function writeCell(text: string, plain: boolean): string {
  if (text === '') return '';
  const paragraphs = text.split('\n').filter((paragraph) => paragraph.trim() !== '');
  if (plain && paragraphs.length === 1) return neutraliseFormula(escapeHtml(paragraphs[0] ?? ''));
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(' ');
}

/**
 * Write a list in the portal's layout: two blank lines, the title, a blank line, then for each
 * item the header line and the item's row, items separated by a blank line. Cells hold
 * HTML-escaped text in `<p>` paragraphs; a cut entry ends with TRUNCATION_MARK. The file's other
 * columns (extra fields) follow 备注 under their own headers.
 */
export function writePowerListTsv(list: { title: string; items: readonly TPowerItem[] }): string {
  const extraHeaders = extraHeadersOf(list.items);
  const headerLine = [HEADER_LINE, ...extraHeaders.map((header) => writeCell(header, true))].join('\t');
  const lines = ['', '', neutraliseFormula(escapeHtml(list.title.replace(/\n/g, ' '))), ''];
  if (list.items.length === 0) lines.push(headerLine);
  list.items.forEach((item, index) => {
    if (index > 0) lines.push('');
    const cells = renderPowerItem(item);
    lines.push(
      headerLine,
      [
        ...COLUMNS.map(({ key }) => writeCell(cells[key], PLAIN_COLUMNS.has(key))),
        ...extraHeaders.map((header) => writeCell(extraValueOf(item, header), true)),
      ].join('\t'),
    );
  });
  return lines.join('\n');
}
