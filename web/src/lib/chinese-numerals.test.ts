import { describe, expect, it } from 'vitest';
import { toChineseNumeral } from './chinese-numerals.js';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [28, '二十八'],
    [45, '四十五'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [2024, '二千零二十四'],
  ])('writes %i as %s', (value, expected) => {
    expect(toChineseNumeral(value)).toBe(expected);
  });

  it('falls back to Arabic digits outside 1–9999', () => {
    expect(toChineseNumeral(0)).toBe('0');
    expect(toChineseNumeral(10_000)).toBe('10000');
    expect(toChineseNumeral(2.5)).toBe('2.5');
  });
});
