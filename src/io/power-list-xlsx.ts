/**
 * Excel workbooks (.xlsx) of a power list: people keep and exchange their lists in Excel, so we
 * write one they can edit and read back what they (or another office suite) saved. Written layout:
 * one sheet, a title row, one header row with the list's ten column names and the extra fields'
 * headers, one row per item with plain-text cells (paragraphs separated by line breaks). Read: every
 * sheet with a header, merged cells as Excel shows them, through the shared table reader
 * (power-list-table.ts). Cells are rendered and parsed by the same functions as every other format
 * (renderPowerItem / buildPowerItem), so a round trip is lossless.
 */
import ExcelJS from 'exceljs';
import type { TPowerItem } from '../contracts/power-list.js';
import { DomainError, ERROR_CODES, malformedFile } from '../domain/errors.js';
import type { RowCells } from '../domain/powerlist/build-item.js';
import { renderPowerItem } from '../domain/powerlist/render-item.js';
import { COLUMNS, type ColumnKey } from './power-list-columns.js';
import {
  type CellNamer,
  cellError,
  extraHeadersOf,
  extraValueOf,
  isHeaderRow,
  readHeader,
  type TableCell,
  TableItems,
  type TableRow,
} from './power-list-table.js';
import { checkZipIsSafe } from './zip-guard.js';

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
  // The file's other columns (kept as extra fields on import) follow 备注, under their own headers.
  const extraHeaders = extraHeadersOf(list.items);
  const headers = [...COLUMNS.map((column) => column.header), ...extraHeaders];
  sheet.columns = [
    ...COLUMNS.map((column) => ({ key: column.key, width: COLUMN_WIDTHS[column.key] })),
    ...extraHeaders.map(() => ({ width: 20 })),
  ];

  const titleRow = sheet.getRow(TITLE_ROW);
  titleRow.getCell(1).value = list.title;
  titleRow.getCell(1).font = { bold: true, size: 16 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 30;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, headers.length);

  const headerRow = sheet.getRow(HEADER_ROW);
  headers.forEach((header, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = THIN_BORDER;
  });

  for (const [index, item] of list.items.entries()) {
    const cells = renderPowerItem(item);
    const row = sheet.addRow([
      ...COLUMNS.map((column) => cellValue(column.key, cells[column.key], item, index)),
      ...extraHeaders.map((header) => extraValueOf(item, header)),
    ]);
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
 * Read a list from an .xlsx workbook: every sheet that has a header (a list split into one sheet per
 * category reads as one list), the header row found by its column names (repeated headers and blank
 * rows are skipped), columns mapped by name. Throws DomainError: `too-large` over 20 MB or 50,000
 * rows, `malformed-file` with sheet, row and column for anything that is not a readable list —
 * including a sheet with content but no header, which would otherwise be lost.
 */
export async function readPowerListXlsx(bytes: Uint8Array): Promise<XlsxPowerList> {
  if (bytes.byteLength > MAX_XLSX_BYTES) {
    throw new DomainError(
      ERROR_CODES.tooLarge,
      `Excel 文件大小为 ${formatMegabytes(bytes.byteLength)}，超过 ${formatMegabytes(MAX_XLSX_BYTES)} 的上限，无法导入。`,
    );
  }
  checkZipIsSafe(bytes, MAX_UNPACKED_BYTES);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new DomainError(ERROR_CODES.malformedFile, '无法打开该 Excel 文件：文件已损坏，或不是 .xlsx 格式的工作簿。', { cause: error });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw malformedFile('Excel 工作簿中没有工作表。');
  const rowCount = sheets.reduce((total, sheet) => total + sheet.rowCount, 0);
  if (rowCount > MAX_XLSX_ROWS) {
    throw new DomainError(ERROR_CODES.tooLarge, `工作表共有 ${rowCount} 行，超过 ${MAX_XLSX_ROWS} 行的上限，无法导入。`);
  }
  return readSheets(sheets);
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(columnNo: number): string {
  let letters = '';
  for (let n = columnNo; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The rows of a sheet as table rows: every cell's text, merged cells marked. */
function rowsOf(sheet: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  for (let rowNo = 1; rowNo <= sheet.rowCount; rowNo += 1) {
    const row = sheet.getRow(rowNo);
    const cells: TableCell[] = [];
    for (let columnNo = 1; columnNo <= row.cellCount; columnNo += 1) {
      const cell = row.getCell(columnNo);
      // A merged range's other cells read as its first cell (exceljs gives them its value).
      const merged = cell.isMerged && cell.master.address !== cell.address;
      cells.push({ text: cellText(cell.value), merged });
    }
    rows.push({ rowNo, cells });
  }
  return rows;
}

const texts = (row: TableRow): string[] => row.cells.map((cell) => cell.text);
const isBlank = (row: TableRow): boolean => row.cells.every((cell) => cell.text === '');

function readSheets(sheets: readonly ExcelJS.Worksheet[]): XlsxPowerList {
  // Cells of the first sheet are named as before (`第 5 行 E 列`); of later ones with the sheet's name.
  let sheetLabel = '';
  const nameXlsxCell: CellNamer = (rowNo, index) =>
    `${sheetLabel}第 ${rowNo} 行${index === undefined ? '' : ` ${columnLetter(index + 1)} 列`}`;
  const table = new TableItems(nameXlsxCell);
  let title: string | null = null;
  let sheetsRead = 0;

  sheets.forEach((sheet, sheetIndex) => {
    sheetLabel = sheetIndex === 0 ? '' : `工作表“${sheet.name}”`;
    const rows = rowsOf(sheet);
    const headerIndex = rows.findIndex((row) => isHeaderRow(texts(row)));
    if (headerIndex < 0) {
      const firstText = rows.find((row) => !isBlank(row));
      if (firstText === undefined) return;
      // A sheet with content but no header would be lost: say so, naming its first row of text.
      const cell = firstText.cells.findIndex((candidate) => candidate.text !== '');
      throw cellError(
        sheets.length === 1
          ? '未找到表头行：工作表中没有一行同时写有“项目名称”（或“事项名称”“职权名称”等）和另一个清单列名（如“序号”“权力分类”“实施依据”）。'
          : `工作表“${sheet.name}”有内容，但没有含“项目名称”等列名的表头行，无法作为清单读取；如它是填表说明等，请删除该工作表后再导入。`,
        nameXlsxCell,
        firstText.rowNo,
        cell < 0 ? undefined : cell,
      );
    }
    sheetsRead += 1;
    // The first text above the first header is the list's title; later sheets repeat or vary it.
    title ??=
      rows
        .slice(0, headerIndex)
        .flatMap((row) => texts(row).filter((text) => text !== ''))
        .at(0)
        // The same whitespace folding as the TSV reader, so a title survives an xlsx → tsv round trip.
        ?.replace(/\s+/g, ' ')
        .trim() ?? '';
    for (let index = headerIndex; index < rows.length; index += 1) {
      const row = rows[index];
      if (row === undefined || isBlank(row) || row.cells.every((cell) => cell.merged || cell.text === '')) continue;
      if (isHeaderRow(texts(row))) {
        const header = readHeader(row, rows[index + 1] ?? null, nameXlsxCell);
        table.setHeader(header);
        index += header.rows - 1;
        continue;
      }
      table.addRow(row);
    }
  });
  if (sheetsRead === 0) {
    throw malformedFile(
      '未找到表头行：工作表中没有一行同时写有“项目名称”（或“事项名称”“职权名称”等）和另一个清单列名（如“序号”“权力分类”“实施依据”）。',
    );
  }
  return { title: title ?? '', items: table.items() };
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

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
