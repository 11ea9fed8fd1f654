/**
 * No cell disappears (issue 11): for any generated workbook — known columns under their names or
 * aliases, in any order, unknown columns, a two-row header, group heading rows, rows without 序号,
 * sub-items under a merged 序号, cells of run-together entries and citations — every non-empty cell
 * reaches the parsed list (a field or an extra field), or the import is refused with a message that
 * names the row. Each cell carries a token of its own (`qz3c4x`) at its end; the token must be found
 * in what the reader returns. Read as .xlsx (real merges) and as TSV (merges left empty).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { propertyRuns } from '../domain/powerlist/row-cells.arbitraries.js';
import { type Merge, type Table, tsvOf, xlsxOf } from './power-list-corpus.fixtures.js';
import { readPowerListTsv } from './power-list-tsv.js';
import { readPowerListXlsx } from './power-list-xlsx.js';

type Column =
  | { kind: 'no'; header: string }
  | { kind: 'category'; header: string }
  | { kind: 'name'; header: string }
  | { kind: 'text'; header: string; pieces: readonly string[] }
  | { kind: 'extra'; header: string };

const ENTRY_PIECES = [
  '1.',
  '2、',
  '3.',
  '（一）',
  '（二）',
  '立案责任：',
  '受理阶段:',
  '审查',
  '；',
  '。',
  '\n',
  ' ',
  '的',
  '同1。',
  '同上',
  '其他法律法规规章文件规定应履行的责任',
];
const CITATION_PIECES = [
  '【法律】',
  '【规章】',
  '《中华人民共和国保守国家秘密法》',
  '中华人民共和国保守国家秘密法实施条例',
  '（主席令第28号）',
  '（国务院令第646号，',
  '2011年修订）',
  '第四十四条',
  '第十一条 ',
  '：“',
  '”',
  '1.',
  '2.',
  '。',
  '；',
  '\n',
  ' ',
  '保密行政管理部门依法检查',
  '同实施依据',
];

const columnPool: readonly Column[] = [
  { kind: 'category', header: '权力分类' },
  { kind: 'text', header: '子项', pieces: ['子项', '甲', '乙'] },
  { kind: 'text', header: '实施依据', pieces: CITATION_PIECES },
  { kind: 'text', header: '设定依据', pieces: CITATION_PIECES },
  { kind: 'text', header: '责任事项', pieces: ENTRY_PIECES },
  { kind: 'text', header: '责任事项依据', pieces: CITATION_PIECES },
  { kind: 'text', header: '追责情形', pieces: ENTRY_PIECES },
  { kind: 'text', header: '追责依据', pieces: CITATION_PIECES },
  { kind: 'text', header: '备注', pieces: ['备注', '说明', '\n'] },
  { kind: 'extra', header: '事项编码' },
  { kind: 'extra', header: '承办机构' },
  { kind: 'extra', header: '行使层级' },
  { kind: 'extra', header: '追责对象范围' },
];

const cellText = (pieces: readonly string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(''));

/** One generated data row: which cells are filled, and their texts before the token. */
interface RowPlan {
  kind: 'item' | 'sub-item' | 'heading';
  texts: string[];
  filled: boolean[];
}

const workbookPlan = fc
  .record({
    hasNo: fc.boolean(),
    nameHeader: fc.constantFrom('项目名称', '事项名称', '职权名称', '权力名称'),
    columns: fc.shuffledSubarray([...columnPool], { minLength: 1 }),
    rowCount: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ hasNo, nameHeader, columns, rowCount }) => {
    // 设定依据 is another name of 实施依据: a list has one of them
    const own = columns.filter((column) => column.header !== '设定依据' || !columns.some((other) => other.header === '实施依据'));
    const all: Column[] = [...(hasNo ? [{ kind: 'no', header: '序号' } as const] : []), { kind: 'name', header: nameHeader }, ...own];
    const row = fc.record({
      kind: fc.constantFrom<RowPlan['kind']>('item', 'item', 'item', 'sub-item', 'heading'),
      texts: fc.tuple(...all.map((column) => (column.kind === 'text' ? cellText(column.pieces) : fc.constant('')))),
      filled: fc.tuple(...all.map(() => fc.boolean())),
    });
    return fc.record({
      columns: fc.constant(all),
      rows: fc.array(row, { minLength: rowCount, maxLength: rowCount }),
      twoRowHeader: fc.boolean(),
    });
  });

/** The table of a plan, with the token each non-empty data cell carries. */
function tableOf(plan: { columns: Column[]; rows: RowPlan[]; twoRowHeader: boolean }): { table: Table; tokens: string[] } {
  const { columns } = plan;
  const merges: Merge[] = [];
  const headerRows: string[][] = [columns.map((column) => column.header)];
  const dutiesAt = columns.findIndex((column) => column.header === '责任事项');
  const basisAt = columns.findIndex((column) => column.header === '责任事项依据');
  // A two-row header: 责任事项 over 事项 and 依据, when both columns stand side by side.
  const grouped = plan.twoRowHeader && dutiesAt >= 0 && basisAt === dutiesAt + 1;
  if (grouped) {
    const top = columns.map((column) => column.header);
    top[basisAt] = '';
    const below = columns.map(() => '');
    below[dutiesAt] = '事项';
    below[basisAt] = '依据';
    headerRows.splice(0, 1, top, below);
    merges.push({ top: 2, left: dutiesAt + 1, bottom: 2, right: basisAt + 1 });
    columns.forEach((_, index) => {
      if (index !== dutiesAt && index !== basisAt) merges.push({ top: 2, left: index + 1, bottom: 3, right: index + 1 });
    });
  }
  const rows: string[][] = [['某局权责清单'], ...headerRows];
  // Without a 权力分类 column the category comes from group headings: the list opens with one.
  const planRows = columns.some((column) => column.kind === 'category')
    ? plan.rows
    : [{ kind: 'heading' as const, texts: [], filled: [] }, ...plan.rows];
  const tokens: string[] = [];
  let no = 0;
  let lastItemRow = -1;
  planRows.forEach((rowPlan, index) => {
    const sheetRow = rows.length + 1;
    if (rowPlan.kind === 'heading') {
      rows.push([['一、行政处罚（2项）', '二、行政检查', '（三）行政强制：'][index % 3] ?? '行政许可']);
      merges.push({ top: sheetRow, left: 1, bottom: sheetRow, right: columns.length });
      lastItemRow = -1; // no merge reaches across a heading
      return;
    }
    const isSubItem =
      rowPlan.kind === 'sub-item' && lastItemRow > 0 && columns[0]?.kind === 'no' && columns.some((column) => column.header === '子项');
    if (!isSubItem) no += 1;
    const cells = columns.map((column, at) => {
      const token = `qz${sheetRow}c${at + 1}x`;
      if (column.kind === 'no') return isSubItem ? '' : String(no);
      if (column.kind === 'name') {
        if (isSubItem) return '';
        tokens.push(token);
        return `事项${token}`;
      }
      if (column.kind === 'category') {
        tokens.push(token);
        return `行政检查${token}`;
      }
      if (!rowPlan.filled[at] && !(isSubItem && column.header === '子项')) return '';
      tokens.push(token);
      const text = rowPlan.texts[at] ?? '';
      return text.trim() === '' ? `内容 ${token}` : `${text} ${token}`;
    });
    if (isSubItem) {
      const nameAt = columns.findIndex((column) => column.kind === 'name');
      merges.push({ top: lastItemRow, left: 1, bottom: sheetRow, right: 1 });
      merges.push({ top: lastItemRow, left: nameAt + 1, bottom: sheetRow, right: nameAt + 1 });
    } else {
      lastItemRow = sheetRow;
    }
    rows.push(cells);
  });
  return { table: { rows, merges: mergeRuns(merges) }, tokens };
}

/** Sub-item merges of one group extend each other: keep one range per column and first row. */
function mergeRuns(merges: Merge[]): Merge[] {
  const byStart = new Map<string, Merge>();
  for (const merge of merges) {
    const key = `${merge.top}:${merge.left}`;
    const known = byStart.get(key);
    if (known === undefined || known.bottom < merge.bottom) byStart.set(key, merge);
  }
  return [...byStart.values()];
}

/** Every token in the list, or a refusal naming a row. */
async function checkOutcome(
  read: () => Promise<{ title: string; items: unknown[] }> | { title: string; items: unknown[] },
  tokens: readonly string[],
): Promise<'read' | 'refused'> {
  let list: { title: string; items: unknown[] };
  try {
    list = await read();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('malformed-file');
    // a refusal names the row and cell — or, when no row is a header, says that
    expect(error.message).toMatch(/^第 \d+ 行|^未找到表头/);
    return 'refused';
  }
  const everything = JSON.stringify(list);
  const lost = tokens.filter((token) => !everything.includes(token));
  expect(lost).toEqual([]);
  return 'read';
}

describe('no cell of a generated workbook disappears', () => {
  it('every non-empty cell reaches the list, an extra field, or a refusal naming its row — in xlsx and in TSV', async () => {
    const outcomes = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(workbookPlan, async (plan) => {
        const { table, tokens } = tableOf(plan);
        const workbook = await xlsxOf(table);
        outcomes[await checkOutcome(() => readPowerListXlsx(workbook), tokens)] += 1;
        outcomes[await checkOutcome(() => readPowerListTsv(tsvOf(table)), tokens)] += 1;
      }),
      { numRuns: propertyRuns(60) },
    );
    // the generated tables are lists: most of them read
    expect(outcomes.read).toBeGreaterThan(outcomes.refused);
  });
});
