import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../../contracts/power-list.js';
import { buildPowerItem, type RowCells } from './build-item.js';
import { TRUNCATION_MARK } from './cell-entries.js';
import { renderPowerItem } from './render-item.js';
import { propertyRuns, rowCells, soupRowCells } from './row-cells.arbitraries.js';
import { COMPLETE_MARK, isTruncatedCell, TRUNCATION_MIN_LENGTH } from './truncation.js';

const LIST_FIELDS = ['legalBases', 'duties', 'dutyBases', 'accountability', 'accountabilityBases'] as const;

const citation = (over: Partial<TPowerItem['legalBases'][number]>): TPowerItem['legalBases'][number] => ({
  no: null,
  sameAs: null,
  rank: '法律',
  title: '中华人民共和国保守国家秘密法',
  edition: '主席令第28号',
  articles: [{ article: 45, paragraph: null, item: null }],
  text: '保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
  truncated: false,
  ...over,
});

const item: TPowerItem = {
  no: 1,
  category: '行政处罚',
  name: '对非法获取、持有国家秘密载体的处罚',
  subItem: null,
  legalBases: [citation({})],
  duties: [
    { no: 1, name: '立案', text: '通过举报、检查，决定是否立案。', truncated: false },
    { no: 2, name: null, text: '其他法律法规规章文件规定应履行的责任。', truncated: false },
    { no: 3, name: '审理', text: '提出处理意见（主要证据不足时，以适当', truncated: true },
  ],
  dutyBases: [citation({ no: 1 }), citation({ no: 2, sameAs: 1 })],
  accountabilityPreamble: '因不履行或不正确履行行政职责，有下列情形之一的，应承担相应责任：',
  accountability: [
    { no: 1, text: '无法定依据的；', truncated: false },
    { no: 2, text: '5个工作日内未告知的', truncated: false },
  ],
  accountabilityBases: [],
  note: null,
};

describe('renderPowerItem', () => {
  it('writes duties as N.名称责任：text, unnamed ones as N.text, and marks a cut entry', () => {
    expect(renderPowerItem(item).duties).toBe(
      `1.立案责任：通过举报、检查，决定是否立案。\n2.其他法律法规规章文件规定应履行的责任。\n3.审理责任：提出处理意见（主要证据不足时，以适当${TRUNCATION_MARK}`,
    );
  });

  it('writes the lead-in first, and a space after a marker followed by a digit', () => {
    expect(renderPowerItem(item).accountability).toBe(`${item.accountabilityPreamble}\n1.无法定依据的；\n2. 5个工作日内未告知的`);
  });

  it('writes 同N entries as 同N。 and unnumbered citations without a marker', () => {
    const cells = renderPowerItem(item);
    expect(cells.dutyBases.split('\n')[1]).toBe('2.同1。');
    expect(cells.legalBases.startsWith('【法律】《中华人民共和国保守国家秘密法》')).toBe(true);
  });

  it('writes empty optional cells as empty text', () => {
    const cells = renderPowerItem(item);
    expect([cells.no, cells.subItem, cells.note, cells.accountabilityBases]).toEqual(['1', '', '', '']);
  });

  it('reads back to the same item', () => {
    expect(buildPowerItem(renderPowerItem(item))).toEqual(item);
  });

  it('reads back every item the builder produces from cells written as lists write them', () => {
    let grown = 0;
    fc.assert(
      fc.property(rowCells, (cells: RowCells) => {
        const built = buildPowerItem(cells);
        const rendered = renderPowerItem(built);
        expect(buildPowerItem(rendered)).toEqual(built);
        // cells that rendering lengthened into ones that would read as cut: the complete mark says otherwise
        grown += LIST_FIELDS.filter((field) => rendered[field].endsWith(COMPLETE_MARK)).length;
      }),
      { numRuns: propertyRuns(400) },
    );
    // the generator does produce them: the property covers the case
    expect(grown).toBeGreaterThan(0);
  });

  it('reads back a lone opening quote before a run-on article (a counterexample the property found)', () => {
    const cells = {
      no: '1',
      category: '行政处罚',
      name: '对保密工作的监督检查',
      subItem: '',
      legalBases: '',
      duties: '',
      dutyBases: '',
      accountability: '',
      accountabilityBases: '“；第四十四条 “',
      note: '',
    };
    const built = buildPowerItem(cells);
    expect(buildPowerItem(renderPowerItem(built))).toEqual(built);
  });

  it('reads back every item the builder produces from any text of the pieces cells are made of', () => {
    fc.assert(
      fc.property(soupRowCells, (cells: RowCells) => {
        const built = buildPowerItem(cells);
        expect(buildPowerItem(renderPowerItem(built))).toEqual(built);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('marks a complete cell that rendering lengthens past the threshold, and no other', () => {
    // 同1 of a duty is written out in full: the cell grows past TRUNCATION_MIN_LENGTH and ends
    // without final punctuation, so it would read as cut.
    const long = '对检查中发现的泄密隐患，书面告知受检机关、单位存在的问题、拟采取的措施及其理由和依据，以及依法享有的权利和救济途径';
    const cells: RowCells = { ...renderPowerItem(item), duties: `1.告知责任：${long}\n2.同1.\n3.同1.\n4.同1` };
    expect(isTruncatedCell(cells.duties)).toBe(false);
    const built = buildPowerItem(cells);
    expect(built.duties.map((duty) => duty.truncated)).toEqual([false, false, false, false]);
    const rendered = renderPowerItem(built);
    expect(rendered.duties.length).toBeGreaterThan(TRUNCATION_MIN_LENGTH);
    expect(rendered.duties.endsWith(`4.告知责任：${long}${COMPLETE_MARK}`)).toBe(true);
    expect(buildPowerItem(rendered)).toEqual(built);
    // a short cell, or one that ends a sentence, needs no mark
    expect(renderPowerItem(item).duties).not.toContain(COMPLETE_MARK);
    const ended = buildPowerItem({ ...cells, duties: `1.告知责任：${long}。\n2.同1.\n3.同1.\n4.同1` });
    expect(renderPowerItem(ended).duties).not.toContain(COMPLETE_MARK);
  });

  it('numbers a cell （一） when the Arabic numbering would open entries inside its text', () => {
    const cells: RowCells = {
      ...renderPowerItem(item),
      accountability: '有下列情形之一的：\n（一）玩忽职守的：\n2.贻误工作的；\n（二）滥用职权的。',
    };
    const built = buildPowerItem(cells);
    expect(built.accountability).toEqual([
      { no: 1, text: '玩忽职守的：\n2.贻误工作的；', truncated: false },
      { no: 2, text: '滥用职权的。', truncated: false },
    ]);
    const rendered = renderPowerItem(built);
    expect(rendered.accountability).toBe('有下列情形之一的：\n（一）玩忽职守的：\n2.贻误工作的；\n（二）滥用职权的。');
    expect(buildPowerItem(rendered)).toEqual(built);
  });

  it('writes a citation cell whose first paragraph decides how the （二） after it reads', () => {
    // `：【党内法规】` is no citation-like lead-in, so （二） opens an entry; written without the
    // colon, `【党内法规】` would make （二） an item of a quoted article.
    const built = buildPowerItem({ ...renderPowerItem(item), legalBases: '：【党内法规】\n（二）【法律】《保密法》第二条 甲。' });
    expect(built.legalBases.map((c) => [c.no, c.text])).toEqual([
      [null, '【党内法规】'],
      [2, '甲。'],
    ]);
    expect(buildPowerItem(renderPowerItem(built))).toEqual(built);
  });

  it('keeps the flag of a cut cell through any growth', () => {
    const cut = { ...item, duties: item.duties.slice(0, 1).map((duty) => ({ ...duty, text: '甲'.repeat(300), truncated: true })) };
    expect(buildPowerItem(renderPowerItem(cut)).duties[0]?.truncated).toBe(true);
  });
});
