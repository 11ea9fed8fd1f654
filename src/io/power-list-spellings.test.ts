/**
 * Each class of silent loss of issue 11 in several plausible spellings, each read from a one-item
 * table as .xlsx and as TSV (both must agree): entries run together, step names in other shapes,
 * bare citation titles, references to another column, wrapped edition notes and names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../contracts/power-list.js';
import { parseRegistry } from '../domain/legal-sources/registry.js';
import { findStaleCitations } from '../domain/legal-sources/stale-citations.js';
import { lintPowerList } from '../domain/powerlist/lint.js';
import { type Table, tsvOf, xlsxOf } from './power-list-corpus.fixtures.js';
import { readPowerListTsv } from './power-list-tsv.js';
import { readPowerListXlsx } from './power-list-xlsx.js';

const HEADER = ['序号', '权力分类', '项目名称', '实施依据', '责任事项', '责任事项依据', '追责情形', '追责依据'];
const LAW = '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十四条 保密行政管理部门依法进行检查。';
const DEFAULTS: Record<string, string> = {
  序号: '1',
  权力分类: '行政检查',
  项目名称: '对保密工作的监督检查',
  实施依据: LAW,
  责任事项: '1.检查责任：进行检查。',
  责任事项依据: LAW,
  追责情形: '1.违反法定程序实施检查的。',
  追责依据: LAW,
};

/** The one item of a table whose cells are the defaults but for `cells`, read as xlsx and as TSV alike. */
async function itemWith(cells: Record<string, string>): Promise<TPowerItem> {
  const table: Table = { rows: [['某局权责清单'], HEADER, HEADER.map((header) => cells[header] ?? DEFAULTS[header] ?? '')] };
  const fromXlsx = await readPowerListXlsx(await xlsxOf(table));
  const fromTsv = readPowerListTsv(tsvOf(table));
  expect(fromTsv.items).toEqual(fromXlsx.items);
  const [item] = fromXlsx.items;
  if (item === undefined || fromXlsx.items.length !== 1) throw new Error('one item');
  return item;
}

describe('numbered entries without a space after the punctuation', () => {
  it.each([
    ['1、违反法定程序的；2、拖延履职的；3、其他的。', ['违反法定程序的；', '拖延履职的；', '其他的。']],
    ['1.违反法定程序的。2.拖延履职的。3.其他的。', ['违反法定程序的。', '拖延履职的。', '其他的。']],
    ['1.违反法定程序的;2.拖延履职的;3.其他的.', ['违反法定程序的;', '拖延履职的;', '其他的.']],
    ['（一）违反法定程序的；（二）拖延履职的；（三）其他的。', ['违反法定程序的；', '拖延履职的；', '其他的。']],
    ['(一)违反法定程序的；(二)拖延履职的。', ['违反法定程序的；', '拖延履职的。']],
    ['1．违反法定程序的！2．拖延履职的？', ['违反法定程序的！', '拖延履职的？']],
  ])('splits 追责情形 %s', async (cell, clauses) => {
    const item = await itemWith({ 追责情形: cell });
    expect(item.accountability.map((clause) => clause.text)).toEqual(clauses);
    expect(lintPowerList({ title: '', items: [item] }).map((f) => f.rule)).not.toContain('unsplit-entries');
  });

  it('splits duties run together after a full stop, with the 阶段 heading of the next one', async () => {
    const item = await itemWith({
      责任事项: '1.受理阶段责任：接收申请。2.审查阶段责任：审查材料。3.决定阶段责任：作出批复确认。4.送达阶段责任：送达批复。',
    });
    expect(item.duties.map((duty) => [duty.no, duty.name, duty.text])).toEqual([
      [1, '受理', '接收申请。'],
      [2, '审查', '审查材料。'],
      [3, '决定', '作出批复确认。'],
      [4, '送达', '送达批复。'],
    ]);
  });

  it('leaves a decimal and an amount alone', async () => {
    const item = await itemWith({ 追责情形: '1.罚款1.5万元以上的；2.处2.5倍罚款的。' });
    expect(item.accountability.map((clause) => clause.text)).toEqual(['罚款1.5万元以上的；', '处2.5倍罚款的。']);
  });
});

describe('step names in other shapes', () => {
  it.each([
    ['1.接受阶段:接收线索。', '接受'],
    ['1.受理阶段：接收申请。', '受理'],
    ['1.申报阶段责任：告知申报要求。', '申报'],
    ['（一）立案阶段：决定是否立案。', '立案'],
    ['1、调查环节：调查取证。', '调查'],
    ['1.审查环节责任：审查材料。', '审查'],
    ['1.受理：接收申请。', '受理'],
    ['1.立案责任:决定是否立案。', '立案'],
  ])('reads %s as the step %s, with no finding', async (cell, name) => {
    const item = await itemWith({ 责任事项: cell });
    expect(item.duties.map((duty) => duty.name)).toEqual([name]);
    expect(lintPowerList({ title: '', items: [item] }).map((f) => f.rule)).not.toContain('unknown-duty-step');
  });

  it('does not take a sentence with a colon for a step name', async () => {
    const item = await itemWith({ 责任事项: '1.有下列情形之一的：不予受理。' });
    expect(item.duties.map((duty) => [duty.name, duty.text])).toEqual([[null, '有下列情形之一的：不予受理。']]);
  });
});

describe('citations written without 《》', () => {
  it.each([
    [
      '中华人民共和国保守国家秘密法实施条例第四十一条：机关、单位违反规定的，责令改正。',
      null,
      '中华人民共和国保守国家秘密法实施条例',
      null,
      41,
    ],
    [
      '【法规】中华人民共和国保守国家秘密法实施条例第四十一条 机关、单位违反规定的，责令改正。',
      '法规',
      '中华人民共和国保守国家秘密法实施条例',
      null,
      41,
    ],
    [
      '行政机关公务员处分条例（国务院令第495号）第二十条 有下列行为之一的，给予处分。',
      null,
      '行政机关公务员处分条例',
      '国务院令第495号',
      20,
    ],
    ['1.保密检查工作规定第十七条 组织开展保密检查。', null, '保密检查工作规定', null, 17],
    ['泄密案件查处办法第三十条 依法给予处分。', null, '泄密案件查处办法', null, 30],
  ])('reads the title of %s', async (cell, rank, title, edition, article) => {
    const item = await itemWith({ 实施依据: cell });
    expect(item.legalBases.map((c) => [c.rank, c.title, c.edition, c.articles[0]?.article])).toEqual([[rank, title, edition, article]]);
    expect(lintPowerList({ title: '', items: [item] }).map((f) => f.rule)).not.toContain('citation-without-title');
  });

  it('does not take a phrase that leads up to an article for a title', async () => {
    const item = await itemWith({ 实施依据: '根据本法第三条的规定，依法检查。' });
    expect(item.legalBases.map((c) => c.title)).toEqual([null]);
  });
});

describe('references to another column', () => {
  it.each([
    ['责任事项依据', '同实施依据', 'legalBases'],
    ['责任事项依据', '同设定依据。', 'legalBases'],
    ['追责依据', '同责任事项依据', 'dutyBases'],
    ['追责依据', '同 实施依据。', 'legalBases'],
  ] as const)('resolves %s “%s”', async (column, cell, source) => {
    const dutyBasis = '【规范性文件】《保密检查工作规定》（国保发〔2013〕14号）第十七条 提前通知。';
    const item = await itemWith({ [column]: cell, 责任事项依据: column === '责任事项依据' ? cell : dutyBasis });
    const field = column === '责任事项依据' ? item.dutyBases : item.accountabilityBases;
    expect(field).toEqual(item[source]);
    expect(field.length).toBeGreaterThan(0);
  });
});

describe('citations run together and wrapped', () => {
  it('splits a second 【rank】《…》 citation and an article run on inline', async () => {
    const item = await itemWith({
      追责依据:
        '1.【法律】《中华人民共和国保守国家秘密法》第四十八条 违反本法规定的，依法给予处分。【法规】《行政机关公务员处分条例》第二十条 给予记过处分。第二十一条 给予降级处分。',
    });
    expect(item.accountabilityBases.map((c) => [c.no, c.title, c.articles.map((ref) => ref.article)])).toEqual([
      [1, '中华人民共和国保守国家秘密法', [48]],
      [null, '行政机关公务员处分条例', [20, 21]],
    ]);
  });

  it.each([
    ['【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令第646号，\n2014年1月17日公布）第三十四条 机关、单位应当配合检查。'],
    ['【法规】《中华人民共和国保守国家\n秘密法实施条例》（国务院令第646号）第三十四条 机关、单位应当配合检查。'],
  ])('joins a header wrapped inside its brackets: %s', async (cell) => {
    const item = await itemWith({ 实施依据: cell });
    expect(item.legalBases.map((c) => [c.title, c.edition, c.articles[0]?.article])).toEqual([
      ['中华人民共和国保守国家秘密法实施条例', '国务院令第646号', 34],
    ]);
  });

  it('reads a name wrapped inside its cell as one name', async () => {
    const item = await itemWith({ 项目名称: '对保密工作的\n监督检查' });
    expect(item.name).toBe('对保密工作的监督检查');
  });
});

describe('a bare title reaches the stale-citation check', () => {
  it('finds the same stale edition whether the title is written with 《》 or without', async () => {
    const registry = parseRegistry(readFileSync(new URL('../../data/legal-sources.json', import.meta.url), 'utf8'));
    const rulesOf = async (cell: string) =>
      findStaleCitations([await itemWith({ 实施依据: cell })], registry, '2026-11-26').map((f) => [f.rule, f.field, f.entry]);
    const quoted = await rulesOf('【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令第646号）第三十四条 机关、单位应当配合检查。');
    const bare = await rulesOf('中华人民共和国保守国家秘密法实施条例（国务院令第646号）第三十四条 机关、单位应当配合检查。');
    expect(quoted.map(([rule]) => rule)).toContain('stale-citation');
    expect(bare).toEqual(quoted);
  });
});

describe('同上 inside a cell', () => {
  it('reads `2.同上` as the entry above it, in citations, duties and clauses', async () => {
    const item = await itemWith({
      实施依据: `1.${LAW}\n2.同上。`,
      责任事项: '1.检查责任：进行检查。2.同上',
      追责情形: '1.违反法定程序实施检查的；2.同上。',
    });
    expect(item.legalBases.map((c) => [c.no, c.sameAs, c.title])).toEqual([
      [1, null, '中华人民共和国保守国家秘密法'],
      [2, 1, '中华人民共和国保守国家秘密法'],
    ]);
    expect(item.duties.map((duty) => [duty.no, duty.name, duty.text])).toEqual([
      [1, '检查', '进行检查。'],
      [2, '检查', '进行检查。'],
    ]);
    expect(item.accountability.map((clause) => clause.text)).toEqual(['违反法定程序实施检查的；', '违反法定程序实施检查的；']);
  });
});
