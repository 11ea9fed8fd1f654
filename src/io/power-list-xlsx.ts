/**
 * Excel workbooks (.xlsx) of a power list: people keep and exchange their lists in Excel, so we
 * write one they can edit and read back what they (or another office suite) saved. Layout: first
 * sheet, a title row, one header row with the list's ten column names, one row per item with
 * plain-text cells (paragraphs separated by line breaks). Cells are rendered and parsed by the same
 * functions as every other format (renderPowerItem / buildPowerItem), so a round trip is lossless.
 */
import ExcelJS from 'exceljs';
import type { TPowerItem } from '../contracts/power-list.js';
import { DomainError, ERROR_CODES, malformedFile } from '../domain/errors.js';
import { buildPowerItem, type RowCells } from '../domain/powerlist/build-item.js';
import { renderPowerItem } from '../domain/powerlist/render-item.js';
import { COLUMNS, type ColumnKey, columnKeyOfHeader, headerOf, REQUIRED_COLUMNS, rowCellsOf } from './power-list-columns.js';

/** What the reader returns and the writer takes: a list without findings (the linter adds them). */
export interface XlsxPowerList {
  title: string;
  items: TPowerItem[];
}

/** Files larger than this are refused before they are opened. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
/** Sheets with more rows than this are refused. */
export const MAX_XLSX_ROWS = 50_000;
/** What the zip may unpack to in total: a zip bomb is refused before it is inflated. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Excel's own limit on the characters of one cell; longer text would be cut when opened. */
const MAX_CELL_CHARS = 32_767;

/** The width in characters of each column. */
const COLUMN_WIDTHS: Record<ColumnKey, number> = {
  no: 6,
  category: 12,
  name: 28,
  subItem: 14,
  legalBases: 60,
  duties: 56,
  dutyBases: 60,
  accountability: 48,
  accountabilityBases: 60,
  note: 16,
};

const TITLE_ROW = 1;
const HEADER_ROW = 2;

// ── writing ──────────────────────────────────────────────────────────────────────────────────

/** Write a list as an .xlsx workbook: title row, frozen header row, one wrapped-text row per item. */
export async function writePowerListXlsx(list: XlsxPowerList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quanze';
  const sheet = workbook.addWorksheet('权责清单', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  sheet.columns = COLUMNS.map((column) => ({ key: column.key, width: COLUMN_WIDTHS[column.key] }));

  const titleRow = sheet.getRow(TITLE_ROW);
  titleRow.getCell(1).value = list.title;
  titleRow.getCell(1).font = { bold: true, size: 16 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 30;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, COLUMNS.length);

  const headerRow = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = THIN_BORDER;
  });

  for (const [index, item] of list.items.entries()) {
    const cells = renderPowerItem(item);
    const row = sheet.addRow(COLUMNS.map((column) => cellValue(column.key, cells[column.key], item, index)));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = THIN_BORDER;
    });
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** 序号 is written as a number so Excel sorts it; every other cell as text. */
function cellValue(key: keyof RowCells, text: string, item: TPowerItem, index: number): string | number {
  if (key === 'no' && /^\d+$/.test(text)) return Number(text);
  // Excel counts UTF-16 code units
  if (text.length > MAX_CELL_CHARS) {
    const header = COLUMNS.find((column) => column.key === key)?.header ?? key;
    throw new DomainError(
      ERROR_CODES.validation,
      `第${item.no}项“${header}”超过 Excel 单元格上限 ${MAX_CELL_CHARS} 字，无法导出为 Excel，请改用 JSON 或 TSV 导出。`,
      { issues: [{ path: ['items', index, key], message: `超过 ${MAX_CELL_CHARS} 字` }] },
    );
  }
  return text;
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────

/**
 * Read a list from an .xlsx workbook: the first sheet, the header row found by its column names
 * (repeated headers and blank rows are skipped), columns mapped by name. Throws DomainError:
 * `too-large` over 20 MB or 50,000 rows, `malformed-file` with row and column for anything that is
 * not a readable list.
 */
export async function readPowerListXlsx(bytes: Uint8Array): Promise<XlsxPowerList> {
  if (bytes.byteLength > MAX_XLSX_BYTES) {
    throw new DomainError(
      ERROR_CODES.tooLarge,
      `Excel 文件大小为 ${formatMegabytes(bytes.byteLength)}，超过 ${formatMegabytes(MAX_XLSX_BYTES)} 的上限，无法导入。`,
    );
  }
  checkZipIsSafe(bytes);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new DomainError(ERROR_CODES.malformedFile, '无法打开该 Excel 文件：文件已损坏，或不是 .xlsx 格式的工作簿。', { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw malformedFile('Excel 工作簿中没有工作表。');
  if (sheet.rowCount > MAX_XLSX_ROWS) {
    throw new DomainError(ERROR_CODES.tooLarge, `工作表共有 ${sheet.rowCount} 行，超过 ${MAX_XLSX_ROWS} 行的上限，无法导入。`);
  }
  return readSheet(sheet);
}

function readSheet(sheet: ExcelJS.Worksheet): XlsxPowerList {
  const rows: { rowNo: number; texts: string[] }[] = [];
  for (let rowNo = 1; rowNo <= sheet.rowCount; rowNo += 1) {
    const row = sheet.getRow(rowNo);
    const texts: string[] = [];
    for (let columnNo = 1; columnNo <= row.cellCount; columnNo += 1) texts.push(cellText(row.getCell(columnNo).value));
    rows.push({ rowNo, texts });
  }

  const headerIndex = rows.findIndex((row) => isHeaderRow(row.texts));
  const header = rows[headerIndex];
  if (header === undefined) {
    throw malformedFile('未找到表头行：工作表中没有同时包含“序号”“权力分类”“项目名称”等列名的一行。');
  }
  const columnOf = mapColumns(header.texts, header.rowNo);
  const title =
    rows
      .slice(0, headerIndex)
      .flatMap((row) => row.texts.filter((text) => text !== ''))
      .at(0)
      // The same whitespace folding as the TSV reader, so a title survives an xlsx → tsv round trip.
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';

  const items: TPowerItem[] = [];
  const rowOfNo = new Map<number, number>();
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.texts.every((text) => text === '') || isHeaderRow(row.texts)) continue;
    const item = buildItemAt(rowCells(row.texts, columnOf), row.rowNo, columnOf);
    const previousRow = rowOfNo.get(item.no);
    if (previousRow !== undefined) {
      throw malformedFile(
        `序号 ${item.no} 重复：第 ${previousRow} 行已有序号 ${item.no} 的事项。`,
        row.rowNo,
        (columnOf.get('no') ?? 0) + 1,
      );
    }
    rowOfNo.set(item.no, row.rowNo);
    items.push(item);
  }
  return { title, items };
}

/** The column a header cell names, or undefined. */
function headerKey(text: string): ColumnKey | undefined {
  return columnKeyOfHeader(text);
}

/** A header row names the identity columns: 项目名称 and 序号 or 权力分类. */
function isHeaderRow(texts: readonly string[]): boolean {
  const keys = new Set(texts.map(headerKey));
  return keys.has('name') && (keys.has('no') || keys.has('category'));
}

/** Column index (0-based) of each RowCells key; the first column with a name wins. */
function mapColumns(headerTexts: readonly string[], rowNo: number): Map<keyof RowCells, number> {
  const columnOf = new Map<keyof RowCells, number>();
  headerTexts.forEach((text, index) => {
    const key = headerKey(text);
    if (key !== undefined && !columnOf.has(key)) columnOf.set(key, index);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columnOf.has(required)) throw malformedFile(`表头缺少“${headerOf(required)}”列。`, rowNo);
  }
  return columnOf;
}

function rowCells(texts: readonly string[], columnOf: ReadonlyMap<keyof RowCells, number>): RowCells {
  const textOf = (key: keyof RowCells): string => {
    const index = columnOf.get(key);
    return index === undefined ? '' : (texts[index] ?? '');
  };
  return rowCellsOf(textOf);
}

/** Build one item; a DomainError from the builder is given the row and column it came from. */
function buildItemAt(cells: RowCells, rowNo: number, columnOf: ReadonlyMap<keyof RowCells, number>): TPowerItem {
  try {
    return buildPowerItem(cells);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.issues[0]?.path[0];
    const index = typeof field === 'string' ? columnOf.get(field as keyof RowCells) : undefined;
    throw malformedFile(error.message, rowNo, index === undefined ? undefined : index + 1);
  }
}

/** The text of a cell whatever Excel stored: rich text, formula results, hyperlinks, numbers. */
function cellText(value: ExcelJS.CellValue): string {
  return normaliseCellText(rawCellText(value));
}

function rawCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return rawCellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return rawCellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/** Line breaks as '\n' (Excel on Windows writes \r\n) and no surrounding blanks. */
function normaliseCellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

// ── zip safety ───────────────────────────────────────────────────────────────────────────────

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;

/**
 * Refuse what is not a zip, and a zip whose entries claim to unpack to more than we accept (a zip
 * bomb), by reading the central directory before anything is inflated.
 */
function checkZipIsSafe(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notXlsx = () =>
    malformedFile('该文件不是 Excel 工作簿（.xlsx）：文件内容不是 zip 格式。如为旧版 .xls 文件，请在 Excel 中另存为 .xlsx。');
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== ZIP_LOCAL_HEADER) throw notXlsx();

  // the end-of-directory record sits in the last 22 bytes plus at most a 64 KiB comment
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === ZIP_END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw notXlsx();

  const entryCount = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let unpacked = 0;
  for (let entry = 0; entry < entryCount; entry += 1) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== ZIP_CENTRAL_HEADER) {
      throw malformedFile('Excel 文件已损坏：zip 目录不完整。');
    }
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means a ZIP64 size: far beyond anything a power list needs
    unpacked += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new DomainError(ERROR_CODES.tooLarge, `Excel 文件解压后超过 ${formatMegabytes(MAX_UNPACKED_BYTES)}，无法导入。`);
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
