import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { buildPowerItem, type RowCells } from './build-item.js';
import { propertyRuns } from './row-cells.arbitraries.js';

const cells = (over: Partial<RowCells> = {}): RowCells => ({
  no: '1',
  category: '行政处罚',
  name: '对非法获取、持有国家秘密载体的处罚',
  subItem: '',
  legalBases:
    '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条 保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
  duties:
    '1.立案责任：通过举报、检查，决定是否立案。\n2.调查取证责任：对立案的案件，及时组织调查取证。\n3.其他法律法规规章文件规定应履行的责任。',
  dutyBases: '1.【法律】《中华人民共和国行政处罚法》（1996年主席令第六十三号公布）第三十六条 行政机关必须全面、客观、公正的调查。\n2.同1。',
  accountability: '因不履行或不正确履行行政职责，有下列情形之一的，应承担相应责任：\n1.无法定依据的；\n2.违反法定程序的；',
  accountabilityBases: '',
  note: '',
  ...over,
});

function validationError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('buildPowerItem', () => {
  it('builds the item of a row', () => {
    const item = buildPowerItem(cells());
    expect(item.no).toBe(1);
    expect(item.subItem).toBeNull();
    expect(item.note).toBeNull();
    expect(item.legalBases).toHaveLength(1);
    expect(item.legalBases[0]?.title).toBe('中华人民共和国保守国家秘密法');
    expect(item.duties.map((duty) => duty.name)).toEqual(['立案', '调查取证', null]);
    expect(item.dutyBases.map((citation) => [citation.no, citation.sameAs, citation.title])).toEqual([
      [1, null, '中华人民共和国行政处罚法'],
      [2, 1, '中华人民共和国行政处罚法'],
    ]);
    expect(item.accountabilityPreamble).toBe('因不履行或不正确履行行政职责，有下列情形之一的，应承担相应责任：');
    expect(item.accountability.map((clause) => clause.text)).toEqual(['无法定依据的；', '违反法定程序的；']);
    expect(item.accountabilityBases).toEqual([]);
  });

  it('reads 序号 in its spellings', () => {
    for (const no of ['7', ' 7 ', '７', '7.', '7、']) expect(buildPowerItem(cells({ no })).no).toBe(7);
  });

  it('refuses a missing or invalid 序号 with a validation error naming the field', () => {
    const empty = validationError(() => buildPowerItem(cells({ no: ' ' })));
    expect(empty.code).toBe('validation');
    expect(empty.message).toBe('序号不能为空。');
    expect(empty.issues[0]?.path).toEqual(['no']);
    for (const no of ['0', '-1', '1.5', '一', 'abc', '99999999999']) {
      const error = validationError(() => buildPowerItem(cells({ no })));
      expect(error.message).toBe(`序号“${no}”不是正整数。`);
    }
  });

  it('refuses an empty category or name', () => {
    expect(validationError(() => buildPowerItem(cells({ category: '' }))).issues[0]?.path).toEqual(['category']);
    expect(validationError(() => buildPowerItem(cells({ name: ' \n ' }))).message).toBe('第 1 项的项目名称不能为空。');
  });

  it('keeps an unnumbered lead-in of a citation or duty cell as unnumbered entries', () => {
    const item = buildPowerItem(
      cells({
        duties: '按下列步骤办理：\n1.立案责任：审查。',
        dutyBases: '【法律】《保守国家秘密法》第一条 甲。\n1.【法规】《实施条例》第二条 乙。',
      }),
    );
    expect(item.duties.map((duty) => [duty.no, duty.name, duty.text])).toEqual([
      [null, null, '按下列步骤办理：'],
      [1, '立案', '审查。'],
    ]);
    expect(item.dutyBases.map((citation) => [citation.no, citation.title])).toEqual([
      [null, '保守国家秘密法'],
      [1, '实施条例'],
    ]);
  });

  it('keeps sub-item and note', () => {
    const item = buildPowerItem(cells({ subItem: ' 子项一 ', note: '备注' }));
    expect([item.subItem, item.note]).toEqual(['子项一', '备注']);
  });

  it('reads the whitespace of a cell typed in Excel as a TSV cell holds it', () => {
    // Runs of blanks, tabs, ideographic spaces and empty paragraphs are what the HTML reduction
    // of a TSV cell removes; an Excel cell keeps whatever was typed.
    const typed = buildPowerItem(
      cells({
        category: ' 行政\t处罚 ',
        name: '对非法获取、持有\u3000\u3000国家秘密载体的处罚',
        duties: '1.立案责任：通过举报、检查，  决定是否立案。\n\n \n2.调查取证责任：\t及时调查取证。',
        note: '备注\n\n  文字 ',
      }),
    );
    const tidy = buildPowerItem(
      cells({
        category: '行政 处罚',
        name: '对非法获取、持有 国家秘密载体的处罚',
        duties: '1.立案责任：通过举报、检查， 决定是否立案。\n2.调查取证责任： 及时调查取证。',
        note: '备注\n文字',
      }),
    );
    expect(typed).toEqual(tidy);
    expect(typed.note).toBe('备注\n文字');
    expect(typed.duties.map((duty) => duty.text)).toEqual(['通过举报、检查， 决定是否立案。', '及时调查取证。']);
  });

  it('collapses every kind of whitespace the HTML reduction collapses, and nothing else', () => {
    // What htmlToText leaves of a cell: paragraphs with runs of \s made one space, trimmed, none empty.
    const reduced = (text: string): string =>
      text
        .split('\n')
        .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
        .filter((paragraph) => paragraph !== '')
        .join('\n');
    const blank = fc.constantFrom(' ', '\n', '\t', '\r', '\v', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b');
    const text = fc.array(fc.oneof(blank, fc.constantFrom('甲', '乙', 'a')), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (note) => {
        expect(buildPowerItem(cells({ note })).note).toBe(reduced(note) === '' ? null : reduced(note));
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
