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

/**
 * Header names other bodies' lists use for the same column; only unambiguous ones (a bare `依据` or
 * `事项` could be several columns and is not taken). Documented in docs/users/power-list-format.md;
 * columns named otherwise (事项编码, 承办机构, 行使层级 …) are kept as extra fields.
 */
export const HEADER_ALIASES: Readonly<Record<string, ColumnKey>> = {
  编号: 'no',
  序: 'no',
  权力类别: 'category',
  权力类型: 'category',
  职权类别: 'category',
  职权类型: 'category',
  职权分类: 'category',
  事项类型: 'category',
  事项类别: 'category',
  权力事项类型: 'category',
  权力名称: 'name',
  事项名称: 'name',
  职权名称: 'name',
  权力事项名称: 'name',
  权责事项名称: 'name',
  职权事项名称: 'name',
  子项名称: 'subItem',
  子项目: 'subItem',
  子项目名称: 'subItem',
  设定依据: 'legalBases',
  法律依据: 'legalBases',
  行使依据: 'legalBases',
  职权依据: 'legalBases',
  权力依据: 'legalBases',
  设定和实施依据: 'legalBases',
  设定依据及实施依据: 'legalBases',
  实施依据及设定依据: 'legalBases',
  责任事项内容: 'duties',
  责任内容: 'duties',
  职责: 'duties',
  履职责任: 'duties',
  责任依据: 'dutyBases',
  职责依据: 'dutyBases',
  履责依据: 'dutyBases',
  追责事项: 'accountability',
  问责情形: 'accountability',
  责任追究情形: 'accountability',
  问责依据: 'accountabilityBases',
  责任追究依据: 'accountabilityBases',
  说明: 'note',
  备注说明: 'note',
};

const HEADER_KEYS: ReadonlyMap<string, ColumnKey> = new Map([
  ...COLUMNS.map(({ header, key }): [string, ColumnKey] => [header, key]),
  ...Object.entries(HEADER_ALIASES),
]);

/**
 * Columns without which a row cannot become an item (the others read as empty when absent): 序号
 * may be missing (items are then numbered by position), 权力分类 may come from group headings.
 */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['name'];

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
