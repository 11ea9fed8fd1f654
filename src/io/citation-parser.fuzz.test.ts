/**
 * The citation parser fed mutated real cells (issue 10): every 实施依据, 责任事项依据 and 追责依据
 * cell of the bundled list, with citation syntax inserted, deleted, duplicated and cut — brackets,
 * ranks, numerals far past any real article number, numbering, line breaks — and grown to giant
 * sizes. parseCitation and the importer's cell reader (readCitationCell) must return citations that
 * keep the contract, never throw, and finish: a cell of 60,000 characters is read in well under the
 * vitest timeout (a regular expression that backtracks catastrophically would not be).
 * QUANZE_PROPERTY_RUNS raises the runs (`npm run test:fuzz`).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZCitation } from '../contracts/power-list.js';
import { readCitationCell } from '../domain/powerlist/build-item.js';
import { parseCitation, renderCitation } from '../domain/powerlist/citations.js';
import { propertyRuns } from '../domain/powerlist/row-cells.arbitraries.js';

const BUNDLED_TEXT = readFileSync(new URL('../../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url), 'utf8');

/** The cells of the bundled list that hold citations (they quote a law in 《》). */
const CELLS = [...new Set(BUNDLED_TEXT.split(/\t|\n(?=\d+\t)/).filter((cell) => cell.includes('《')))];

const TOKENS = [
  '【法律】',
  '【法规】',
  '【规章】',
  '【规范性文件】',
  '【',
  '】',
  '《',
  '》',
  '〈',
  '〉',
  '（',
  '）',
  '(',
  ')',
  '〔',
  '〕',
  '第',
  '条',
  '款',
  '项',
  '、',
  '。',
  '；',
  '：',
  '“',
  '”',
  '\n',
  '\r\n',
  ' ',
  '\u3000',
  '1.',
  '2、',
  '同1.',
  '同99.',
  '同上',
  '第一条',
  '第十四条第三款第二项',
  '第一百零一条',
  '第零条',
  '第〇条',
  '第两千条',
  '第九千九百九十九万九千九百九十九亿条',
  '第99999999999999999999条',
  '第1e10条',
  '第-1条',
  '第十款',
  '第二十项',
  '主席令第28号',
  '国务院令第646号',
  '国保发〔2026〕1号',
  '2010年修订',
  '之一',
  '至',
  '<br>',
  '&nbsp;',
  '\uFFFD',
  '\u0000',
  '𠀀',
];

type Mutation =
  | { kind: 'insert'; at: number; token: string; times: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'cut'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      token: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, fc.string({ unit: 'grapheme', maxLength: 4 })),
      times: fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, fc.constantFrom(50, 2_000)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 200 }),
      times: fc.constantFrom(2, 10, 100),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    const at = m.at % (s.length + 1);
    if (m.kind === 'insert') s = s.slice(0, at) + m.token.repeat(m.times) + s.slice(at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.length);
    else if (m.kind === 'duplicate') s = s.slice(0, at) + s.slice(at, at + m.length).repeat(m.times) + s.slice(at);
    else s = s.slice(0, at);
    // Bounded input: the importer's cells are never longer than a spreadsheet cell holds.
    if (s.length > 60_000) s = s.slice(0, 60_000);
  }
  return s;
}

function checkParsed(text: string): void {
  const parsed = parseCitation(text);
  ZCitation.parse({ no: null, sameAs: null, truncated: false, ...parsed });
  for (const ref of parsed.articles) expect(Number.isSafeInteger(ref.article)).toBe(true);
  expect(typeof renderCitation({ no: null, sameAs: null, truncated: false, ...parsed })).toBe('string');
}

function checkCell(text: string): void {
  for (const citation of readCitationCell(text)) {
    ZCitation.parse(citation);
    expect(typeof renderCitation(citation)).toBe('string');
  }
}

describe('citation parser fuzzed with mutated cells of the bundled list', () => {
  it('has cells to start from', () => {
    expect(CELLS.length).toBeGreaterThan(20);
  });

  it('parseCitation: every mutated cell gives a citation that keeps the contract', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CELLS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (cell, mutations) => {
        checkParsed(mutate(cell, mutations));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('readCitationCell: every mutated cell gives citations that keep the contract', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CELLS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (cell, mutations) => {
        checkCell(mutate(cell, mutations));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('reads giant cells of citation syntax without backtracking for ever', () => {
    for (const token of ['《', '第', '第一', '【', '（', '1.', '同1.', '、', '\n1.', '第一条第', '《中华人民共和国', '〔']) {
      const cell = token.repeat(Math.ceil(60_000 / token.length));
      checkParsed(cell);
      checkCell(cell);
    }
  });
});
