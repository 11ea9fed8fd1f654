/**
 * fast-check arbitraries of HTTP requests for one OpenAPI operation: path parameters, query
 * strings, bodies and headers generated from the operation's schemas (with real identifiers from
 * the world's pools, so requests reach the use cases) and then mutated — wrong types, missing and
 * extra fields, prototype-pollution keys, SQL- and HTML-looking text, NUL and other control
 * characters, lone surrogates, invalid UTF-8, huge and deeply nested values, wrong content types,
 * oversized bodies, missing or forged CSRF tokens and bad cookies.
 *
 * A request is plain data (printable when fast-check shrinks a failure); `toInject` turns it into
 * `app.inject` options for an actor's session.
 */
import fc from 'fast-check';
import type { SignedIn } from '../helpers/access-fixtures.js';
import type { Pools } from './fuzz-world.js';
import type { JsonSchema, Operation, OperationParameter } from './openapi-operations.js';

/** How the request presents (or fails to present) the actor's credentials. */
export type AuthVariant =
  | 'as-is'
  | 'no-csrf'
  | 'forged-csrf'
  | 'foreign-csrf'
  | 'no-cookie'
  | 'bad-cookie'
  | 'two-cookies'
  | 'junk-cookie-header'
  | 'huge-cookie';

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType: string }
  /** text sent as is (invalid JSON, JSON in the wrong media type, …) */
  | { kind: 'text'; text: string; contentType: string | null }
  /** bytes given as hex (invalid UTF-8, UTF-16, oversized) */
  | { kind: 'bytes'; hex: string; repeat: number; contentType: string | null }
  | { kind: 'deep'; depth: number; open: '[' | '{"a":'; contentType: string }
  | { kind: 'multipart'; fileName: string; field: string; content: string; fields: Record<string, string> };

export interface FuzzRequest {
  method: string;
  /** path with its query string, percent-encoded as sent */
  url: string;
  headers: Record<string, string>;
  auth: AuthVariant;
  body: FuzzBody;
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Text that has broken servers before. None of it contains a control character the input hygiene strips, except where that is the point. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  'SELECT * FROM users WHERE 1=1',
  "%' UNION SELECT NULL, NULL --",
  '" OR ""="',
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection probe, meant literally
  '{{7*7}}${7*7}<%= 7*7 %>',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'a\u0000b',
  '\u0000',
  '\u001b[31mred\u001b[0m',
  '\u202eevil\u202c',
  '\uD800',
  '\uDFFF\uD800',
  '\uFFFE\uFFFF',
  '𠀀𪚥',
  '🧨💥',
  'é', // NFD
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '1e309',
  '99999999999999999999999999999999',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  '9999-12-31T23:59:59.999+14:00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '第一百零一条',
  '《中华人民共和国保守国家秘密法》第九十九条',
  '名'.repeat(10_000),
  'x'.repeat(10_001),
  'y'.repeat(60_000),
];

const NASTY_NUMBERS: readonly number[] = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE];

function ownKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  // Own properties named __proto__ (what JSON.parse makes of "__proto__"), not a prototype change here.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Non-string hostile values: wrong types, pollution attempts, big and deep structures. */
function nastyStructures(): unknown[] {
  const nest = (depth: number) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };
  return [
    null,
    true,
    false,
    [],
    {},
    [null],
    ownKey({}, '__proto__', { polluted: 'yes', isAdmin: true }),
    { constructor: { prototype: { polluted: 'yes' } } },
    ownKey({ a: 1 }, '__proto__', null),
    nest(64),
    nest(1_000),
    Array.from({ length: 5_000 }, () => 0),
    Array.from({ length: 200 }, (_, i) => ({ [`k${i}`]: i })),
  ];
}

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...nastyStructures()) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', 'toString', 'hasOwnProperty', 'a.b', '$where', '\u0000'),
  fc.string({ maxLength: 12 }),
);

// ---------------------------------------------------------------------------------------------
// Values from schemas

/** Which pool a field or parameter of this name draws real values from. */
function poolFor(name: string, schema: JsonSchema, pools: Pools): readonly (string | number)[] | undefined {
  const lower = name.toLowerCase();
  if (schema.format === 'uuid' || lower === 'id' || lower.endsWith('id') || lower.endsWith('ids')) {
    if (lower.startsWith('officer')) return pools.officerId;
    if (lower.startsWith('user') || lower === 'actor') return pools.userId;
    if (lower.startsWith('grant')) return pools.grantId;
    if (lower.startsWith('case') || lower === 'openedfrom' || lower === 'targetid') return pools.caseId;
    if (lower.startsWith('deadline')) return pools.deadlineId;
    if (lower.startsWith('conflict')) return pools.grantId;
    if (lower.startsWith('source')) return pools.sourceId;
    if (lower === 'id') return [...(pools.userId ?? []), ...(pools.officerId ?? []), ...(pools.caseId ?? []), ...(pools.grantId ?? [])];
  }
  if (lower === 'itemno' || lower === 'no') return pools.itemNo;
  if (lower === 'n' || lower === 'version' || lower === 'expectedversion' || lower === 'expectedrevision') return pools.version;
  if (['org', 'orgcode', 'code', 'parentcode'].includes(lower)) return pools.orgCode;
  if (lower === 'username') return pools.username;
  if (lower.includes('password')) return pools.password;
  if (lower === 'edition') return pools.edition;
  if (lower === 'action') return pools.caseAction;
  if (lower === 'role') return pools.role;
  if (['from', 'to', 'date', 'start', 'end'].includes(lower) || /on$/.test(name)) return pools.date;
  if (lower === 'year') return pools.year;
  return undefined;
}

/** Arbitraries by pools (one world's ids), schema and field name: every world draws from its own ids. */
const arbitraryCache = new WeakMap<Pools, WeakMap<JsonSchema, Map<string, fc.Arbitrary<unknown>>>>();

function isoDate(min = '1990-01-01', max = '2040-12-31') {
  return fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
}

function stringFromSchema(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') return isoDate().map((d) => d.toISOString());
  if (schema.format === 'date' || schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return isoDate().map((d) => d.toISOString().slice(0, 10));
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200);
    } catch {
      // a pattern fast-check cannot generate from: fall through to plain strings
    }
  }
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc
      .constantFrom('执法检查', '柳州市国家保密局', '某科技有限公司', '依据《中华人民共和国保守国家秘密法》第十七条')
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY)),
  );
}

function integerFromSchema(schema: JsonSchema): fc.Arbitrary<number> {
  let min = schema.minimum ?? -1000;
  if (schema.exclusiveMinimum === true) min += 1;
  else if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + 1;
  let max = Math.min(schema.maximum ?? 10_000, Math.max(min, 10_000));
  if (schema.exclusiveMaximum === true) max -= 1;
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max: Math.max(min, Math.min(max, min + 100)) }) },
    fc.integer({ min, max: Math.max(min, max) }),
  );
}

/** Values (mostly) valid for the schema, with real identifiers where the field's name says which. */
export function valueFromSchema(schema: JsonSchema, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  let bySchema = arbitraryCache.get(pools);
  if (bySchema === undefined) {
    bySchema = new WeakMap();
    arbitraryCache.set(pools, bySchema);
  }
  let byName = bySchema.get(schema);
  if (byName === undefined) {
    byName = new Map();
    bySchema.set(schema, byName);
  }
  const cached = byName.get(name);
  if (cached) return cached;
  const made = makeValue(schema, name, pools, depth);
  byName.set(name, made);
  return made;
}

function makeValue(schema: JsonSchema, name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((s) => valueFromSchema(s, name, pools, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return valueFromSchema(schema.allOf[0] as JsonSchema, name, pools, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valueFromSchema({ ...schema, type }, name, pools, depth + 1)));
  const type = types[0];
  const pool = poolFor(name, schema, pools);
  const pooled = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    pool && pool.length > 0 && type !== 'array' && type !== 'object'
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: arb })
      : arb;
  switch (type) {
    case 'string':
      return pooled(stringFromSchema(schema));
    case 'integer':
      return pooled(integerFromSchema(schema));
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = schema.items ? valueFromSchema(schema.items, singular(name), pools, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      const minLength = schema.minItems ?? 0;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      if (keys.length === 0 || depth > 6) return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 });
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) record[key] = valueFromSchema(properties[key] as JsonSchema, key, pools, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)) });
    }
    default:
      return pooled(fc.jsonValue({ maxDepth: 2 }));
  }
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}

// ---------------------------------------------------------------------------------------------
// Mutations of a JSON value

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: nastyValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: nastyKey, value: nastyValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }) },
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number } | { parent: null; key: null };

function slotsOf(value: unknown, out: Slot[] = [{ parent: null, key: null }]): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ parent: value, key: i });
      slotsOf(v, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push({ parent: value as Record<string, unknown>, key });
      slotsOf((value as Record<string, unknown>)[key], out);
    }
  }
  return out;
}

function containersOf(value: unknown, out: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (Array.isArray(value)) {
    out.push(value);
    for (const v of value) containersOf(v, out);
  } else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) containersOf(v, out);
  }
  return out;
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) ownKey(copy, key, clone((value as Record<string, unknown>)[key]));
    return copy;
  }
  return value;
}

/** The value with the mutations applied (each picks its place by index modulo the places there are). */
export function applyMutations(value: unknown, mutations: readonly Mutation[]): unknown {
  let root = clone(value);
  for (const m of mutations) {
    if (m.kind === 'add') {
      const containers = containersOf(root);
      const target = containers[m.at % Math.max(containers.length, 1)];
      if (target === undefined) root = ownKey({}, m.key, clone(m.value));
      else if (Array.isArray(target)) target.splice(m.at % (target.length + 1), 0, clone(m.value));
      else ownKey(target, m.key, clone(m.value));
      continue;
    }
    const slots = slotsOf(root);
    const slot = slots[m.at % slots.length] as Slot;
    const current = slot.parent === null ? root : (slot.parent as Record<string, unknown>)[slot.key as string];
    const next = m.kind === 'replace' ? clone(m.value) : m.kind === 'wrap' ? [current] : undefined;
    if (slot.parent === null) root = m.kind === 'delete' ? undefined : next;
    else if (m.kind === 'delete') {
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
    } else if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = next;
    else ownKey(slot.parent, slot.key as string, next);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Requests

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8'];
const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'multipart/form-data',
  'application/xml',
  'application/json; charset=gbk',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/json, text/plain',
  'image/png',
  ';;;',
];

const RAW_TEXTS = [
  '',
  '{',
  '{"a":',
  '[1,2',
  'null',
  '"text"',
  '123',
  '{"a":1}{"b":2}',
  'NaN',
  "{'a':1}",
  '{"a":1,}',
  '\uFEFF{}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1e999999}',
  '{"a":-0}',
  '{"a":123456789012345678901234567890}',
  'a=1&b=2',
  '<xml/>',
];

const INVALID_UTF8 = ['7b2261223a22ff22fe7d', '7b2261223a22c0af227d', '7b2261223a22eda080227d', 'fffe7b007d00', 'efbbbf7b7d', '80818283'];

function jsonBodyArb(schema: JsonSchema, pools: Pools): fc.Arbitrary<FuzzBody> {
  const value = valueFromSchema(schema, 'body', pools);
  const json = (v: fc.Arbitrary<unknown>) =>
    fc.record({ kind: fc.constant('json' as const), value: v, contentType: fc.constantFrom(...JSON_TYPES) });
  return fc.oneof(
    { weight: 9, arbitrary: json(value) },
    {
      weight: 7,
      arbitrary: json(fc.tuple(value, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([v, ms]) => applyMutations(v, ms))),
    },
    { weight: 4, arbitrary: exoticBodyArb(value) },
  );
}

function exoticBodyArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  return fc.oneof(
    fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom(...RAW_TEXTS), contentType: fc.constantFrom(...JSON_TYPES) }),
    fc.record({
      kind: fc.constant('text' as const),
      text: value.map((v) => JSON.stringify(v) ?? ''),
      contentType: fc.option(fc.constantFrom(...WRONG_TYPES), { nil: null }),
    }),
    fc.record({
      kind: fc.constant('bytes' as const),
      hex: fc.constantFrom(...INVALID_UTF8),
      repeat: fc.constant(1),
      contentType: fc.option(fc.constantFrom(...JSON_TYPES), { nil: null }),
    }),
    fc.record({
      kind: fc.constant('deep' as const),
      depth: fc.constantFrom(100, 5_000, 100_000),
      open: fc.constantFrom('[' as const, '{"a":' as const),
      contentType: fc.constant('application/json'),
    }),
    // Just over the 1 MiB body limit: a 413, never the body parsed.
    fc.constant<FuzzBody>({ kind: 'bytes', hex: '20', repeat: 1024 * 1024 + 16, contentType: 'application/json' }),
    fc.constant<FuzzBody>({ kind: 'json', value: { big: 'z'.repeat(1024 * 1024) }, contentType: 'application/json' }),
  );
}

function noBodyArb(): fc.Arbitrary<FuzzBody> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) },
    { weight: 2, arbitrary: exoticBodyArb(fc.jsonValue({ maxDepth: 2 })) },
  );
}

/** Cells of the bundled list, mutated a little: what the upload receives. */
function multipartArb(sample: string): fc.Arbitrary<FuzzBody> {
  const content = fc.oneof(
    { weight: 2, arbitrary: fc.constant(sample) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.nat({ max: sample.length }),
          fc.nat({ max: sample.length }),
          fc.constantFrom('', '\t', '\n', '"', '<b>', '序号', '\uFFFD', '{'),
        )
        .map(([a, b, insert]) => sample.slice(0, Math.min(a, b)) + insert + sample.slice(Math.max(a, b))),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom('{"title":"x","items":[]}', '{"title":1}', 'PK\u0003\u0004garbage', '') },
  );
  return fc.record({
    kind: fc.constant('multipart' as const),
    fileName: fc.constantFrom('list.tsv', 'list.xlsx', 'list.json', 'list.xls', '../../etc/passwd', '', '名单.txt', 'a\u0000.tsv'),
    field: fc.constantFrom('file', 'file', 'file', 'upload', ''),
    content,
    fields: fc.oneof(
      fc.constant({ dryRun: 'true' }),
      fc.constant({}),
      fc.record({ dryRun: fc.constantFrom('true', 'false', 'yes', ''), org: fc.constantFrom('lz', 'gl', 'fzv', 'nope', '', '../x', 'LZ') }),
    ),
  });
}

/** Percent-encoding that also takes lone surrogates (as the invalid UTF-8 bytes of their code unit). */
export function encodeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // a lone surrogate: encode character by character below
  }
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** `caseId` for the `{id}` of `/cases/{id}`: which pool a path parameter draws from. */
export function contextualName(path: string, param: string): string {
  if (param !== 'id') return param;
  const before = path.split(`/{${param}}`)[0]?.split('/').pop() ?? '';
  const names: Record<string, string> = { cases: 'caseId', users: 'userId', officers: 'officerId', grants: 'grantId' };
  return names[before] ?? param;
}

/** One path segment: a real identifier, random text, or something hostile — percent-encoded or raw. */
function pathSegmentArb(param: OperationParameter, pools: Pools): fc.Arbitrary<string> {
  const valid = valueFromSchema(param.schema, param.name, pools).map((v) => encodeText(String(v)));
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((v) => encodeText(v)) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 200)).map((v) => encodeText(v)) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        '..',
        '.',
        '..%2F..%2Fetc%2Fpasswd',
        '%2e%2e',
        '%00',
        '%',
        '%ZZ',
        '%C0%AE',
        '%FF%FE',
        '%E5%90',
        '%u0041',
        '99999999999999999999',
        '9'.repeat(400),
        '-1',
        '0',
        '1.5',
        '1e3',
        '0x10',
        'NaN',
        'Infinity',
        '%20',
        '+',
        'a;b=c',
        'a?b',
        '%3F%23',
        'x'.repeat(10_005),
      ),
    },
  );
}

function queryArb(params: OperationParameter[], pools: Pools): fc.Arbitrary<string> {
  const one = (param: OperationParameter) =>
    fc.oneof(
      { weight: 5, arbitrary: valueFromSchema(param.schema, param.name, pools).map((v) => `${param.name}=${encodeText(String(v))}`) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 200)).map((v) => `${param.name}=${encodeText(v)}`),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(valueFromSchema(param.schema, param.name, pools), { minLength: 2, maxLength: 3 })
          .map((vs) => vs.map((v) => `${param.name}=${encodeText(String(v))}`).join('&')),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(`${param.name}`, `${param.name}=`, `${param.name}=%`, `${param.name}[]=1`, `${param.name}[a]=1`),
      },
    );
  const declared = params.map((param) => fc.option(one(param), { nil: null, freq: param.required ? 10 : 2 }));
  const extras = fc.array(
    fc.constantFrom(
      '__proto__[polluted]=yes',
      'constructor[prototype][polluted]=yes',
      '__proto__=1',
      'x=%ZZ',
      '=1',
      '&&&',
      'a=1;b=2',
      `long=${'q'.repeat(10_005)}`,
      'limit=-1',
      'offset=999999999999',
      'page=0',
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...declared), extras).map(([parts, extra]) => {
    const all = [...parts.filter((p): p is string => p !== null), ...extra];
    return all.length > 0 ? `?${all.join('&')}` : '';
  });
}

const authArb: fc.Arbitrary<AuthVariant> = fc.oneof(
  { weight: 14, arbitrary: fc.constant('as-is' as const) },
  {
    weight: 6,
    arbitrary: fc.constantFrom<AuthVariant>(
      'no-csrf',
      'forged-csrf',
      'foreign-csrf',
      'no-cookie',
      'bad-cookie',
      'two-cookies',
      'junk-cookie-header',
      'huge-cookie',
    ),
  },
);

const headerArb: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        accept: fc.constantFrom('text/html', '*/*', 'application/xml', 'application/problem+json', ''),
        'x-forwarded-for': fc.constantFrom('127.0.0.1', '::1, 10.0.0.1', 'garbage', ''),
        'accept-language': fc.constantFrom('en', 'zh-CN', '*;q=0'),
        origin: fc.constantFrom('https://evil.example', 'null'),
        'x-http-method-override': fc.constantFrom('DELETE', 'PUT'),
      },
      { requiredKeys: [] },
    ),
  },
);

export interface RequestArbitraryOptions {
  pools: Pools;
  /** text of the bundled list, for uploads */
  sampleList: string;
}

/** A request as a well-behaved client sends it: real identifiers, values of the schemas, the actor's own credentials. */
function wellFormedArbitrary(operation: Operation, options: RequestArbitraryOptions): fc.Arbitrary<FuzzRequest> {
  const { pools } = options;
  const segments = operation.pathParams.map((p) =>
    valueFromSchema(p.schema, contextualName(operation.path, p.name), pools).map((v) => encodeText(String(v))),
  );
  const path = fc.tuple(...segments).map((values) => {
    let i = 0;
    return operation.path.replace(/\{[^}]+\}/g, () => values[i++] ?? '');
  });
  const query = fc
    .tuple(
      ...operation.queryParams.map((param) =>
        fc.option(
          valueFromSchema(param.schema, param.name, pools).map((v) => `${param.name}=${encodeText(String(v))}`),
          { nil: null, freq: param.required ? 100 : 2 },
        ),
      ),
    )
    .map((parts) => {
      const present = parts.filter((p): p is string => p !== null);
      return present.length > 0 ? `?${present.join('&')}` : '';
    });
  const body: fc.Arbitrary<FuzzBody> = operation.multipart
    ? multipartArb(options.sampleList)
    : operation.jsonBody
      ? fc.record({
          kind: fc.constant('json' as const),
          value: valueFromSchema(operation.jsonBody, 'body', pools),
          contentType: fc.constant('application/json'),
        })
      : fc.constant<FuzzBody>({ kind: 'none' });
  return fc.record({
    method: fc.constant(operation.method),
    url: fc.tuple(path, query).map(([p, q]) => p + q),
    headers: fc.constant({}),
    auth: fc.constant('as-is' as const),
    body,
  });
}

/** Requests for one operation: half well-formed (to reach the use cases), half hostile. */
export function requestArbitrary(operation: Operation, options: RequestArbitraryOptions): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(wellFormedArbitrary(operation, options), hostileArbitrary(operation, options));
}

/** Requests with hostile parts: path, query, body, headers and credentials each mutated or not. */
function hostileArbitrary(operation: Operation, options: RequestArbitraryOptions): fc.Arbitrary<FuzzRequest> {
  const { pools } = options;
  const segments = operation.pathParams.map((p) => pathSegmentArb({ ...p, name: contextualName(operation.path, p.name) }, pools));
  const path = fc.tuple(...segments).map((values) => {
    let i = 0;
    return operation.path.replace(/\{[^}]+\}/g, () => values[i++] ?? '');
  });
  const body = operation.multipart
    ? fc.oneof({ weight: 3, arbitrary: multipartArb(options.sampleList) }, { weight: 1, arbitrary: noBodyArb() })
    : operation.jsonBody
      ? jsonBodyArb(operation.jsonBody, pools)
      : noBodyArb();
  return fc.record({
    method: fc.constant(operation.method),
    url: fc.tuple(path, queryArb(operation.queryParams, pools)).map(([p, q]) => p + q),
    headers: headerArb,
    auth: authArb,
    body,
  });
}

/** What `app.inject` needs to send the request as an actor with the given session. */
export function toInject(
  request: FuzzRequest,
  session: SignedIn | null,
  foreign: SignedIn | null,
): { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer } {
  const headers: Record<string, string> = { ...request.headers };
  const cookie = session ? `quanze_session=${session.token}` : null;
  const csrf = session?.csrfToken ?? null;
  switch (request.auth) {
    case 'as-is':
      if (cookie) headers.cookie = cookie;
      if (csrf) headers['x-csrf-token'] = csrf;
      break;
    case 'no-csrf':
      if (cookie) headers.cookie = cookie;
      break;
    case 'forged-csrf':
      if (cookie) headers.cookie = cookie;
      headers['x-csrf-token'] = csrf ? `${csrf.slice(0, -2)}AA` : 'forged';
      break;
    case 'foreign-csrf':
      if (cookie) headers.cookie = cookie;
      headers['x-csrf-token'] = foreign?.csrfToken ?? 'x';
      break;
    case 'no-cookie':
      if (csrf) headers['x-csrf-token'] = csrf;
      break;
    case 'bad-cookie':
      headers.cookie = 'quanze_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      if (csrf) headers['x-csrf-token'] = csrf;
      break;
    case 'two-cookies':
      headers.cookie = `quanze_session=bogus; ${cookie ?? 'quanze_session=other'}`;
      if (csrf) headers['x-csrf-token'] = csrf;
      break;
    case 'junk-cookie-header':
      headers.cookie = 'quanze_session=%E0%A4%A; =; ;;; a=b=c; quanze_session';
      if (csrf) headers['x-csrf-token'] = csrf;
      break;
    case 'huge-cookie':
      headers.cookie = `${cookie ?? 'x=y'}; pad=${'p'.repeat(8_000)}`;
      if (csrf) headers['x-csrf-token'] = csrf;
      break;
  }
  const body = request.body;
  const withType = (type: string | null) => {
    if (type !== null) headers['content-type'] = type;
  };
  switch (body.kind) {
    case 'none':
      return { method: request.method, url: request.url, headers };
    case 'json':
      withType(body.contentType);
      return { method: request.method, url: request.url, headers, payload: JSON.stringify(body.value) ?? '' };
    case 'text':
      withType(body.contentType);
      return { method: request.method, url: request.url, headers, payload: body.text };
    case 'bytes':
      withType(body.contentType);
      return {
        method: request.method,
        url: request.url,
        headers,
        payload:
          body.hex.length === 2
            ? Buffer.alloc(body.repeat, Number.parseInt(body.hex, 16))
            : Buffer.from(body.hex.repeat(body.repeat), 'hex'),
      };
    case 'deep': {
      const close = body.open === '[' ? ']' : '}';
      withType(body.contentType);
      return { method: request.method, url: request.url, headers, payload: `${body.open.repeat(body.depth)}1${close.repeat(body.depth)}` };
    }
    case 'multipart': {
      const boundary = '----quanzefuzz';
      const parts = Object.entries(body.fields).map(
        ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      );
      parts.push(
        `--${boundary}\r\nContent-Disposition: form-data; name="${body.field}"; filename="${body.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${body.content}\r\n--${boundary}--\r\n`,
      );
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      return { method: request.method, url: request.url, headers, payload: Buffer.from(parts.join('')) };
    }
  }
}

/** The request shortened for printing (long strings cut, with their length). */
export function describeRequest(request: FuzzRequest): string {
  return JSON.stringify(request, (_key, value) => {
    if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 120)}…(${value.length} chars)`;
    if (Array.isArray(value) && value.length > 50) return [...value.slice(0, 5), `…(${value.length} items)`];
    return value;
  });
}
