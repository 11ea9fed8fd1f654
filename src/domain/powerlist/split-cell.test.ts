import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRUNCATION_MARK } from './cell-entries.js';
import { propertyRuns } from './row-cells.arbitraries.js';
import { normalizeWidth, splitCell, splitCellEntries } from './split-cell.js';
import { COMPLETE_MARK, TRUNCATION_MIN_LENGTH } from './truncation.js';

const entry = (no: number | null, text: string, extra: { sameAs?: number; truncated?: boolean } = {}) => ({
  no,
  sameAs: extra.sameAs ?? null,
  text,
  truncated: extra.truncated ?? false,
});

describe('splitCell', () => {
  it('splits one entry per paragraph with any Arabic marker spelling', () => {
    expect(splitCell('1.立案责任：审查。\n2、调查责任：取证。\n3．审理责任：审理。\n4. 其他责任。').entries).toEqual([
      entry(1, '立案责任：审查。'),
      entry(2, '调查责任：取证。'),
      entry(3, '审理责任：审理。'),
      entry(4, '其他责任。'),
    ]);
  });

  it('splits inline entries when the next number follows a space', () => {
    const text = '1. 调查责任：对发现的泄密案件线索组织进行调查。 2. 处理责任：提出处理建议。 3. 监督责任：监督案发单位作出处理。';
    expect(splitCell(text).entries.map((e) => [e.no, e.text])).toEqual([
      [1, '调查责任：对发现的泄密案件线索组织进行调查。'],
      [2, '处理责任：提出处理建议。'],
      [3, '监督责任：监督案发单位作出处理。'],
    ]);
  });

  it('does not take numbers inside the text for markers', () => {
    const text = '1. 告知责任：一般应当提前1至2个工作日通知，期限 3. 5个工作日内答复。 2. 检查责任：按 1.5 倍复核。';
    expect(splitCell(text).entries.map((e) => [e.no, e.text])).toEqual([
      [1, '告知责任：一般应当提前1至2个工作日通知，期限 3. 5个工作日内答复。'],
      [2, '检查责任：按 1.5 倍复核。'],
    ]);
  });

  it('reads the lead-in of an accountability cell as its preamble', () => {
    const result = splitCell('因不履行或不正确履行行政职责，有下列情形之一的，应承担相应责任：\n1.无法定依据的；\n2.违反法定程序的；');
    expect(result.preamble).toBe('因不履行或不正确履行行政职责，有下列情形之一的，应承担相应责任：');
    expect(result.entries).toEqual([entry(1, '无法定依据的；'), entry(2, '违反法定程序的；')]);
  });

  it('finds the first entry inline after the lead-in', () => {
    const result = splitCell('下列情形的，行政机关及相关工作人员应承担相应责任： 1、无法定依据实施检查的。 2、违反法定程序实施检查的。');
    expect(result.preamble).toBe('下列情形的，行政机关及相关工作人员应承担相应责任：');
    expect(result.entries.map((e) => e.text)).toEqual(['无法定依据实施检查的。', '违反法定程序实施检查的。']);
  });

  it('keeps the （一）（二） of quoted law text inside the Arabic entry, on own lines or inline', () => {
    const own = splitCell(
      '1. 【法律】《行政处罚法》第五十五条 有下列情形之一的：\n（一）没有法定依据的；\n（二）擅自改变种类的。\n2. 同1.',
    );
    expect(own.entries).toEqual([
      entry(1, '【法律】《行政处罚法》第五十五条 有下列情形之一的：\n（一）没有法定依据的；\n（二）擅自改变种类的。'),
      entry(2, '同1.', { sameAs: 1 }),
    ]);
    const inline = splitCell(
      '1. 【法律】《行政处罚法》第五十五条 有下列情形之一的： （一）没有法定依据的； （二）擅自改变种类的。 2. 同1。',
    );
    expect(inline.entries.map((e) => [e.no, e.sameAs])).toEqual([
      [1, null],
      [2, 1],
    ]);
    expect(inline.entries[0]?.text).toContain('（二）擅自改变种类的。');
  });

  it('does not split a citation written without numbers at its quoted items', () => {
    const result = splitCell('【法律】《行政处罚法》第五十五条 有下列情形之一的：\n（一）没有法定依据的；\n（二）擅自改变种类的。');
    expect(result.preamble).toBeNull();
    expect(result.entries.map((e) => e.text)).toEqual([
      '【法律】《行政处罚法》第五十五条 有下列情形之一的：',
      '（一）没有法定依据的；',
      '（二）擅自改变种类的。',
    ]);
    expect(result.entries.every((e) => e.no === null)).toBe(true);
  });

  it('reads Chinese-numbered entries when the cell starts with them', () => {
    const result = splitCell('（一）没有法律依据的；\n(二)违反法定程序的；\n（三）其他。');
    expect(result.entries.map((e) => [e.no, e.text])).toEqual([
      [1, '没有法律依据的；'],
      [2, '违反法定程序的；'],
      [3, '其他。'],
    ]);
  });

  it('reads Chinese-numbered entries after a lead-in that is no citation', () => {
    const result = splitCell('有下列情形之一的，应承担责任：\n（一）玩忽职守的；\n（二）滥用职权的。');
    expect(result.preamble).toBe('有下列情形之一的，应承担责任：');
    expect(result.entries.map((e) => e.no)).toEqual([1, 2]);
  });

  it('gives each paragraph of an unnumbered cell its own entry', () => {
    const result = splitCell('【法律】《保守国家秘密法》第四十二条 甲。\n第四十四条 乙。\n【法规】《实施条例》第三十二条 丙。');
    expect(result.preamble).toBeNull();
    expect(result.entries.map((e) => e.text)).toEqual([
      '【法律】《保守国家秘密法》第四十二条 甲。',
      '第四十四条 乙。',
      '【法规】《实施条例》第三十二条 丙。',
    ]);
  });

  it('continues an entry with the unnumbered paragraphs after it', () => {
    expect(splitCell('1.甲\n乙\n丙\n2.丁').entries.map((e) => e.text)).toEqual(['甲\n乙\n丙', '丁']);
  });

  it('tolerates a gap in the numbering at a paragraph start but not a step back', () => {
    expect(splitCell('1.甲\n3.乙\n2.丙').entries.map((e) => [e.no, e.text])).toEqual([
      [1, '甲'],
      [3, '乙\n2.丙'],
    ]);
  });

  it('recognises 同N in its spellings', () => {
    const result = splitCell('1.甲。\n2.同1.\n3. 同1。\n4.同 1\n5.同上。');
    // 同上 repeats the entry just above it
    expect(result.entries.map((e) => e.sameAs)).toEqual([null, 1, 1, 1, 4]);
    expect(result.entries[1]?.text).toBe('同1.');
  });

  it('normalises full-width digits and letters', () => {
    expect(splitCell('１．提前１至２个工作日ＡＢ\n２．乙').entries.map((e) => [e.no, e.text])).toEqual([
      [1, '提前1至2个工作日AB'],
      [2, '乙'],
    ]);
    expect(normalizeWidth('　ｘ１（一）')).toBe(' x1（一）');
  });

  it('flags the last entry of a cut cell', () => {
    const cut = `1.甲。\n2.${'乙'.repeat(240)}以适当`;
    expect(splitCell(cut).entries.map((e) => e.truncated)).toEqual([false, true]);
    const unnumbered = `【法律】${'甲'.repeat(240)}。\n【法律】《中华人`;
    expect(splitCell(unnumbered).entries.map((e) => e.truncated)).toEqual([false, true]);
  });

  it('strips our truncation mark and flags the entry it ends', () => {
    const result = splitCell(`1.甲${TRUNCATION_MARK}\n2.乙。\n3.丙${TRUNCATION_MARK}`);
    expect(result.entries).toEqual([entry(1, '甲', { truncated: true }), entry(2, '乙。'), entry(3, '丙', { truncated: true })]);
    expect(splitCell(TRUNCATION_MARK).entries).toEqual([entry(null, '', { truncated: true })]);
  });

  it('reads a mark written twice as one mark, so no entry keeps a mark at its end', () => {
    expect(splitCell(`1.甲${TRUNCATION_MARK}${TRUNCATION_MARK}\n2.乙${TRUNCATION_MARK} ${TRUNCATION_MARK}`).entries).toEqual([
      entry(1, '甲', { truncated: true }),
      entry(2, '乙', { truncated: true }),
    ]);
    expect(splitCell(`1.甲${TRUNCATION_MARK}乙`).entries).toEqual([entry(1, `甲${TRUNCATION_MARK}乙`)]);
  });

  it('takes a cell ending in our complete mark for a complete one, however long and however it ends', () => {
    const long = `1.甲。\n2.${'乙'.repeat(TRUNCATION_MIN_LENGTH)}以适当`;
    expect(splitCell(long).entries.map((e) => e.truncated)).toEqual([false, true]);
    expect(splitCell(`${long}${COMPLETE_MARK}`).entries).toEqual([
      entry(1, '甲。'),
      entry(2, `${'乙'.repeat(TRUNCATION_MIN_LENGTH)}以适当`),
    ]);
    // a complete mark ending an entry inside the cell is dropped as well
    expect(splitCell(`1.甲${COMPLETE_MARK}\n2.乙`).entries).toEqual([entry(1, '甲'), entry(2, '乙')]);
  });

  it('reads a paragraph of nothing but complete marks as no paragraph', () => {
    expect(splitCell(COMPLETE_MARK)).toEqual({ preamble: null, entries: [] });
    expect(splitCell(`甲\n${COMPLETE_MARK}`).entries).toEqual([entry(null, '甲')]);
    // …so that it does not change how the paragraphs after it read: after a citation, （二） is an
    // item of the quoted article with or without a mark in front
    const cell = '【法律】《法》第一条 甲：\n（二）乙';
    expect(splitCell(`${COMPLETE_MARK}\n${cell}`)).toEqual(splitCell(cell));
    expect(splitCell(cell).entries.map((e) => e.no)).toEqual([null, null]);
  });

  it('returns nothing for an empty cell', () => {
    expect(splitCell('')).toEqual({ preamble: null, entries: [] });
    expect(splitCell('\n \n')).toEqual({ preamble: null, entries: [] });
  });

  it('keeps an entry that holds only its number', () => {
    expect(splitCell('1.甲\n2.').entries).toEqual([entry(1, '甲'), entry(2, '')]);
  });

  it('loses no text: every non-space character is in the preamble or an entry', () => {
    const piece = fc.constantFrom(
      '1.',
      '2、',
      '3．',
      ' 2. ',
      ' 3. ',
      '（一）',
      '（二）',
      ' （二）',
      '同1。',
      '\n',
      ' ',
      '：',
      '甲',
      '乙',
      '【法律】',
      '《法》',
      '第一条',
      '1.5',
      '。',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        const { preamble, entries } = splitCell(text);
        const kept = (preamble ?? '') + entries.map((e) => `${e.no ?? ''}${e.text}`).join('');
        const digitsAndMarkers = /[\s0-9.、．（）()一二三四五六七八九十]/g;
        expect(kept.replace(digitsAndMarkers, '')).toBe(text.replace(digitsAndMarkers, ''));
        // Entry numbers rise strictly.
        const numbers = entries.flatMap((e) => (e.no === null ? [] : [e.no]));
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(new Set(numbers).size).toBe(numbers.length);
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});

describe('splitCellEntries', () => {
  it('makes each paragraph of the lead-in an unnumbered entry in front', () => {
    expect(splitCellEntries('【法律】《法》第一条 甲。\n【法规】《条例》第二条 乙。\n1.丙\n2.丁')).toEqual([
      entry(null, '【法律】《法》第一条 甲。'),
      entry(null, '【法规】《条例》第二条 乙。'),
      entry(1, '丙'),
      entry(2, '丁'),
    ]);
  });

  it('strips our marks from lead-in paragraphs as from any entry, but reads no 同N there', () => {
    expect(splitCellEntries(`甲${TRUNCATION_MARK}\n同2。\n1.丙\n2.丁`)).toEqual([
      entry(null, '甲', { truncated: true }),
      entry(null, '同2。'),
      entry(1, '丙'),
      entry(2, '丁'),
    ]);
  });

  it('gives the entries of splitCell when there is no lead-in', () => {
    expect(splitCellEntries('1.甲\n2.同1。')).toEqual(splitCell('1.甲\n2.同1。').entries);
  });
});
