/**
 * Whatever bytes arrive, reading them ends in a list or in a DomainError — never in another
 * exception, never in a list that breaks the contract.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ZPowerItem } from '../contracts/power-list.js';
import { DomainError } from '../domain/errors.js';
import { propertyRuns } from '../domain/powerlist/row-cells.arbitraries.js';
import { readPowerListTsv } from './power-list-tsv.js';

const BUNDLED_TEXT = readFileSync(new URL('../../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url), 'utf8');

/** Read and classify: a valid list, or a DomainError with a message; anything else fails the test. */
function readOutcome(bytes: Uint8Array): 'list' | 'refused' {
  let list: ReturnType<typeof readPowerListTsv>;
  try {
    list = readPowerListTsv(bytes);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    const { line, column } = error.location ?? {};
    if (line !== undefined) expect(line).toBeGreaterThanOrEqual(1);
    if (column !== undefined) expect(column).toBeGreaterThanOrEqual(1);
    return 'refused';
  }
  expect(typeof list.title).toBe('string');
  for (const item of list.items) ZPowerItem.parse(item);
  expect(new Set(list.items.map((item) => item.no)).size).toBe(list.items.length);
  return 'list';
}

const INSERTS = [
  '\t',
  '\n',
  '\r\n',
  '\r',
  '"',
  '""',
  '<p>',
  '</p>',
  '<br>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '&#0;',
  '&',
  '<',
  '1.',
  '2、',
  ' 3. ',
  '（一）',
  '同1。',
  '同99.',
  '【',
  '《',
  '（',
  '序号',
  '项目名称',
  '\uFFFD',
  '\u0000',
  '\uFEFF',
  '〔原文截断〕',
  '𠀀',
];

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap'; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    const size = current.length + 1;
    if (m.kind === 'cut') current = current.slice(0, m.at % size);
    else if (m.kind === 'delete') current = current.slice(0, m.at % size) + current.slice((m.at % size) + m.length);
    else if (m.kind === 'insert') current = current.slice(0, m.at % size) + m.text + current.slice(m.at % size);
    else {
      // Swap two of the file's tabs or line breaks with each other's kind.
      const separators = [...current.matchAll(/[\t\n]/g)].map((match) => match.index);
      if (separators.length === 0) continue;
      const i = separators[m.a % separators.length] ?? 0;
      const swapped = current[i] === '\t' ? '\n' : '\t';
      current = current.slice(0, i) + swapped + current.slice(i + 1);
      void m.b;
    }
  }
  return current;
}

const encodings = fc.constantFrom('utf-8', 'gbk', 'gb18030', 'utf-16le-bom', 'utf-8-bom');

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  if (encoding === 'utf-16le-bom') return iconv.encode(text, 'utf-16le', { addBOM: true });
  return iconv.encode(text, encoding);
}

describe('readPowerListTsv fuzzed', () => {
  it('survives random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        readOutcome(bytes);
      }),
      { numRuns: propertyRuns(1_000) },
    );
  });

  it('survives random text, also with a header in front', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.boolean(), (text, withHeader) => {
        readOutcome(new TextEncoder().encode(withHeader ? `序号\t权力分类\t项目名称\n${text}` : text));
      }),
      { numRuns: propertyRuns(1_000) },
    );
  });

  it('survives mutations of the bundled list in any encoding', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), encodings, (mutations, encoding) => {
        outcomes.add(readOutcome(encode(mutate(BUNDLED_TEXT, mutations), encoding)));
      }),
      { numRuns: propertyRuns(1_000) },
    );
    // The mutations are gentle enough that some files still read and harsh enough that some do not.
    expect(outcomes).toEqual(new Set(['list', 'refused']));
  });

  it('reads the same through csv-parse as through plain splitting', () => {
    // A quoted title line sends the whole file through csv-parse; without quotes at the start of
    // a cell, the reader splits at tabs and line breaks itself. Both must agree on every outcome.
    const outcomeOf = (text: string): unknown => {
      try {
        return readPowerListTsv(new TextEncoder().encode(text)).items;
      } catch (error) {
        if (error instanceof DomainError) return error.message;
        throw error;
      }
    };
    const body = BUNDLED_TEXT.replace(/^\n\n柳州市国家保密局权责清单/, '');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        // The quoted title stays a cell of its own: a mutation that joins it to the next line makes
        // `"标题"序号` — malformed quoting, whose quotes csv-parse (relax_quotes) keeps as written.
        const cut = mutate(body, mutations).replace(/"/g, '');
        const mutated = /^[\t\n]/.test(cut) ? cut : `\n${cut}`;
        expect(outcomeOf(`"标题"${mutated}`)).toEqual(outcomeOf(`标题${mutated}`));
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('survives random bytes spliced into the bundled list', () => {
    const bundled = new TextEncoder().encode(BUNDLED_TEXT);
    fc.assert(
      fc.property(fc.nat({ max: bundled.length }), fc.uint8Array({ minLength: 1, maxLength: 16 }), (at, junk) => {
        readOutcome(new Uint8Array([...bundled.subarray(0, at), ...junk, ...bundled.subarray(at)]));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('survives rows of the right shape holding random cell text', () => {
    const header = '序号\t权力分类\t项目名称\t子项\t实施依据\t责任事项\t责任事项依据\t追责情形\t追责依据\t备注';
    const piece = fc.oneof(
      fc.constantFrom(...INSERTS.filter((text) => !/[\t\n\r"]/.test(text))),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const cellText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('').replace(/[\t\n\r"]/g, ' '));
    const row = fc
      .tuple(fc.integer({ min: 1, max: 50 }), fc.array(cellText, { minLength: 9, maxLength: 9 }))
      .map(([no, cells]) => [String(no), ...cells].join('\t'));
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (rows) => {
        outcomes.add(readOutcome(new TextEncoder().encode(['清单', ...rows.flatMap((line) => [header, line])].join('\n'))));
      }),
      { numRuns: propertyRuns(500) },
    );
    expect(outcomes.has('list')).toBe(true);
  });
});
