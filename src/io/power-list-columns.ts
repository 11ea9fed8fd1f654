/**
 * The ten columns of a power list as every tabular format (TSV, XLSX) prints them, the other
 * header names real lists use for them, and how a row's cells become `RowCells`.
 */
import type { RowCells } from '../domain/powerlist/build-item.js';

export type ColumnKey = keyof RowCells;

/** The columns in the order the list prints them, with the header each is written with. */
export const COLUMNS: readonly { key: ColumnKey; header: string }[] = [
  { key: 'no', header: '序号' },
  { key: 'category', header: '权力分类' },
  { key: 'name', header: '项目名称' },
  { key: 'subItem', header: '子项' },
  { key: 'legalBases', header: '实施依据' },
  { key: 'duties', header: '责任事项' },
  { key: 'dutyBases', header: '责任事项依据' },
  { key: 'accountability', header: '追责情形' },
  { key: 'accountabilityBases', header: '追责依据' },
  { key: 'note', header: '备注' },
];

/** Header names other lists use for the same column; only unambiguous ones. */
const HEADER_ALIASES: Readonly<Record<string, ColumnKey>> = {
  编号: 'no',
  权力类别: 'category',
  权力类型: 'category',
  权力名称: 'name',
  事项名称: 'name',
  子项名称: 'subItem',
};

const HEADER_KEYS: ReadonlyMap<string, ColumnKey> = new Map([
  ...COLUMNS.map(({ header, key }): [string, ColumnKey] => [header, key]),
  ...Object.entries(HEADER_ALIASES),
]);

/** Columns without which a row cannot become an item (the others read as empty when absent). */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['no', 'category', 'name'];

/** A header cell is short; longer cells are never read as column names. */
export const MAX_HEADER_CELL_LENGTH = 40;

/** The printed header of a column. */
export function headerOf(key: ColumnKey): string {
  return COLUMNS.find((column) => column.key === key)?.header ?? key;
}

/** The column a header cell (as plain text) names, or undefined; width, spacing and a trailing colon do not matter. */
export function columnKeyOfHeader(text: string): ColumnKey | undefined {
  if (text.length > MAX_HEADER_CELL_LENGTH) return undefined;
  return HEADER_KEYS.get(
    text
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/[:：]$/, ''),
  );
}

/** A row's cells by column, given the text of each column ('' for a column the file lacks). */
export function rowCellsOf(textOf: (key: ColumnKey) => string): RowCells {
  const cells = {} as RowCells;
  for (const { key } of COLUMNS) cells[key] = textOf(key);
  return cells;
}
