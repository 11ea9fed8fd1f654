/**
 * What every answer of the API must satisfy, whatever was sent (issue 10):
 * - no 5xx;
 * - no stack trace, source path, SQL or internal error name in the body;
 * - every 4xx is RFC 9457 problem+json in the project's shape (src/contracts/api.ts ZProblem,
 *   written by src/http/error-handler.ts) whose `status` is the response's and whose detail is
 *   Chinese like every message of the product (not a framework's English);
 * - a 2xx is JSON, or a file where the operation serves one (the exports).
 *
 * Requests echo their own input back (a problem's `instance` is the request URL; a stored name comes
 * back in later listings), so text the fuzzer itself sent is removed before the leak patterns look.
 */
import { gunzipSync } from 'node:zlib';
import { ZProblem } from '../../src/contracts/api.js';
import { encodeText } from './request-arbitraries.js';

export const LEAK_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'stack frame', pattern: /\n\s+at [^\n]*\(|\bat (?:async )?[\w$.<>]+ \((?:file:|node:|\/)[^)]*:\d+:\d+\)/ },
  { name: 'source path', pattern: /(?:\/[\w.@-]+)+\.(?:ts|js|mjs|cjs)\b|node_modules|\bfile:\/\/\// },
  // Statements in capitals within one JSON string (a window, not across the body: `"from":` is a key of ours).
  {
    name: 'SQL',
    pattern: /\b(?:SELECT\s[^"]{0,200}?\bFROM\b|INSERT\s+INTO\b|DELETE\s+FROM\b|UPDATE\s+\S+\s+SET\b|CREATE\s+(?:TABLE|INDEX)\b)/,
  },
  {
    name: 'SQL error',
    pattern:
      /\bsqlite\b|SQLITE_\w+|syntax error at or near|relation "[^"]*" does not exist|violates [\w ]*constraint|duplicate key value|no such (?:table|column)|(?:UNIQUE|NOT NULL|FOREIGN KEY|CHECK) constraint failed/i,
  },
  {
    name: 'internal error',
    pattern:
      /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|EvalError|SqliteError|DatabaseError|ZodError|AggregateError|FST_ERR_\w+|ERR_[A-Z_]{4,})\b|Maximum call stack|Cannot read propert|is not a function|is not iterable|undefined is not|Unexpected token/,
  },
];

/** Words of the leak patterns: request text holding one is remembered, as its echo could complete a pattern. */
const LEAK_HINT =
  /SELECT|INSERT|UPDATE|DELETE|FROM|CREATE|sqlite|syntax|relation|constraint|duplicate|no such|Error|\bat\b|\.[cm]?[jt]s\b|node_modules|file:|FST_|ERR_|Cannot|undefined|Unexpected|Maximum|not a function|not iterable/i;

/** Text that could look like a leak, gathered from requests (their own echoes are no leak). */
export class EchoAllowance {
  private readonly texts = new Set<string>();
  private readonly seen = new Set<string>();
  private sorted: string[] = [];

  /** Remembers every string of the request that would trip a leak pattern. */
  learn(request: unknown): void {
    for (const text of stringsOf(request)) {
      if (this.seen.has(text)) continue;
      // Short texts repeat (the hostile lists); long ones would only fill memory.
      if (text.length <= 300) {
        if (this.seen.size > 20_000) this.seen.clear();
        this.seen.add(text);
      }
      // Only text with a word of a leak in it can be mistaken for (part of) one when it comes back.
      if (!LEAK_HINT.test(text) && !LEAK_HINT.test(safeDecode(text))) continue;
      for (const variant of variantsOf(text)) {
        if (variant.length >= 3 && !this.texts.has(variant) && LEAK_HINT.test(variant)) {
          this.texts.add(variant);
          this.sorted = [...this.texts].sort((a, b) => b.length - a.length);
        }
      }
    }
  }

  /** The body with every remembered text (raw, JSON-escaped, percent-encoded) removed. */
  strip(body: string): string {
    let out = body;
    for (const text of this.sorted) {
      if (out.includes(text)) out = out.split(text).join('');
    }
    return out;
  }
}

function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 80) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out, depth + 1);
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push(key);
      stringsOf((value as Record<string, unknown>)[key], out, depth + 1);
    }
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the input hygiene removes these before the text is stored
const STRIPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function variantsOf(text: string): string[] {
  const decoded = safeDecode(text);
  const cleaned = decoded.replace(STRIPPED, '');
  const escaped = JSON.stringify(cleaned).slice(1, -1);
  const pieces = [text, decoded, cleaned, escaped, cleaned.trim(), encodeText(cleaned)];
  // A URL's path and query travel in pieces too (a problem's `instance`, a 404's detail).
  for (const part of decoded.split(/[?&=/]/)) if (part.length >= 3) pieces.push(part, JSON.stringify(part).slice(1, -1));
  return [...new Set(pieces)];
}

export interface ResponseLike {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
}

/** Operations that answer a file rather than JSON. */
export function servesFile(operationKey: string): boolean {
  return /\/export$/.test(operationKey) || operationKey === 'GET /api/docs/json';
}

/** The violations of the oracles by one answer (empty when it is fine). */
export function checkResponse(operationKey: string, response: ResponseLike, echoes: EchoAllowance): string[] {
  const problems: string[] = [];
  const status = response.statusCode;
  const type = String(response.headers['content-type'] ?? '');
  if (status >= 500) problems.push(`status ${status}`);
  let payload = response.rawPayload;
  if (response.headers['content-encoding'] === 'gzip') payload = gunzipSync(payload);
  const binary = /spreadsheetml|zip|octet-stream|image\//.test(type);
  const text = binary ? '' : payload.toString('utf8');

  // Most bodies match no pattern at all; only those that do are searched for the fuzzer's own text.
  if (!binary && LEAK_PATTERNS.some(({ pattern }) => pattern.test(text))) {
    const stripped = echoes.strip(text);
    for (const { name, pattern } of LEAK_PATTERNS) {
      const match = pattern.exec(stripped);
      if (match) problems.push(`${name} in body: …${stripped.slice(Math.max(0, match.index - 60), match.index + 80)}…`);
    }
  }

  if (status >= 400) {
    if (!type.startsWith('application/problem+json')) problems.push(`${status} with content-type "${type}", not application/problem+json`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${status} body is not JSON: ${text.slice(0, 200)}`);
      return problems;
    }
    const parsed = ZProblem.safeParse(body);
    if (!parsed.success) problems.push(`${status} body is no problem document: ${text.slice(0, 200)}`);
    else {
      if (parsed.data.status !== status) problems.push(`problem status ${parsed.data.status} ≠ response status ${status}`);
      if (parsed.data.title.trim() === '' || parsed.data.type.trim() === '') problems.push('problem without type or title');
      // The people who read these speak Chinese (STYLE.md): a detail in English is a framework's message that slipped through.
      if (parsed.data.detail !== undefined && !/[\u4e00-\u9fff]/.test(parsed.data.detail)) {
        problems.push(`problem detail not in Chinese: ${parsed.data.detail.slice(0, 200)}`);
      }
    }
  } else if (status >= 200 && status < 300 && status !== 204 && !servesFile(operationKey)) {
    if (!type.startsWith('application/json')) problems.push(`${status} with content-type "${type}", expected JSON`);
    else {
      try {
        JSON.parse(text);
      } catch {
        problems.push(`${status} body is not JSON: ${text.slice(0, 200)}`);
      }
    }
  } else if (status >= 300 && status < 400) problems.push(`unexpected redirect ${status} to ${String(response.headers.location)}`);
  return problems;
}

/** Whether something polluted Object.prototype (a fuzzed __proto__ key that reached a merge). */
export function prototypePollution(): string | null {
  const keys = Object.getOwnPropertyNames(Object.prototype);
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || probe.isAdmin !== undefined) return `Object.prototype polluted: ${keys.join(', ')}`;
  return null;
}
