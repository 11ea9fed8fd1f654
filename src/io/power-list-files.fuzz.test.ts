/**
 * The importer fed mutated real files (issue 10): the bundled list (identical to the seed the
 * project started from) as TSV, as the XLSX and JSON the export writes, re-encoded (GBK, UTF-16,
 * BOMs), with rows duplicated, HTML and giant text in cells, and bytes flipped, inserted, deleted
 * and cut — through readPowerListFile, the one entry the import use case calls. Every file ends in
 * a list that keeps the contract or in a DomainError with a message; never in a TypeError,
 * RangeError or another exception. Input sizes are bounded (a few hundred KB), so every case ends.
 * QUANZE_PROPERTY_RUNS raises the runs (`npm run test:fuzz`).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZPowerItem } from '../contracts/power-list.js';
import { DomainError } from '../domain/errors.js';
import { propertyRuns } from '../domain/powerlist/row-cells.arbitraries.js';
import { writePowerListJson } from './power-list-json.js';
import { readPowerListTsv } from './power-list-tsv.js';
import { writePowerListXlsx } from './power-list-xlsx.js';
import { readPowerListFile } from './read-power-list-file.js';

const BUNDLED = readFileSync(new URL('../../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url));
const BUNDLED_TEXT = BUNDLED.toString('utf8');

/** Read and classify: a contract-keeping list, or a DomainError with a message; anything else fails. */
async function outcome(bytes: Uint8Array, name: string): Promise<'list' | 'refused'> {
  let read: Awaited<ReturnType<typeof readPowerListFile>>;
  try {
    read = await readPowerListFile(bytes, name);
  } catch (error) {
    if (!(error instanceof DomainError)) {
      throw new Error(`${name} (${bytes.length} bytes) threw ${String(error)}`, { cause: error });
    }
    expect(error.message.trim().length).toBeGreaterThan(0);
    return 'refused';
  }
  expect(typeof read.title).toBe('string');
  for (const item of read.items) ZPowerItem.parse(item);
  expect(new Set(read.items.map((item) => item.no)).size).toBe(read.items.length);
  return 'list';
}

// ---------------------------------------------------------------------------------------------
// Text-level mutations: what a person does to a list in an editor or a spreadsheet

const HTML = [
  '<p>',
  '</p>',
  '<br/>',
  '<b>重点</b>',
  '<table><tr><td>',
  '<script>alert(1)</script>',
  '<!--',
  '&nbsp;',
  '&#x0;',
  '<' + 'div>'.repeat(150),
];

type TextMutation =
  | { kind: 'duplicate-row'; at: number; times: number }
  | { kind: 'delete-row'; at: number }
  | { kind: 'swap-rows'; a: number; b: number }
  | { kind: 'html-in-cell'; at: number; html: string }
  | { kind: 'giant-cell'; at: number; size: number; unit: string }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; text: string };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('duplicate-row' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('delete-row' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-rows' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('html-in-cell' as const), at: fc.nat(), html: fc.constantFrom(...HTML) }),
  fc.record({
    kind: fc.constant('giant-cell' as const),
    at: fc.nat(),
    size: fc.constantFrom(1_000, 20_000, 120_000),
    unit: fc.constantFrom('法', '第一条', '《', '（', '、', ' ', '1.', '<b>', '"'),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('\t', '\n', '\r', '"', '\u0000', '\uFEFF', '\uFFFD', '序号\t项目名称', '同上', '同1.'),
      fc.string({ maxLength: 6 }),
    ),
  }),
);

function applyTextMutation(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % lines.length;
  switch (m.kind) {
    case 'duplicate-row': {
      const i = line(m.at);
      lines.splice(i, 0, ...Array.from({ length: m.times }, () => lines[i] ?? ''));
      return lines.join('\n');
    }
    case 'delete-row':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'swap-rows': {
      const [i, j] = [line(m.a), line(m.b)];
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return lines.join('\n');
    }
    case 'html-in-cell':
    case 'giant-cell': {
      // Into the middle of a cell: after a tab of the chosen line.
      const i = line(m.at);
      const cells = (lines[i] ?? '').split('\t');
      const c = m.at % cells.length;
      const extra = m.kind === 'html-in-cell' ? m.html : m.unit.repeat(Math.ceil(m.size / m.unit.length));
      cells[c] = `${cells[c] ?? ''}${extra}`;
      lines[i] = cells.join('\t');
      return lines.join('\n');
    }
    case 'cut':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';
const encoding = fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'gbk', 'gb18030', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le');

function encode(text: string, as: Encoding): Uint8Array {
  if (as === 'utf-8') return strToU8(text);
  if (as === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
  if (as === 'utf-16le-bom') return iconv.encode(text, 'utf-16le', { addBOM: true });
  if (as === 'utf-16be-bom') return iconv.encode(text, 'utf-16be', { addBOM: true });
  return iconv.encode(text, as);
}

// ---------------------------------------------------------------------------------------------
// Byte-level mutations: what a broken transfer or disk does

type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      at: fc.nat(),
      value: fc.constantFrom(0x00, 0xff, 0x80, 0x09, 0x0a, 0x22, 0x3c),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
);

function applyByteMutations(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  let out: Uint8Array = Uint8Array.from(bytes);
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.kind === 'flip' || m.kind === 'set') {
      if (out.length === 0) continue;
      const i = at % out.length;
      out[i] = m.kind === 'flip' ? (out[i] ?? 0) ^ (1 << m.bit) : m.value;
    } else if (m.kind === 'insert') out = concat(out.subarray(0, at), m.bytes, out.subarray(at));
    else if (m.kind === 'delete') out = concat(out.subarray(0, at), out.subarray(at + m.length));
    else if (m.kind === 'truncate') out = out.slice(0, at);
    else out = concat(out.subarray(0, at + m.length), out.subarray(at, at + m.length), out.subarray(at + m.length));
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('readPowerListFile fuzzed with mutated real files', () => {
  let xlsx: Uint8Array;
  let json: string;
  let xlsxEntries: Record<string, Uint8Array>;

  beforeAll(async () => {
    const list = readPowerListTsv(BUNDLED);
    xlsx = new Uint8Array(await writePowerListXlsx({ title: list.title, items: list.items }));
    json = writePowerListJson({ title: list.title, items: list.items, findings: [] } as unknown as Parameters<
      typeof writePowerListJson
    >[0]);
    xlsxEntries = unzipSync(xlsx);
  });

  it('reads the unmutated files (the mutations start from lists that import)', async () => {
    expect(await outcome(BUNDLED, 'list.tsv')).toBe('list');
    expect(await outcome(xlsx, 'list.xlsx')).toBe('list');
    expect(await outcome(strToU8(json), 'list.json')).toBe('list');
  });

  it('TSV: rows duplicated, deleted and swapped, HTML and giant text in cells, in any encoding', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 4 }), encoding, async (mutations, as) => {
        const text = mutations.reduce(applyTextMutation, BUNDLED_TEXT);
        outcomes.add(await outcome(encode(text, as), 'list.tsv'));
      }),
      { numRuns: propertyRuns(150) },
    );
    expect(outcomes.has('list')).toBe(true);
  });

  it('TSV, XLSX and JSON: bytes flipped, inserted, deleted, duplicated and cut (and the file misnamed)', async () => {
    const sources = () => [
      { bytes: BUNDLED as Uint8Array, name: 'list.tsv' },
      { bytes: xlsx, name: 'list.xlsx' },
      { bytes: strToU8(json), name: 'list.json' },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 2 }),
        fc.array(byteMutation, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', 'list.tsv', 'list.xlsx', 'list.json', 'list.xls', 'list.csv'),
        async (which, mutations, rename) => {
          const source = sources()[which] as { bytes: Uint8Array; name: string };
          await outcome(applyByteMutations(source.bytes, mutations), rename || source.name);
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  it('XLSX: the sheet and shared strings XML mutated inside a valid zip', async () => {
    const xmlNames = Object.keys(xlsxEntries).filter((name) => name.endsWith('.xml'));
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...xmlNames),
        fc.array(
          fc.oneof(
            textMutation.filter((m) => m.kind === 'cut' || m.kind === 'insert' || m.kind === 'giant-cell'),
            fc.record({
              kind: fc.constant('insert' as const),
              at: fc.nat(),
              text: fc.constantFrom(
                '<c r="A1" t="s"><v>99999</v></c>',
                '<v>-1</v>',
                '</row>',
                '<row r="0">',
                ']]>',
                '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
                '&a;',
                '<si><t>',
              ),
            }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        async (name, mutations) => {
          const entries = {
            ...xlsxEntries,
            [name]: strToU8(mutations.reduce(applyTextMutation, strFromU8(xlsxEntries[name] as Uint8Array))),
          };
          outcomes.add(await outcome(zipSync(entries), 'list.xlsx'));
        },
      ),
      { numRuns: propertyRuns(50) },
    );
    expect(outcomes.has('refused')).toBe(true);
  });

  it('JSON: the export with values of the wrong type, fields missing or added, and hostile text', async () => {
    const parsed = JSON.parse(json) as { items: Record<string, unknown>[] };
    const keys = [...new Set(parsed.items.flatMap((item) => Object.keys(item)))];
    const hostile = fc.constantFrom<unknown>(
      null,
      0,
      -1,
      1e308,
      '',
      'x'.repeat(50_000),
      [],
      {},
      true,
      '<script>alert(1)</script>',
      '\u0000',
      { __proto__: null, polluted: 1 },
      [[[[[]]]]],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.constantFrom(...keys),
        fc.oneof(hostile, fc.constant(undefined)),
        fc.constantFrom('', '__proto__', 'constructor', 'extra'),
        async (at, key, value, extraKey) => {
          const copy = JSON.parse(json) as { items: Record<string, unknown>[] };
          const item = copy.items[at % copy.items.length] as Record<string, unknown>;
          if (value === undefined) delete item[key];
          else item[key] = value;
          let text = JSON.stringify(copy);
          if (extraKey) text = text.replace('{', `{"${extraKey}":{"polluted":true},`);
          await outcome(strToU8(text), 'list.json');
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });
});
