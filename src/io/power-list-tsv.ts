/**
 * Power lists as tab-separated text with HTML cells — the layout the portal exports and the bundled
 * list uses: blank lines and a title line, then the header line repeated before every item row,
 * cells of `<p>…</p>` paragraphs. Reading never returns a partial list: the whole file becomes a
 * list, or a DomainError names the line and column of the first problem.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { TPowerItem } from '../contracts/power-list.js';
import { DomainError, malformedFile } from '../domain/errors.js';
import { buildPowerItem } from '../domain/powerlist/build-item.js';
import { renderPowerItem } from '../domain/powerlist/render-item.js';
import { decodeText } from './decode-text.js';
import { htmlToText } from './html-to-text.js';
import {
  COLUMNS,
  type ColumnKey,
  columnKeyOfHeader,
  headerOf,
  MAX_HEADER_CELL_LENGTH,
  REQUIRED_COLUMNS,
  rowCellsOf,
} from './power-list-columns.js';

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

/** Header records up to this length (cells joined) are remembered, so a repeated header is read once. */
const MAX_CACHED_HEADER_LENGTH = 1_000;

/** One record of the file: its cells as written and where it starts. */
interface TsvRecord {
  cells: string[];
  /** 1-based line of the file where the record starts */
  line: number;
  /** the record as written, for locating a cell in an error message */
  raw: string;
}

/** Column positions of the current header. */
interface HeaderMap {
  line: number;
  width: number;
  columnOf: Map<ColumnKey, number>;
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────

/**
 * Read a TSV power list. Throws DomainError `malformed-file` (with line and column) for a file
 * without a header, a row with a different number of cells than its header, an unreadable 序号,
 * an empty 权力分类 or 项目名称, a repeated 序号, or broken quoting.
 */
export function readPowerListTsv(bytes: Uint8Array, options: ReadPowerListTsvOptions = {}): TsvPowerList {
  const { text, encoding } = decodeText(bytes);
  const records = splitRecords(text.replace(/\r\n?/g, '\n'));
  const total = records.length;

  let title: string | null = null;
  let header: HeaderMap | null = null;
  const items: TPowerItem[] = [];
  const lineOfNo = new Map<number, number>();
  const headerCache: HeaderCache = new Map();

  for (const [index, record] of records.entries()) {
    if (index > 0 && index % PROGRESS_EVERY === 0) options.onProgress?.(index, total);
    if (isBlankRecord(record.cells)) continue;
    const headerKeys = headerKeysOf(record.cells, headerCache);
    if (headerKeys !== null) {
      header = mapHeader(record, headerKeys);
      continue;
    }
    if (header === null) {
      // Before the first header: the first line with text is the title; notes such as a date
      // line under it are not part of the list.
      title ??= record.cells
        .map(htmlToText)
        .filter((cell) => cell !== '')
        .join(' ')
        .replace(/\n/g, ' ');
      continue;
    }
    const item = readItem(record, header);
    const previousLine = lineOfNo.get(item.no);
    if (previousLine !== undefined) {
      const at = locateCell(record, header.columnOf.get('no') ?? 0);
      throw malformedFile(`序号 ${item.no} 重复：第 ${previousLine} 行已有序号 ${item.no} 的事项。`, at.line, at.column);
    }
    lineOfNo.set(item.no, record.line);
    items.push(item);
  }

  if (header === null) {
    throw malformedFile('未找到表头：文件中没有含“序号”“权力分类”“项目名称”等列名的表头行，无法识别为权责清单。');
  }
  options.onProgress?.(total, total);
  return { title: title ?? '', items, encoding };
}

/** Split the text into records of cells; csv-parse where a cell is quoted, plain splitting otherwise. */
function splitRecords(text: string): TsvRecord[] {
  // Without a quote at the start of a cell, csv-parse (relax_quotes) does nothing but split at
  // tabs and line breaks; splitting directly is ten times faster on large lists.
  if (!/(?:^|[\t\n])"/.test(text)) {
    return text.split('\n').map((line, index) => ({ cells: line.split('\t'), line: index + 1, raw: line }));
  }
  const records: TsvRecord[] = [];
  const lines = text.split('\n');
  let nextLine = 1;
  try {
    parseCsv(text, {
      delimiter: '\t',
      record_delimiter: '\n',
      quote: '"',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Collect records here rather than from the result: a record's first line is known only
      // while parsing, and on an error the records read so far tell where the broken one starts.
      on_record: (cells, context) => {
        const first = nextLine;
        const last = context.lines;
        records.push({
          cells,
          line: first,
          get raw() {
            return lines.slice(first - 1, last).join('\n');
          },
        });
        nextLine = last + 1;
        return null;
      },
    });
  } catch (error) {
    throw csvProblem(error, text, nextLine);
  }
  return records;
}

/** A DomainError for what csv-parse refused, pointing at the record it could not finish. */
function csvProblem(error: unknown, text: string, recordLine: number): DomainError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    const at = openingQuote(text, recordLine);
    return malformedFile('引号未闭合：以英文双引号开头的单元格没有结束的双引号，请检查该单元格。', at.line, at.column);
  }
  return malformedFile(`无法按制表符分隔的表格读取（${code || '未知错误'}）。`, recordLine);
}

/** Line and column of the first quote that opens a cell at or after `fromLine`. */
function openingQuote(text: string, fromLine: number): { line: number; column?: number } {
  const lines = text.split('\n');
  for (let index = fromLine - 1; index < lines.length; index += 1) {
    const match = /(?:^|\t)"/.exec(lines[index] ?? '');
    if (match) return { line: index + 1, column: codePointLength((lines[index] ?? '').slice(0, match.index + match[0].length - 1)) + 1 };
  }
  return { line: fromLine };
}

function isBlankRecord(cells: readonly string[]): boolean {
  if (cells.every((cell) => cell.trim() === '')) return true;
  // Cells of empty markup (<p></p>) are blank too; only worth checking for short records.
  return cells.every((cell) => cell.length < 200 && htmlToText(cell) === '');
}

/** Normalise a header cell: markup, width and spacing variations removed. */
function headerKeyOfCell(cell: string): ColumnKey | null {
  return columnKeyOfHeader(htmlToText(cell)) ?? null;
}

/** Header keys of the header records of one file, by the record's text: the header repeats before every row. */
type HeaderCache = Map<string, (ColumnKey | null)[] | null>;

/** The column keys of a header record (null per unknown cell), or null when the record is no header. */
function headerKeysOf(cells: readonly string[], cache: HeaderCache): (ColumnKey | null)[] | null {
  // Cheap rejection: a header has a short 序号 cell.
  if (!cells.some((cell) => cell.length <= MAX_HEADER_CELL_LENGTH && (cell.includes('序') || cell.includes('编号')))) return null;
  const cacheKey = cells.join('\t');
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const keys = cells.map((cell) => (cell.length <= MAX_HEADER_CELL_LENGTH ? headerKeyOfCell(cell) : null));
  const result = keys.includes('no') && keys.includes('name') ? keys : null;
  // Header lines are short; a long data row that merely passed the cheap test is not worth keeping.
  if (cacheKey.length <= MAX_CACHED_HEADER_LENGTH) cache.set(cacheKey, result);
  return result;
}

function mapHeader(record: TsvRecord, keys: readonly (ColumnKey | null)[]): HeaderMap {
  const columnOf = new Map<ColumnKey, number>();
  keys.forEach((key, index) => {
    const name = htmlToText(record.cells[index] ?? '').replace(/\s+/g, '');
    if (key === null) {
      if (name === '') return;
      const at = locateCell(record, index);
      throw malformedFile(
        `表头中的列“${name}”无法识别；可用的列名为：${COLUMNS.map((column) => column.header).join('、')}。`,
        at.line,
        at.column,
      );
    }
    if (columnOf.has(key)) {
      const at = locateCell(record, index);
      throw malformedFile(`表头中的列“${name}”重复出现。`, at.line, at.column);
    }
    columnOf.set(key, index);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columnOf.has(required)) {
      const header = headerOf(required);
      throw malformedFile(`表头缺少“${header}”列。`, record.line);
    }
  }
  return { line: record.line, width: record.cells.length, columnOf };
}

function readItem(record: TsvRecord, header: HeaderMap): TPowerItem {
  const { cells } = record;
  if (cells.length !== header.width) {
    // Point at the first extra cell, or at the end of the record when cells are missing.
    const at = cells.length > header.width ? locateCell(record, header.width) : locateEnd(record);
    throw malformedFile(
      `此行有 ${cells.length} 个单元格，而第 ${header.line} 行的表头有 ${header.width} 列；单元格内容中可能多了或少了制表符、换行符。`,
      at.line,
      at.column,
    );
  }
  const named = new Set(header.columnOf.values());
  const unnamed = cells.findIndex((cell, index) => !named.has(index) && htmlToText(cell) !== '');
  if (unnamed >= 0) {
    const at = locateCell(record, unnamed);
    throw malformedFile(`第 ${unnamed + 1} 个单元格有内容，但表头中该列没有列名。`, at.line, at.column);
  }
  const textOf = (key: ColumnKey): string => {
    const index = header.columnOf.get(key);
    return index === undefined ? '' : htmlToText(cells[index] ?? '');
  };
  const row = rowCellsOf(textOf);
  try {
    return buildPowerItem(row);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.issues[0]?.path[0];
    const index = typeof field === 'string' ? header.columnOf.get(field as ColumnKey) : undefined;
    const at = index === undefined ? { line: record.line, column: undefined } : locateCell(record, index);
    throw malformedFile(error.message, at.line, at.column);
  }
}

// ── locating a cell in the file ──────────────────────────────────────────────────────────────

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Line and column (1-based, in characters) of an offset of a record's raw text. */
function positionIn(record: TsvRecord, offset: number): { line: number; column: number } {
  const before = record.raw.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  const breaks = before.split('\n').length - 1;
  return { line: record.line + breaks, column: codePointLength(before.slice(lastBreak + 1)) + 1 };
}

/** Where cell `index` of the record starts, reading quotes the way csv-parse does. */
function locateCell(record: TsvRecord, index: number): { line: number; column: number } {
  const { raw } = record;
  let offset = 0;
  for (let cell = 0; cell < index && offset <= raw.length; cell += 1) {
    if (raw[offset] === '"') {
      // Quoted cell: runs to a quote that is not doubled.
      offset += 1;
      while (offset < raw.length && !(raw[offset] === '"' && raw[offset + 1] !== '"')) offset += raw[offset] === '"' ? 2 : 1;
      offset += 1;
    }
    const tab = raw.indexOf('\t', offset);
    offset = tab < 0 ? raw.length : tab + 1;
  }
  return positionIn(record, Math.min(offset, raw.length));
}

/** Where the record's text ends. */
function locateEnd(record: TsvRecord): { line: number; column: number } {
  return positionIn(record, record.raw.length);
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

/** One cell: empty, plain text (identity columns of one paragraph) or `<p>…</p>` paragraphs. */
function writeCell(key: ColumnKey, text: string): string {
  if (text === '') return '';
  const paragraphs = text.split('\n').filter((paragraph) => paragraph.trim() !== '');
  if (PLAIN_COLUMNS.has(key) && paragraphs.length === 1) return escapeHtml(paragraphs[0] ?? '');
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(' ');
}

/**
 * Write a list in the portal's layout: two blank lines, the title, a blank line, then for each
 * item the header line and the item's row, items separated by a blank line. Cells hold
 * HTML-escaped text in `<p>` paragraphs; a cut entry ends with TRUNCATION_MARK.
 */
export function writePowerListTsv(list: { title: string; items: readonly TPowerItem[] }): string {
  const lines = ['', '', escapeHtml(list.title.replace(/\n/g, ' ')), ''];
  if (list.items.length === 0) lines.push(HEADER_LINE);
  list.items.forEach((item, index) => {
    if (index > 0) lines.push('');
    const cells = renderPowerItem(item);
    lines.push(HEADER_LINE, COLUMNS.map(({ key }) => writeCell(key, cells[key])).join('\t'));
  });
  return lines.join('\n');
}
