import { describe, expect, it } from 'vitest';
import type { CellEntry } from './cell-entries.js';
import { buildClauses } from './clauses.js';

const entry = (no: number | null, text: string, extra: Partial<CellEntry> = {}): CellEntry => ({
  no,
  sameAs: null,
  text,
  truncated: false,
  ...extra,
});

describe('buildClauses', () => {
  it('makes one clause per entry', () => {
    expect(
      buildClauses([entry(1, '无法定依据或者超越法定权限实施行政强制的；'), entry(2, '违反法定程序实施行政强制的；', { truncated: true })]),
    ).toEqual([
      { no: 1, text: '无法定依据或者超越法定权限实施行政强制的；', truncated: false },
      { no: 2, text: '违反法定程序实施行政强制的；', truncated: true },
    ]);
  });

  it('copies the text of entry N for 同N and keeps an unresolvable one as written', () => {
    const clauses = buildClauses([entry(1, '玩忽职守的。'), entry(2, '同1。', { sameAs: 1 }), entry(3, '同9。', { sameAs: 9 })]);
    expect(clauses.map((c) => [c.no, c.text])).toEqual([
      [1, '玩忽职守的。'],
      [2, '玩忽职守的。'],
      [3, '同9。'],
    ]);
  });

  it('keeps unnumbered clauses', () => {
    expect(buildClauses([entry(null, '玩忽职守、贻误工作的。')])).toEqual([{ no: null, text: '玩忽职守、贻误工作的。', truncated: false }]);
  });
});

describe('buildClauses with chains of 同', () => {
  it('follows a chain to the entry with text, and leaves a loop as written', () => {
    const chain = buildClauses([entry(1, '玩忽职守的。'), entry(2, '同1。', { sameAs: 1 }), entry(3, '同2。', { sameAs: 2 })]);
    expect(chain[2]?.text).toBe('玩忽职守的。');
    const loop = buildClauses([entry(1, '同2。', { sameAs: 2 }), entry(2, '同1。', { sameAs: 1 })]);
    expect(loop.map((c) => c.text)).toEqual(['同2。', '同1。']);
  });
});
