/**
 * Input hygiene at the boundary (issue 9): every string of a JSON body, the query and the path
 * parameters is stripped of control characters before the route's zod schema sees it, and refused
 * when it is longer than any text field of ours needs to be. NUL and terminal control characters
 * stored in names reached the terminal through `quanze audit verify`; an edition note of 200,000
 * characters was accepted. Field-specific limits stay in the contracts; this is the floor under them.
 *
 * Kept: tab, line feed and carriage return (multi-line notes). Removed: the other C0 controls, DEL,
 * the C1 controls, and the bidirectional overrides and isolates (text that displays other than it
 * reads: "Trojan Source").
 */
import type { FastifyRequest } from 'fastify';
import { DomainError, ERROR_CODES, type FieldIssue } from '../domain/errors.js';

/** The longest text any single field may carry. */
export const MAX_TEXT_FIELD_CHARS = 10_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control characters (see above). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * The deepest nesting of arrays and objects a request may carry. No contract of ours nests half as
 * deep; a body of 5,000 nested arrays (well under the body limit) overflowed the stack here and
 * answered 500.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * Half of a UTF-16 surrogate pair without the other half: no character at all. JSON may carry one
 * (`"\ud800"`), but it has no UTF-8 form, and the audit log's canonical JSON refuses it — a name
 * holding one answered 500 at the audit record.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_MESSAGE = '含有无效字符（不成对的 UTF-16 代理项）。';

/** Cleans every string of a parsed JSON value in place; returns the issues of over-long or invalid strings and too deep nesting. */
export function cleanValue(value: unknown, path: (string | number)[], issues: FieldIssue[]): unknown {
  if (path.length > MAX_NESTING_DEPTH && value !== null && typeof value === 'object') {
    issues.push({ path, message: `嵌套层级过深：最多 ${MAX_NESTING_DEPTH} 层。` });
    return value;
  }
  if (typeof value === 'string') {
    const clean = stripControlCharacters(value);
    if (LONE_SURROGATE.test(clean)) issues.push({ path, message: `文字${LONE_SURROGATE_MESSAGE}` });
    if (clean.length > MAX_TEXT_FIELD_CHARS) {
      issues.push({ path, message: `文字过长：最多 ${MAX_TEXT_FIELD_CHARS} 个字符，实际 ${clean.length} 个。` });
    }
    return clean;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanValue(value[i], [...path, i], issues);
    return value;
  }
  const proto = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  // Plain objects only (a query string parses to a null-prototype one); never a stream or a Buffer.
  if (proto === Object.prototype || proto === null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (LONE_SURROGATE.test(key)) issues.push({ path: [...path, key], message: `字段名${LONE_SURROGATE_MESSAGE}` });
      record[key] = cleanValue(record[key], [...path, key], issues);
    }
    return value;
  }
  return value;
}

/** preValidation hook: cleans body, query and params; refuses over-long or invalid text and too deep nesting with 400 and the field paths. */
export async function inputHygieneHook(request: FastifyRequest): Promise<void> {
  const issues: FieldIssue[] = [];
  request.body = cleanValue(request.body, ['body'], issues);
  request.query = cleanValue(request.query, ['query'], issues);
  request.params = cleanValue(request.params, ['params'], issues);
  if (issues.length > 0) {
    const tooDeep = issues.some((issue) => issue.path.length > MAX_NESTING_DEPTH);
    const invalid = issues.some((issue) => issue.message.endsWith(LONE_SURROGATE_MESSAGE));
    const message = tooDeep
      ? `请求内容嵌套层级过深：最多 ${MAX_NESTING_DEPTH} 层。`
      : invalid
        ? `请求中的文字${LONE_SURROGATE_MESSAGE}`
        : `文字过长：每个字段最多 ${MAX_TEXT_FIELD_CHARS} 个字符。`;
    throw new DomainError(ERROR_CODES.validation, message, { issues });
  }
}
