/**
 * Test fixtures: tables as other bodies publish their power lists, written once as rows of cells
 * (with Excel merges) and turned into the files a bureau would upload — .xlsx with real merged
 * cells, tab-separated text and comma-separated CSV (UTF-8 or GBK) where a merge leaves its other
 * cells empty, as Excel and WPS save them.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A merged range, 1-based and inclusive, as Excel's `A2:A3`. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A table: rows of cell texts ('' for empty) and the merged ranges over them. */
export interface Table {
  rows: string[][];
  merges?: Merge[];
}

/** Cells covered by a merge other than its first (top-left) cell. */
function coveredCells(table: Table): Set<string> {
  const covered = new Set<string>();
  for (const merge of table.merges ?? []) {
    for (let row = merge.top; row <= merge.bottom; row += 1) {
      for (let column = merge.left; column <= merge.right; column += 1) {
        if (row !== merge.top || column !== merge.left) covered.add(`${row}:${column}`);
      }
    }
  }
  return covered;
}

/** The table as an .xlsx workbook with its merges. */
export async function xlsxOf(table: Table): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  const covered = coveredCells(table);
  table.rows.forEach((row, rowIndex) => {
    row.forEach((text, columnIndex) => {
      if (text !== '' && !covered.has(`${rowIndex + 1}:${columnIndex + 1}`)) sheet.getCell(rowIndex + 1, columnIndex + 1).value = text;
    });
  });
  for (const merge of table.merges ?? []) sheet.mergeCells(merge.top, merge.left, merge.bottom, merge.right);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The table as delimited text, quoting cells as Excel does; a merge keeps its text in its first cell only. */
export function delimitedTextOf(table: Table, delimiter: '\t' | ','): string {
  const covered = coveredCells(table);
  const width = Math.max(...table.rows.map((row) => row.length));
  return table.rows
    .map((row, rowIndex) =>
      Array.from({ length: width }, (_, columnIndex) => {
        const text = covered.has(`${rowIndex + 1}:${columnIndex + 1}`) ? '' : (row[columnIndex] ?? '');
        return /["\n\r\t,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      }).join(delimiter),
    )
    .join('\r\n');
}

export function tsvOf(table: Table): Uint8Array {
  return new TextEncoder().encode(delimitedTextOf(table, '\t'));
}

export function csvOf(table: Table, encoding: 'utf-8' | 'gbk' = 'utf-8'): Uint8Array {
  const text = delimitedTextOf(table, ',');
  return encoding === 'gbk' ? new Uint8Array(iconv.encode(text, 'gbk')) : new TextEncoder().encode(text);
}
