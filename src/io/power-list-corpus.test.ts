/**
 * A corpus of power lists as other bodies publish them — written here, in several plausible
 * styles, each read as .xlsx (with real merged cells) and as text (TSV, CSV in UTF-8 and GBK) —
 * and what each class of issue 11 must give: columns mapped or kept, never dropped; entries split
 * however they are run together; citations, step names and references read; refusals that name the
 * cell.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../contracts/power-list.js';
import { DomainError } from '../domain/errors.js';
import { lintPowerList } from '../domain/powerlist/lint.js';
import { csvOf, type Table, tsvOf, xlsxOf } from './power-list-corpus.fixtures.js';
import { readPowerListTsv, writePowerListTsv } from './power-list-tsv.js';
import { readPowerListXlsx, writePowerListXlsx } from './power-list-xlsx.js';
import { readPowerListFile } from './read-power-list-file.js';

/** Read a table as xlsx and as TSV; both must give the same list. */
async function readBoth(table: Table): Promise<{ title: string; items: TPowerItem[] }> {
  const fromXlsx = await readPowerListXlsx(await xlsxOf(table));
  const fromTsv = readPowerListTsv(tsvOf(table));
  expect(fromTsv.items).toEqual(fromXlsx.items);
  expect(fromTsv.title).toBe(fromXlsx.title);
  return fromXlsx;
}

async function refusalOf(read: () => unknown): Promise<DomainError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const LAW =
  '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十四条 保密行政管理部门依法对机关、单位遵守保密制度的情况进行检查。';

// ── style A: a provincial platform's Excel export ───────────────────────────────────────────────
// Title merged over the sheet; a two-row header with 责任事项 and 追责 as groups over their
// sub-columns and 序号 merged down both rows; 职权编码, 承办机构 and 追责对象范围 columns the list does
// not know; group heading rows instead of a 权力分类 column; one item with two sub-items under a
// merged 序号 and name.
const styleA: Table = {
  rows: [
    ['某省国家保密局权责清单（2026年版）'],
    ['序号', '职权编码', '职权名称', '子项', '设定依据', '责任事项', '', '追责', '', '', '承办机构'],
    ['', '', '', '', '', '事项', '依据', '情形', '依据', '对象范围', ''],
    ['一、行政处罚（1项）'],
    [
      '1',
      '450100-CF-001',
      '对非法获取、持有国家秘密载体的处罚',
      '',
      '中华人民共和国保守国家秘密法实施条例第四十一条：机关、单位违反保密规定的，由保密行政管理部门责令改正。',
      '1.立案阶段责任：发现涉嫌违法行为的，予以审查，决定是否立案。2.调查阶段责任：指定专人调查取证。3.决定阶段责任：作出处罚决定。',
      '同实施依据',
      '（一）无法定依据实施处罚的；（二）违反法定程序实施处罚的；（三）其他违法行为。',
      '【法规】《行政机关公务员处分条例》（国务院令第495号，\n2007年4月22日公布）第二十条 有下列行为之一的，给予记过、记大过处分。',
      '直接负责的主管人员和其他直接责任人员',
      '保密检查处',
    ],
    ['二、行政检查（2项）'],
    [
      '2',
      '450100-JC-001',
      '对保密工作的监督检查',
      '对机关、单位的检查',
      LAW,
      '1.接受阶段:接收检查线索并登记。2.检查阶段:进行现场检查。',
      '同上',
      '1、违反法定程序实施检查的；2、放弃、推诿、拖延履行检查职责的；3、其他失职行为。',
      '同上',
      '检查人员',
      '保密检查处',
    ],
    [
      '',
      '450100-JC-002',
      '',
      '对涉密信息系统的检查',
      LAW,
      '1.检查阶段:进行技术检查。',
      '同上',
      '1、泄露检查中知悉的秘密的。',
      '【法规】《行政机关公务员处分条例》（国务院令第495号）第二十条 有下列行为之一的，给予记过、记大过处分。',
      '检查人员',
      '技术处',
    ],
  ],
  merges: [
    { top: 1, left: 1, bottom: 1, right: 11 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 2 },
    { top: 2, left: 3, bottom: 3, right: 3 },
    { top: 2, left: 4, bottom: 3, right: 4 },
    { top: 2, left: 5, bottom: 3, right: 5 },
    { top: 2, left: 6, bottom: 2, right: 7 },
    { top: 2, left: 8, bottom: 2, right: 10 },
    { top: 2, left: 11, bottom: 3, right: 11 },
    { top: 4, left: 1, bottom: 4, right: 11 },
    { top: 6, left: 1, bottom: 6, right: 11 },
    { top: 7, left: 1, bottom: 8, right: 1 },
    { top: 7, left: 3, bottom: 8, right: 3 },
  ],
};

describe('style A: a two-row header, group headings, extra columns and merged sub-items (xlsx and TSV alike)', () => {
  it('maps the sub-columns of 责任事项 and 追责, and keeps 职权编码, 追责·对象范围 and 承办机构 as extra fields', async () => {
    const list = await readBoth(styleA);
    expect(list.title).toBe('某省国家保密局权责清单（2026年版）');
    expect(list.items.map((item) => item.extraFields)).toEqual([
      [
        { header: '职权编码', value: '450100-CF-001' },
        { header: '追责·对象范围', value: '直接负责的主管人员和其他直接责任人员' },
        { header: '承办机构', value: '保密检查处' },
      ],
      [
        { header: '职权编码', value: '450100-JC-001' },
        { header: '追责·对象范围', value: '检查人员' },
        { header: '承办机构', value: '保密检查处' },
      ],
      [
        { header: '职权编码', value: '450100-JC-002' },
        { header: '追责·对象范围', value: '检查人员' },
        { header: '承办机构', value: '技术处' },
      ],
    ]);
  });

  it('takes the category from the group heading rows, and reads sub-items under a merged 序号 without calling them duplicates', async () => {
    const list = await readBoth(styleA);
    expect(list.items.map((item) => [item.no, item.printedNo, item.category, item.name, item.subItem])).toEqual([
      [1, undefined, '行政处罚', '对非法获取、持有国家秘密载体的处罚', null],
      [2, undefined, '行政检查', '对保密工作的监督检查', '对机关、单位的检查'],
      [3, '2', '行政检查', '对保密工作的监督检查', '对涉密信息系统的检查'],
    ]);
    const findings = lintPowerList(list).filter((f) => f.rule === 'renumbered-item');
    expect(findings.map((f) => f.message)).toEqual([
      '第3项“对保密工作的监督检查”在原表中的序号为“2”（子项或与其他行共用序号），已按其在清单中的位置编号，请核对。',
    ]);
  });

  it('reads a bare title, splits run-together duties and clauses, resolves 同实施依据 and 同上, joins a wrapped edition note', async () => {
    const [first, second, third] = (await readBoth(styleA)).items;
    expect(first?.legalBases.map((c) => [c.title, c.articles[0]?.article])).toEqual([['中华人民共和国保守国家秘密法实施条例', 41]]);
    expect(first?.duties.map((duty) => [duty.no, duty.name])).toEqual([
      [1, '立案'],
      [2, '调查'],
      [3, '决定'],
    ]);
    expect(first?.dutyBases).toEqual(first?.legalBases);
    expect(first?.accountability.map((clause) => clause.text)).toEqual([
      '无法定依据实施处罚的；',
      '违反法定程序实施处罚的；',
      '其他违法行为。',
    ]);
    expect(first?.accountabilityBases.map((c) => [c.title, c.edition, c.articles[0]?.article])).toEqual([
      ['行政机关公务员处分条例', '国务院令第495号', 20],
    ]);
    // 同上: the cell above, in the same column
    expect(second?.dutyBases).toEqual(first?.dutyBases);
    expect(second?.accountabilityBases).toEqual(first?.accountabilityBases);
    expect(second?.duties.map((duty) => [duty.name, duty.text])).toEqual([
      ['接受', '接收检查线索并登记。'],
      ['检查', '进行现场检查。'],
    ]);
    expect(second?.accountability).toHaveLength(3);
    expect(third?.dutyBases).toEqual(second?.dutyBases);
  });

  it('finds nothing the linter calls a missing title, a nameless duty or an unknown step in it', async () => {
    const rules = new Set(lintPowerList(await readBoth(styleA)).map((f) => f.rule));
    expect(rules.has('citation-without-title')).toBe(false);
    expect(rules.has('unknown-duty-step')).toBe(false);
    expect(rules.has('unsplit-entries')).toBe(false);
  });

  it('writes the extra fields back in every export, and reads them back', async () => {
    const list = await readBoth(styleA);
    const fromTsv = readPowerListTsv(new TextEncoder().encode(writePowerListTsv(list)));
    expect(fromTsv.items.map((item) => item.extraFields)).toEqual(list.items.map((item) => item.extraFields));
    const fromXlsx = await readPowerListXlsx(await writePowerListXlsx(list));
    expect(fromXlsx.items.map((item) => item.extraFields)).toEqual(list.items.map((item) => item.extraFields));
  });
});

// ── style B: a county bureau's table without 序号, typed by hand ─────────────────────────────────
const styleB: Table = {
  rows: [
    ['权力名称', '权力类别', '实施依据', '责任事项', '责任事项依据', '追责情形', '追责依据', '事项编码'],
    [
      '对泄密案件的调查处理',
      '行政检查',
      LAW,
      '1.受理责任：接收案件线索。2.调查责任：组织调查。4.送达阶段责任：送达处理意见。',
      `1.${LAW}`,
      '1、未按规定调查的；2、泄露案件信息的；3、其他失职行为的。',
      '【法规】《行政机关公务员处分条例》（国务院令第495号）第二十条 有下列行为之一的，给予记过处分。【规章】《泄密案件查处办法》（国家保密局令2017年第2号）第三十条 保密行政管理部门工作人员在查处案件中滥用职权的，依法给予处分。第三十一条 违反本办法的，依法追究责任。',
      'DC-07',
    ],
    [
      '对政府拟公开信息的保密确定',
      '行政确认',
      LAW,
      '（一）受理阶段：接收申请。（二）审查阶段：审查拟公开信息。（三）决定阶段：作出确定意见。',
      '同实施依据',
      '',
      '',
      'DC-08',
    ],
  ],
};

describe('style B: no 序号, header aliases, run-together citations, stage headings (xlsx and TSV alike)', () => {
  it('numbers rows without 序号 by position and says so', async () => {
    const list = await readBoth(styleB);
    expect(list.items.map((item) => [item.no, item.printedNo, item.name])).toEqual([
      [1, '', '对泄密案件的调查处理'],
      [2, '', '对政府拟公开信息的保密确定'],
    ]);
    expect(
      lintPowerList(list)
        .filter((f) => f.rule === 'renumbered-item')
        .map((f) => f.item),
    ).toEqual([1, 2]);
  });

  it('splits a second citation and a further article run on inline, and (一)(二) stage headings', async () => {
    const [first, second] = (await readBoth(styleB)).items;
    expect(first?.accountabilityBases.map((c) => [c.rank, c.title, c.articles.map((ref) => ref.article)])).toEqual([
      ['法规', '行政机关公务员处分条例', [20]],
      ['规章', '泄密案件查处办法', [30, 31]],
    ]);
    expect(second?.duties.map((duty) => [duty.no, duty.name])).toEqual([
      [1, '受理'],
      [2, '审查'],
      [3, '决定'],
    ]);
    expect(second?.dutyBases).toEqual(second?.legalBases);
  });

  it('flags the skipped number left inside an entry, and the empty accountability columns', async () => {
    const list = await readBoth(styleB);
    const findings = lintPowerList(list);
    expect(findings.filter((f) => f.rule === 'unsplit-entries').map((f) => [f.item, f.field, f.entry])).toEqual([[1, 'duties', 1]]);
    expect(findings.filter((f) => f.rule === 'empty-column').map((f) => [f.item, f.field])).toEqual([
      [2, 'accountability'],
      [2, 'accountabilityBases'],
    ]);
  });
});

// ── style C: comma-separated CSV, UTF-8 and GBK ─────────────────────────────────────────────────
const styleC: Table = {
  rows: [
    ['序号', '职权类别', '职权名称', '行使层级', '法律依据', '责任事项', '责任依据', '问责情形', '问责依据', '说明'],
    [
      '1',
      '行政强制',
      '对泄密隐患的行政强制',
      '市级、县级',
      LAW,
      '1.决定责任：作出决定，并告知当事人。',
      '同实施依据',
      '1.无法定依据实施行政强制的。',
      LAW,
      '含“同1”写法',
    ],
    [
      '2',
      '其他行政权力',
      '涉密信息系统投入使用前的保密审查',
      '市级',
      LAW,
      '1.审查责任：审查材料，提出意见。',
      '同实施依据',
      '1.违反规定审查的。',
      LAW,
      '',
    ],
  ],
};

describe('style C: comma-separated CSV with header aliases', () => {
  it('reads UTF-8 and GBK alike, keeps 行使层级, maps 职权类别, 法律依据, 责任依据, 问责情形, 问责依据 and 说明', async () => {
    for (const bytes of [csvOf(styleC), csvOf(styleC, 'gbk')]) {
      const read = await readPowerListFile(bytes, '权责清单.csv');
      expect(read.format).toBe('tsv');
      expect(read.items.map((item) => [item.no, item.category, item.extraFields, item.note])).toEqual([
        [1, '行政强制', [{ header: '行使层级', value: '市级、县级' }], '含“同1”写法'],
        [2, '其他行政权力', [{ header: '行使层级', value: '市级' }], null],
      ]);
      expect(read.items[0]?.dutyBases).toEqual(read.items[0]?.legalBases);
      expect(read.items[0]?.accountability).toHaveLength(1);
    }
  });
});

// ── refusals: each names the row and the cell ───────────────────────────────────────────────────
describe('refusals name the row and the cell', () => {
  it('refuses a column given twice, naming the header cell (xlsx letters, text cell numbers)', async () => {
    const table: Table = {
      rows: [
        ['序号', '权力分类', '项目名称', '事项名称'],
        ['1', '行政检查', '甲', '乙'],
      ],
    };
    expect((await refusalOf(async () => readPowerListXlsx(await xlsxOf(table)))).message).toBe(
      '第 1 行 D 列（“事项名称”）：表头中“项目名称”列出现了两次（另一次在第 3 列），无法确定以哪一列为准；请删除或改名其中一列。',
    );
    expect((await refusalOf(() => readPowerListTsv(tsvOf(table)))).message).toBe(
      '第 1 行第 4 个单元格（“事项名称”）：表头中“项目名称”列出现了两次（另一次在第 3 列），无法确定以哪一列为准；请删除或改名其中一列。',
    );
  });

  it('refuses content under a column without a header instead of dropping it (the xlsx reader used to)', async () => {
    const table: Table = {
      rows: [
        ['序号', '权力分类', '项目名称'],
        ['1', '行政检查', '甲', '无列名的内容'],
      ],
    };
    const error = await refusalOf(async () => readPowerListXlsx(await xlsxOf(table)));
    expect(error.message).toBe(
      '第 2 行 D 列：该单元格有内容，但表头中这一列没有列名；请为该列补上列名（无法识别的列名会作为附加栏目保留），或删除该内容。',
    );
    expect(error.location).toEqual({ line: 2, column: 4 });
  });

  it('refuses a repeated 序号 that is no merge, naming the cell', async () => {
    const table: Table = {
      rows: [
        ['序号', '权力分类', '项目名称'],
        ['1', '行政检查', '甲'],
        ['1', '行政检查', '乙'],
      ],
    };
    expect((await refusalOf(async () => readPowerListXlsx(await xlsxOf(table)))).message).toBe(
      '第 3 行 A 列（“序号”）：序号 1 重复：第 2 行已有序号 1 的事项。',
    );
  });

  it('numbers a list numbered per page or per category (starting again at 1) by position, instead of refusing it', async () => {
    const table: Table = {
      rows: [
        ['序号', '权力分类', '项目名称'],
        ['一、行政处罚'],
        ['1', '', '甲'],
        ['2', '', '乙'],
        ['二、行政检查'],
        ['1', '', '丙'],
        ['2', '', '丁'],
      ],
      merges: [
        { top: 2, left: 1, bottom: 2, right: 3 },
        { top: 5, left: 1, bottom: 5, right: 3 },
      ],
    };
    const list = await readBoth(table);
    expect(list.items.map((item) => [item.no, item.printedNo, item.category, item.name])).toEqual([
      [1, undefined, '行政处罚', '甲'],
      [2, undefined, '行政处罚', '乙'],
      [3, '1', '行政检查', '丙'],
      [4, '2', '行政检查', '丁'],
    ]);
    expect(
      lintPowerList(list)
        .filter((f) => f.rule === 'renumbered-item')
        .map((f) => f.item),
    ).toEqual([3]);
  });

  it('refuses rows with no category at all, saying where a category could come from', async () => {
    const table: Table = {
      rows: [
        ['序号', '项目名称'],
        ['1', '甲'],
      ],
    };
    expect((await refusalOf(async () => readPowerListXlsx(await xlsxOf(table)))).message).toBe(
      '第 2 行：第 1 项的权力分类不能为空。表头中没有“权力分类”列，且此行之前没有“一、行政处罚”这样的分类标题行。',
    );
  });

  it('refuses a single stray text between items that is no group heading', async () => {
    const table: Table = {
      rows: [
        ['序号', '权力分类', '项目名称'],
        ['1', '行政检查', '甲'],
        ['', '', '第2页'],
      ],
    };
    const error = await refusalOf(() => readPowerListTsv(tsvOf(table)));
    expect(error.message).toBe('第 3 行第 2 个单元格（“权力分类”）：第 2 项的权力分类不能为空。');
    const footnote: Table = { rows: [['序号', '权力分类', '项目名称'], ['1', '行政检查', '甲'], ['注：本清单自发布之日起施行。']] };
    expect((await refusalOf(async () => readPowerListXlsx(await xlsxOf(footnote)))).message).toBe(
      '第 3 行 A 列（“序号”）：此行只有这一处文字（“注：本清单自发布之日起施行。”），既不是一项权力，也不是“一、行政处罚”这样的分类标题行；请删除此行、把它移到表头之上，或补全该事项。',
    );
  });
});

// ── style D: another portal's TSV export, HTML cells, header repeated before each row ─────────────
describe('style D: a portal export of HTML cells with an extra column and entries run together inside <p>', () => {
  const header =
    '<p>序号</p>\t<p>事项类型</p>\t<p>事项名称</p>\t<p>设定依据</p>\t<p>责任事项</p>\t<p>责任依据</p>\t<p>问责情形</p>\t<p>问责依据</p>\t<p>实施主体</p>';
  const row = [
    '1',
    '行政检查',
    '<p>对保密工作的<br>监督检查</p>',
    `<p>${LAW}</p>`,
    '<p>1.检查阶段责任：进行检查。2.处理阶段责任：提出处理意见。</p><p>3.其他法律法规规章文件规定应履行的责任。</p>',
    '<p>同设定依据</p>',
    '<p>1、违反法定程序实施检查的；2、泄露检查中知悉的秘密的。</p>',
    '<p>【法规】《行政机关公务员处分条例》（国务院令第495号）第二十条 给予记过处分。</p>',
    '<p>市国家保密局&nbsp;保密检查科</p>',
  ].join('\t');
  const text = ['', '某市国家保密局权责清单', '', header, row, '', header, row.replace(/^1\t/, '2\t').replace('监督检查', '专项检查')].join(
    '\r\n',
  );

  it('reads every column, splits the entries, resolves 同设定依据 and keeps 实施主体', () => {
    const list = readPowerListTsv(new TextEncoder().encode(text));
    expect(list.title).toBe('某市国家保密局权责清单');
    expect(list.items.map((item) => [item.no, item.name, item.extraFields])).toEqual([
      [1, '对保密工作的监督检查', [{ header: '实施主体', value: '市国家保密局 保密检查科' }]],
      [2, '对保密工作的专项检查', [{ header: '实施主体', value: '市国家保密局 保密检查科' }]],
    ]);
    const [first] = list.items;
    expect(first?.duties.map((duty) => [duty.no, duty.name])).toEqual([
      [1, '检查'],
      [2, '处理'],
      [3, null],
    ]);
    expect(first?.dutyBases).toEqual(first?.legalBases);
    expect(first?.accountability).toHaveLength(2);
    // nothing to fix; the kept column is named once
    expect(lintPowerList(list).map((f) => [f.item, f.rule])).toEqual([[1, 'extra-columns']]);
  });
});

// ── style E: one sheet per category ──────────────────────────────────────────────────────────────
describe('style E: a workbook with one sheet per category', () => {
  async function workbookOfSheets(sheets: { name: string; rows: string[][] }[]): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    for (const { name, rows } of sheets) {
      const sheet = workbook.addWorksheet(name);
      for (const row of rows) sheet.addRow(row);
    }
    return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }
  const header = ['序号', '权力分类', '项目名称', '实施依据'];

  it('reads every sheet with a header as one list, numbered by position, and ignores empty sheets', async () => {
    const bytes = await workbookOfSheets([
      { name: '行政处罚', rows: [['某局权责清单'], header, ['1', '行政处罚', '甲', LAW], ['2', '行政处罚', '乙', LAW]] },
      { name: '空白', rows: [] },
      { name: '行政检查', rows: [['某局权责清单'], header, ['1', '行政检查', '丙', LAW], ['2', '行政检查', '丁', LAW]] },
    ]);
    const list = await readPowerListXlsx(bytes);
    expect(list.title).toBe('某局权责清单');
    expect(list.items.map((item) => [item.no, item.printedNo, item.name])).toEqual([
      [1, undefined, '甲'],
      [2, undefined, '乙'],
      [3, '1', '丙'],
      [4, '2', '丁'],
    ]);
  });

  it('refuses a sheet with content but no header, naming the sheet, instead of leaving it out', async () => {
    const bytes = await workbookOfSheets([
      { name: '清单', rows: [header, ['1', '行政处罚', '甲', LAW]] },
      { name: '填表说明', rows: [[], ['', '本表由各科室填写。']] },
    ]);
    const error = await refusalOf(() => readPowerListXlsx(bytes));
    expect(error.message).toBe(
      '工作表“填表说明”第 2 行 B 列：工作表“填表说明”有内容，但没有含“项目名称”等列名的表头行，无法作为清单读取；如它是填表说明等，请删除该工作表后再导入。',
    );
  });
});
