/**
 * What every tabular reader (TSV/CSV, XLSX) does once a file is rows of plain-text cells: find the
 * header (one row, or two where 责任事项 and 追责 head their sub-columns), map each column to a field
 * or keep it as an extra field, read group heading rows (`一、行政处罚（3项）`), rows without a 序号
 * and sub-items under a merged 序号, and build the items.
 *
 * The rule every reader keeps: a non-empty cell is mapped to a field, kept as an extra field, or
 * the file is refused naming the cell — never dropped.
 */
import { POWER_CATEGORIES, type TExtraField, type TPowerItem } from '../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../domain/errors.js';
import { buildPowerItem, type RowCells, resolveColumnReferences } from '../domain/powerlist/build-item.js';
import { COLUMNS, type ColumnKey, columnKeyOfHeader, headerOf, MAX_HEADER_CELL_LENGTH } from './power-list-columns.js';

/** One cell of a table row as a reader hands it over. */
export interface TableCell {
  /** plain text, paragraphs separated by '\n', trimmed */
  text: string;
  /** the cell continues a merged range (its text is the merged range's); only Excel has merges */
  merged?: boolean;
}

/** One row of the table: its number as the user sees it (sheet row, or line of the file) and its cells. */
export interface TableRow {
  rowNo: number;
  cells: TableCell[];
}

/** How the reader names a row or a cell (0-based `index`) in a message: `第 5 行 E 列`, `第 5 行第 5 个单元格`, `第 5 行`. */
export type CellNamer = (rowNo: number, index?: number) => string;

/** A DomainError `malformed-file` naming a row and (optionally) a cell; location.column is the 1-based cell number. */
export function cellError(message: string, namer: CellNamer, rowNo: number, index?: number, header?: string): DomainError {
  const where = `${namer(rowNo, index)}${index !== undefined && header ? `（“${header}”）` : ''}`;
  return new DomainError(ERROR_CODES.malformedFile, `${where}：${message}`, {
    location: { line: rowNo, column: index === undefined ? undefined : index + 1 },
  });
}

/** The columns of a header. */
export interface HeaderLayout {
  /** header rows read: 1, or 2 for a two-row header */
  rows: number;
  /** row number of the (first) header row */
  rowNo: number;
  columnOf: Map<ColumnKey, number>;
  /** columns kept as extra fields, with the header they are shown under */
  extras: { index: number; header: string }[];
  /** the header text of each column ('' when it has none), for messages */
  headers: string[];
}

// ── header ───────────────────────────────────────────────────────────────────────────────────

/** Normalised header text: width, spacing and a trailing colon do not matter. */
function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[:：]$/, '');
}

/** Could this row be a header? It names 项目名称 (or an alias) and at least one more of the list's columns. */
export function isHeaderRow(texts: readonly string[]): boolean {
  const keys = new Set(texts.map((text) => (text.length <= MAX_HEADER_CELL_LENGTH ? columnKeyOfHeader(text) : undefined)));
  keys.delete(undefined);
  return keys.has('name') && keys.size >= 2;
}

/**
 * The header groups a two-row header puts over sub-columns, and what the sub-columns mean: a
 * `依据` sub-column is the group's basis, one of the content words its entries.
 */
const HEADER_GROUPS: readonly { group: RegExp; content: ColumnKey; basis: ColumnKey }[] = [
  { group: /追责|问责|责任追究/, content: 'accountability', basis: 'accountabilityBases' },
  { group: /责任/, content: 'duties', basis: 'dutyBases' },
  { group: /实施|设定|法律/, content: 'legalBases', basis: 'legalBases' },
];
const CONTENT_WORDS: ReadonlySet<string> = new Set([
  '事项',
  '内容',
  '情形',
  '具体事项',
  '具体内容',
  '责任事项',
  '追责情形',
  '问责情形',
  '责任内容',
]);

/** The field of a sub-column under a group header, or undefined. */
function groupedKey(group: string, sub: string): ColumnKey | undefined {
  const direct = columnKeyOfHeader(sub) ?? columnKeyOfHeader(group + sub);
  if (direct !== undefined) return direct;
  const rule = HEADER_GROUPS.find((candidate) => candidate.group.test(group));
  if (rule === undefined) return undefined;
  const normalised = normaliseHeader(sub);
  if (/依据$/.test(normalised) && normalised.length <= 6) return rule.basis;
  if (CONTENT_WORDS.has(normalised)) return rule.content;
  return undefined;
}

/**
 * Is `below` the second row of a two-row header under `top`? It has short texts only, nothing of its
 * own under 序号 and 项目名称, and at least one text under a group (a merged or empty top cell, or
 * a top cell that is not itself a column name).
 */
function isSubHeader(top: readonly TableCell[], below: readonly TableCell[]): boolean {
  const own = below.map((cell, index) => ({ index, text: cell.merged ? '' : cell.text }));
  const filled = own.filter((cell) => cell.text !== '');
  if (filled.length === 0 || filled.some((cell) => cell.text.length > MAX_HEADER_CELL_LENGTH || cell.text.includes('\n'))) return false;
  const topKeys = top.map((cell) => (cell.text.length <= MAX_HEADER_CELL_LENGTH ? columnKeyOfHeader(cell.text) : undefined));
  for (const key of ['no', 'name'] as const) {
    const index = topKeys.indexOf(key);
    if (index >= 0 && (own[index]?.text ?? '') !== '') return false;
  }
  return filled.some((cell) => {
    const above = top[cell.index];
    return (
      above === undefined ||
      above.text === '' ||
      above.merged === true ||
      topKeys[cell.index] === undefined ||
      groupedKey(above.text, cell.text) !== undefined
    );
  });
}

/**
 * Read the header at `top` (and `below`, when it is the second row of a two-row header). Throws,
 * naming the header cell, for a column given twice; an unknown column is kept as an extra field.
 */
export function readHeader(top: TableRow, below: TableRow | null, namer: CellNamer): HeaderLayout {
  const twoRows = below !== null && isSubHeader(top.cells, below.cells);
  const width = Math.max(top.cells.length, twoRows && below ? below.cells.length : 0);
  const columnOf = new Map<ColumnKey, number>();
  const extras: { index: number; header: string }[] = [];
  const headers: string[] = [];
  let group = '';
  for (let index = 0; index < width; index += 1) {
    const topCell = top.cells[index];
    const topText = topCell?.text.replace(/\s*\n\s*/g, '') ?? '';
    // A group runs over the merged (Excel) or empty (text files) top cells to its right.
    if (topText !== '' && !topCell?.merged) group = topText;
    else if (topText === '' && !(twoRows && (below?.cells[index]?.text ?? '') !== '')) group = '';
    const subCell = twoRows ? below?.cells[index] : undefined;
    const sub = subCell === undefined || subCell.merged ? '' : subCell.text.replace(/\s*\n\s*/g, '');
    const groupText = topText !== '' ? topText : group;

    let key: ColumnKey | undefined;
    let header: string;
    if (sub === '') {
      key = topText.length <= MAX_HEADER_CELL_LENGTH ? columnKeyOfHeader(topText) : undefined;
      header = topText;
    } else {
      key = groupedKey(groupText, sub);
      header = groupText === '' ? sub : `${groupText}·${sub}`;
    }
    headers.push(key === undefined ? header : headerOf(key));
    if (key !== undefined) {
      const earlier = columnOf.get(key);
      if (earlier !== undefined) {
        throw cellError(
          `表头中“${headerOf(key)}”列出现了两次（另一次在第 ${earlier + 1} 列），无法确定以哪一列为准；请删除或改名其中一列。`,
          namer,
          twoRows && sub !== '' && below ? below.rowNo : top.rowNo,
          index,
          header,
        );
      }
      columnOf.set(key, index);
    } else if (header !== '') {
      // Two columns of one header text stay two fields: the later ones are numbered.
      const same = extras.filter((extra) => extra.header === header || extra.header.startsWith(`${header}（`)).length;
      extras.push({ index, header: same === 0 ? header : `${header}（${same + 1}）` });
    }
  }
  if (!columnOf.has('name')) throw cellError('表头缺少“项目名称”列。', namer, top.rowNo);
  return { rows: twoRows ? 2 : 1, rowNo: top.rowNo, columnOf, extras, headers };
}

// ── rows ─────────────────────────────────────────────────────────────────────────────────────

/** `一、行政处罚（3项）`, `二．行政强制类`, `（三）行政检查：`, `行政确认（共2项）` → the category it heads. */
const GROUP_HEADING =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)?\s*([\u4e00-\u9fff]{2,8}?)\s*类?\s*(?:[（(]\s*共?\s*\d{1,5}\s*项\s*[）)])?\s*[:：]?$/;

/** The category a group heading row names, or null. */
export function groupHeadingCategory(text: string): string | null {
  const match = GROUP_HEADING.exec(text.normalize('NFKC').trim());
  const category = match?.[1];
  if (category === undefined) return null;
  if ((POWER_CATEGORIES as readonly string[]).includes(category) || /^行政[\u4e00-\u9fff]{2}$/.test(category)) return category;
  if (category === '其他权力' || category === '公共服务') return category;
  return null;
}

/** `同上` / `同上。` in a cell: the same as the cell above. */
const SAME_AS_ABOVE = /^同\s*上\s*[。.]?$/;

/** A sub-item number under an item: `3-1`, `3.1`, `3－2`. */
const SUB_NUMBER = /^\d{1,6}\s*[-－.．、]\s*\d{1,4}$/;

/** What a row became before numbering. */
interface DraftItem {
  item: TPowerItem;
  rowNo: number;
  /** the 序号 as printed; '' when the row has none */
  printed: string;
  /** the row's own readable number, null when it has none of its own (no 序号, sub-item, merged) */
  ownNo: number | null;
}

/** Builds the items of a table from its header and rows. */
export class TableItems {
  private header: HeaderLayout | null = null;
  private category: string | null = null;
  private previousCells: RowCells | null = null;
  private readonly drafts: DraftItem[] = [];
  private readonly rowOfNo = new Map<number, number>();
  /** the extra fields of the row above, for a `同上` in an extra column */
  private previousExtras = new Map<string, string>();
  /** the file's numbering started again at 1 (per page or per category) */
  private restarted = false;
  /** k while the file's own numbers since the last restart are 1, 2, …, k; -1 once they are not */
  private runLength = 0;

  constructor(private readonly namer: CellNamer) {}

  setHeader(header: HeaderLayout): void {
    this.header = header;
  }

  hasHeader(): boolean {
    return this.header !== null;
  }

  /** Read one data row (blank rows are the caller's to skip). */
  addRow(row: TableRow): void {
    const header = this.header;
    if (header === null) throw new Error('addRow before setHeader');
    const { cells, rowNo } = row;
    const known = new Set([...header.columnOf.values(), ...header.extras.map((extra) => extra.index)]);
    const unnamed = cells.findIndex((cell, index) => !known.has(index) && !cell.merged && cell.text !== '');

    // A row whose text stands in one place only: a group heading (`一、行政处罚（3项）`).
    const own = cells.map((cell, index) => ({ index, text: cell.merged ? '' : cell.text })).filter((cell) => cell.text !== '');
    const distinct = new Set(cells.filter((cell) => cell.text !== '').map((cell) => cell.text));
    const only = own.length === 1 && distinct.size === 1 ? own[0] : undefined;
    // A 子项 alone under a merged item is a sub-item, whatever it says.
    if (only !== undefined && only.index !== header.columnOf.get('subItem')) {
      const category = groupHeadingCategory(only.text);
      if (category !== null) {
        this.category = category;
        return;
      }
      if (only.index !== header.columnOf.get('name') && known.has(only.index)) {
        throw cellError(
          `此行只有这一处文字（“${only.text.slice(0, 30)}${only.text.length > 30 ? '…' : ''}”），既不是一项权力，也不是“一、行政处罚”这样的分类标题行；请删除此行、把它移到表头之上，或补全该事项。`,
          this.namer,
          rowNo,
          only.index,
          header.headers[only.index],
        );
      }
    }
    if (unnamed >= 0) {
      throw cellError(
        `该单元格有内容，但表头中这一列没有列名；请为该列补上列名（无法识别的列名会作为附加栏目保留），或删除该内容。`,
        this.namer,
        rowNo,
        unnamed,
      );
    }

    const textAt = (index: number | undefined): string => (index === undefined ? '' : (cells[index]?.text ?? ''));
    const isMergedAt = (index: number | undefined): boolean => index !== undefined && cells[index]?.merged === true;
    const noIndex = header.columnOf.get('no');
    const nameIndex = header.columnOf.get('name');
    const printed = textAt(noIndex);

    const cells10 = {} as RowCells;
    for (const { key } of COLUMNS) {
      const text = textAt(header.columnOf.get(key));
      // 同上: the same as the cell above, in the same column.
      cells10[key] = SAME_AS_ABOVE.test(text) && this.previousCells !== null && key !== 'no' ? this.previousCells[key] : text;
    }
    const previous = this.drafts.at(-1)?.item;
    // A sub-item row: its 序号 merged with the row above (Excel), or — in a text file, where the
    // merge leaves empty cells — no 序号 and no name of its own but a 子项.
    const isSubItemRow =
      previous !== undefined &&
      (isMergedAt(noIndex) || (printed === '' && textAt(nameIndex) === '' && cells10.subItem !== '' && !isMergedAt(nameIndex)));
    if (isSubItemRow && cells10.name === '') cells10.name = previous.name;
    if (cells10.category === '') cells10.category = isSubItemRow && previous ? previous.category : (this.category ?? '');

    let ownNo: number | null = null;
    if (!isSubItemRow && printed !== '' && !SUB_NUMBER.test(printed)) {
      ownNo = -1; // read by buildPowerItem below; a bad 序号 is refused there
    } else {
      cells10.no = String(this.drafts.length + 1); // its position; all items are numbered so below
    }

    let item: TPowerItem;
    try {
      item = buildPowerItem(cells10);
    } catch (error) {
      throw this.located(error, rowNo, header);
    }
    if (ownNo !== null) {
      ownNo = item.no;
      // Numbering that starts again at 1 (per page, per category) is a new run, not a duplicate:
      // the list is numbered by position and the linter says where the numbers differ.
      // Only a run 1, 2, …, k (k ≥ 2) may start again: a 1 after anything else is a repeated 序号,
      // refused below, and a list in any other order keeps its numbers.
      if (item.no === 1 && this.runLength >= 2) {
        this.rowOfNo.clear();
        this.restarted = true;
        this.runLength = 0;
      }
      this.runLength = this.runLength >= 0 && item.no === this.runLength + 1 ? item.no : -1;
      const previousRow = this.rowOfNo.get(item.no);
      if (previousRow !== undefined) {
        throw cellError(`序号 ${item.no} 重复：第 ${previousRow} 行已有序号 ${item.no} 的事项。`, this.namer, rowNo, noIndex, '序号');
      }
      this.rowOfNo.set(item.no, rowNo);
    }
    const extraFields: TExtraField[] = [];
    for (const extra of header.extras) {
      const raw = textAt(extra.index);
      const value = SAME_AS_ABOVE.test(raw) && this.previousExtras.has(extra.header) ? (this.previousExtras.get(extra.header) ?? raw) : raw;
      if (value !== '') extraFields.push({ header: extra.header, value: normaliseExtra(value) });
    }
    this.previousExtras = new Map(extraFields.map((field) => [field.header, field.value]));
    if (extraFields.length > 0) item.extraFields = extraFields;
    this.previousCells = resolveColumnReferences(cells10);
    // A sub-item's 序号 is its group's, whether Excel repeated it (a merge) or a text file left it empty.
    const shown = isSubItemRow && printed === '' ? (this.drafts.at(-1)?.printed ?? '') : printed;
    this.drafts.push({ item, rowNo, printed: shown, ownNo });
  }

  /**
   * The items. When every row has a 序号 of its own they keep it; otherwise (rows without 序号,
   * sub-items under a merged or dotted 序号, numbering that starts again at 1) every item is
   * numbered by position and keeps the 序号 it was printed with in `printedNo`, for the linter.
   */
  items(): TPowerItem[] {
    const byPosition = this.restarted || this.drafts.some((draft) => draft.ownNo === null);
    if (!byPosition) return this.drafts.map((draft) => draft.item);
    return this.drafts.map((draft, index) => {
      const no = index + 1;
      const item: TPowerItem = { ...draft.item, no };
      if (draft.printed !== String(no)) item.printedNo = draft.printed;
      return item;
    });
  }

  /** A DomainError from the item builder, given the row and cell it came from. */
  private located(error: unknown, rowNo: number, header: HeaderLayout): unknown {
    if (!(error instanceof DomainError)) return error;
    const field = error.issues[0]?.path[0];
    const index = typeof field === 'string' ? header.columnOf.get(field as ColumnKey) : undefined;
    if (field === 'category' && index === undefined) {
      return cellError(`${error.message}表头中没有“权力分类”列，且此行之前没有“一、行政处罚”这样的分类标题行。`, this.namer, rowNo);
    }
    return cellError(error.message, this.namer, rowNo, index, index === undefined ? undefined : header.headers[index]);
  }
}

/** An extra field's text: paragraphs with their spacing collapsed, as the list's own cells. */
function normaliseExtra(text: string): string {
  return text
    .split('\n')
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n');
}

/** The headers of the extra fields of a list, in the order they first appear. */
export function extraHeadersOf(items: readonly TPowerItem[]): string[] {
  const headers: string[] = [];
  for (const item of items) {
    for (const field of item.extraFields ?? []) if (!headers.includes(field.header)) headers.push(field.header);
  }
  return headers;
}

/** The value of an item's extra field under `header`, '' when it has none. */
export function extraValueOf(item: TPowerItem, header: string): string {
  return item.extraFields?.find((field) => field.header === header)?.value ?? '';
}
