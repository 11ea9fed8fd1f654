import { describe, expect, it } from 'vitest';
import { TRUNCATION_MARK } from './cell-entries.js';
import { COMPLETE_MARK, EXPORT_CELL_CAP, endsLikeSentence, hasCompleteMark, isTruncatedCell, TRUNCATION_MIN_LENGTH } from './truncation.js';

/** A text of exactly `length` characters ending in `ending`. */
function textOf(length: number, ending: string): string {
  return '保'.repeat(length - [...ending].length) + ending;
}

describe('isTruncatedCell', () => {
  it('keeps the threshold below the cap', () => {
    expect(TRUNCATION_MIN_LENGTH).toBeLessThan(EXPORT_CELL_CAP);
  });

  it('flags a long cell that stops mid-sentence', () => {
    expect(isTruncatedCell(textOf(248, '提出处理意见（主要证据不足时，以适当'))).toBe(true);
    expect(isTruncatedCell(textOf(249, '2. 【法律】《中华人'))).toBe(true);
    expect(isTruncatedCell(textOf(246, '查阅有关保密工作材料、'))).toBe(true);
  });

  it('flags a long cell that ends in an entry holding only its rank or its number', () => {
    expect(isTruncatedCell(textOf(255, '处分。” 3. 【法规】'))).toBe(true);
    expect(isTruncatedCell(textOf(250, '处分。” 3.'))).toBe(true);
  });

  it('flags a long cell that ends in punctuation inside an open bracket', () => {
    expect(isTruncatedCell(textOf(240, '（主要证据不足时，以适当方式补充调查。'))).toBe(true);
  });

  it('does not flag a long cell that ends a sentence', () => {
    expect(isTruncatedCell(textOf(255, '（六）有其他违法实施行政强制情形的。”'))).toBe(false);
    expect(isTruncatedCell(textOf(255, '（六）有其他违法实施行政强制情形的。'))).toBe(false);
    expect(isTruncatedCell(textOf(248, '书面告知同级保密行政管理部门。 2. 同1。'))).toBe(false);
    expect(isTruncatedCell(textOf(691, '5.同1.\n6.同1.'))).toBe(false);
  });

  it('does not flag a short cell however it ends', () => {
    expect(isTruncatedCell(textOf(207, '其他违反法律法规规章文件规定的行为'))).toBe(false);
    expect(isTruncatedCell(textOf(TRUNCATION_MIN_LENGTH - 1, '以适当'))).toBe(false);
    expect(isTruncatedCell(textOf(TRUNCATION_MIN_LENGTH, '以适当'))).toBe(true);
  });

  it('counts characters, not UTF-16 units', () => {
    // 229 astral characters are 458 UTF-16 units but still under the threshold.
    expect(isTruncatedCell('𠀀'.repeat(TRUNCATION_MIN_LENGTH - 1))).toBe(false);
    expect(isTruncatedCell('𠀀'.repeat(TRUNCATION_MIN_LENGTH))).toBe(true);
  });

  it('flags any cell that carries our truncation mark', () => {
    expect(isTruncatedCell(`1.立案${TRUNCATION_MARK}`)).toBe(true);
    expect(isTruncatedCell(`短。${TRUNCATION_MARK}\n`)).toBe(true);
  });

  it('does not flag a long cell without final punctuation when it carries our complete mark', () => {
    const sloppy = textOf(248, '提出处理意见（主要证据不足时，以适当');
    expect(isTruncatedCell(sloppy)).toBe(true);
    expect(isTruncatedCell(`${sloppy}${COMPLETE_MARK}`)).toBe(false);
    expect(isTruncatedCell(`${sloppy}${COMPLETE_MARK} \n`)).toBe(false);
    // a complete mark inside the text vouches for nothing
    expect(isTruncatedCell(`${COMPLETE_MARK}${sloppy}`)).toBe(true);
    // the truncation mark wins when an entry of ours was cut after all
    expect(isTruncatedCell(`${sloppy}${COMPLETE_MARK}${TRUNCATION_MARK}`)).toBe(true);
  });
});

describe('hasCompleteMark', () => {
  it('sees the mark at the end only', () => {
    expect(hasCompleteMark(`甲${COMPLETE_MARK}`)).toBe(true);
    expect(hasCompleteMark(`甲${COMPLETE_MARK}\n `)).toBe(true);
    expect(hasCompleteMark(`${COMPLETE_MARK}甲`)).toBe(false);
    expect(COMPLETE_MARK).not.toBe(TRUNCATION_MARK);
  });
});

describe('endsLikeSentence', () => {
  it('accepts final punctuation, also behind closing quotes', () => {
    expect(endsLikeSentence('的。')).toBe(true);
    expect(endsLikeSentence('的；')).toBe(true);
    expect(endsLikeSentence('同1.')).toBe(true);
    expect(endsLikeSentence('的。”')).toBe(true);
    expect(endsLikeSentence('责任”。')).toBe(true);
  });

  it('rejects text that stops mid-word or after a closing title mark', () => {
    expect(endsLikeSentence('以适当')).toBe(false);
    expect(endsLikeSentence('《中华人民共和国保守国家秘密法》')).toBe(false);
    expect(endsLikeSentence('材料、')).toBe(false);
  });
});
