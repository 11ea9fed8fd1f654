import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber, toChineseNumber } from './chinese-numerals.js';

describe('parseChineseNumber', () => {
  it.each([
    ['十', 10],
    ['十五', 15],
    ['一十五', 15],
    ['二十', 20],
    ['二十八', 28],
    ['四十五', 45],
    ['六十三', 63],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百十五', 115],
    ['二百一十', 210],
    ['一千零一', 1001],
    ['一千零一十', 1010],
    ['两千', 2000],
    ['一万', 10_000],
    ['一万零一百', 10_100],
    ['十万', 100_000],
    ['九万九千九百九十九', 99_999],
    ['一亿零五万', 100_050_000],
    ['壹佰零伍', 105],
    ['贰拾捌', 28],
    ['〇', 0],
    ['零', 0],
    ['二〇一三', 2013],
    ['28', 28],
    ['６４６', 646],
    [' 四十五 ', 45],
    // the colloquial abbreviation: a bare digit after a unit takes the next lower place
    ['一百五', 150],
    ['两万五', 25_000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['', '条', '十十', '一百一百', '百', '万', '一二十', '一百零', '四十五条', '4五', '五万一万'])('%s is no number', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });

  // found by the file fuzzer: 第99999999999999999999条 became an article number the contract refuses
  it.each(['99999999999999999999', '９００７１９９２５４７４０９９３', '九九九九九九九九九九九九九九九九九', '一万亿亿'])(
    '%s is past 2^53: no number',
    (text) => {
      expect(parseChineseNumber(text)).toBeNull();
    },
  );
  it('still reads the largest safe integer', () => {
    expect(parseChineseNumber(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('toChineseNumber', () => {
  it.each([
    [0, '零'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [28, '二十八'],
    [45, '四十五'],
    [105, '一百零五'],
    [110, '一百一十'],
    [210, '二百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [10_000, '一万'],
    [10_015, '一万零一十五'],
    [10_100, '一万零一百'],
    [100_000, '十万'],
    [105_000, '十万五千'],
    [99_999, '九万九千九百九十九'],
    [100_001_000, '一亿零一千'],
  ])('%d → %s', (value, text) => {
    expect(toChineseNumber(value)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN, 1e12])('refuses %d', (value) => {
    expect(() => toChineseNumber(value)).toThrow(RangeError);
  });
});

/**
 * The textbook way to write a number below 10^8: every place as digit + unit, 零 for a zero place,
 * then squeeze the zeros out with replacements.
 */
function referenceToChinese(n: number): string {
  if (n === 0) return '零';
  const names = '零一二三四五六七八九';
  const units = ['', '十', '百', '千', '万', '十', '百', '千'];
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const place = digits.length - 1 - i;
    const digit = Number(digits[i]);
    // the 万 place always writes its unit, so that 十万 keeps it
    out += digit === 0 ? (place === 4 ? '零万' : '零') : `${names[digit]}${units[place]}`;
  }
  return out.replace(/零+万/g, '万').replace(/零+/g, '零').replace(/零$/, '').replace(/^一十/, '十');
}

/** The textbook way to read one: multiply digits by the unit after them, 万 closes a section. */
function referenceParse(text: string): number {
  const digits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in digits) digit = digits[c] ?? 0;
    else if (c in units) {
      section += (digit === 0 ? 1 : digit) * (units[c] ?? 0);
      digit = 0;
    } else if (c === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

describe('Chinese numerals, properties', () => {
  it('reads back what it writes, from 1 to 99 999 and beyond', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 999_999_999_999 })), (n) => {
        expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads back every number from 1 to 99 999', () => {
    for (let n = 1; n <= 99_999; n++) {
      if (parseChineseNumber(toChineseNumber(n)) !== n) expect.fail(`${n} → ${toChineseNumber(n)}`);
    }
  });

  it('writes as the textbook method does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(toChineseNumber(n)).toBe(referenceToChinese(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the textbook spellings and their variants (一十五, 两百, 壹佰) as the textbook method does', () => {
    const variant = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.replace(/^十/, '一十'),
      (s: string) => s.replace(/二(?=[百千万])/g, '两'),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), variant, (n, spell) => {
        const text = spell(referenceToChinese(n));
        expect(parseChineseNumber(text)).toBe(referenceParse(text));
        expect(parseChineseNumber(text)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads financial numerals like ordinary ones', () => {
    const financial: Record<string, string> = {
      零: '零',
      一: '壹',
      二: '贰',
      三: '叁',
      四: '肆',
      五: '伍',
      六: '陆',
      七: '柒',
      八: '捌',
      九: '玖',
      十: '拾',
      百: '佰',
      千: '仟',
      万: '万',
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        const text = [...toChineseNumber(n)].map((c) => financial[c] ?? c).join('');
        expect(parseChineseNumber(text)).toBe(n);
      }),
    );
  });

  it('reads Arabic and full-width digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        const fullWidth = String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(parseChineseNumber(String(n))).toBe(n);
        expect(parseChineseNumber(fullWidth)).toBe(n);
      }),
    );
  });
});
