import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../../contracts/power-list.js';
import { buildPowerItem, type RowCells } from './build-item.js';
import { TRUNCATION_MARK } from './cell-entries.js';
import { renderPowerItem } from './render-item.js';
import { rowCells } from './row-cells.arbitraries.js';
import { isTruncatedCell } from './truncation.js';

const LIST_FIELDS = ['legalBases', 'duties', 'dutyBases', 'accountability', 'accountabilityBases'] as const;

/** A cell whose last entry is complete but whose rendering the importer would take for a cut one. */
function growsIntoTruncation(built: TPowerItem, rendered: RowCells): boolean {
  return LIST_FIELDS.some((field) => built[field].at(-1)?.truncated === false && isTruncatedCell(rendered[field]));
}

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
    fc.assert(
      fc.property(rowCells, (cells: RowCells) => {
        const built = buildPowerItem(cells);
        const rendered = renderPowerItem(built);
        // Known limit: rendering can lengthen a cell (a citation's source repeated, an edition
        // normalised, 同N written out). A complete cell without final punctuation that grows past
        // TRUNCATION_MIN_LENGTH reads back as cut — the text cannot say otherwise.
        fc.pre(!growsIntoTruncation(built, rendered));
        expect(buildPowerItem(rendered)).toEqual(built);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the flag of a cut cell through any growth', () => {
    const cut = { ...item, duties: item.duties.slice(0, 1).map((duty) => ({ ...duty, text: '甲'.repeat(300), truncated: true })) };
    expect(buildPowerItem(renderPowerItem(cut)).duties[0]?.truncated).toBe(true);
  });
});
