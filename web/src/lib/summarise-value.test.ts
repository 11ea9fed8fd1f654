import { describe, expect, it } from 'vitest';
import { summariseValue } from './summarise-value.js';

describe('summariseValue', () => {
  it('counts list entries and names empty values', () => {
    expect(summariseValue([1, 2, 3])).toBe('3 条');
    expect(summariseValue([])).toBe('（空）');
    expect(summariseValue(null)).toBe('（空）');
    expect(summariseValue('')).toBe('（空）');
  });

  it('clips long text and collapses whitespace', () => {
    const long = '保'.repeat(80);
    expect(summariseValue(long)).toBe(`${'保'.repeat(60)}…`);
    expect(summariseValue('行政\n处罚')).toBe('行政 处罚');
  });
});
