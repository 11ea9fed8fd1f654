/**
 * The canonical JSON form of a power list: what `catalog export --format json` writes and what an
 * import of a `.json` file reads. Writing is canonical (contract key order, 2-space indent, trailing
 * newline) so that equal lists give byte-identical files and diffs of exported files stay readable.
 */
import { z } from 'zod';
import { type TPowerList, ZPowerList } from '../contracts/power-list.js';
import { DomainError, ERROR_CODES, type FieldIssue, malformedFile } from '../domain/errors.js';

/** At most this many issues are kept on a validation error; a wholly wrong file would list thousands. */
const MAX_ISSUES = 100;
/** At most this many issues are spelled out in the error message. */
const ISSUES_IN_MESSAGE = 5;

/**
 * Parse and validate a power list in canonical JSON. Throws DomainError: `malformed-file` with line
 * and column for a JSON syntax error, `validation` with field paths (`items.0.duties.2.name`) when
 * the JSON does not match the contract.
 */
export function readPowerListJson(text: string): TPowerList {
  // editors on Windows like to start files with a byte-order mark, which JSON.parse rejects
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw jsonSyntaxError(source, error);
  }
  return validatePowerList(data);
}

/** Canonical JSON of a list: keys in contract order, 2-space indent, '\n' at the end. */
export function writePowerListJson(list: TPowerList): string {
  // parsing with the contract rebuilds every object in the schema's key order and drops extra keys
  return `${JSON.stringify(validatePowerList(list), null, 2)}\n`;
}

function validatePowerList(data: unknown): TPowerList {
  const result = ZPowerList.safeParse(data, { error: z.locales.zhCN().localeError });
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
  const total = result.error.issues.length;
  const shown = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${formatPath(issue.path)}：${issue.message}`)
    .join('；');
  const more = total > ISSUES_IN_MESSAGE ? `；另有 ${total - ISSUES_IN_MESSAGE} 处` : '';
  throw new DomainError(ERROR_CODES.validation, `权责清单 JSON 不符合格式要求（共 ${total} 处问题）：${shown}${more}。`, { issues });
}

/** `['items', 0, 'duties', 2, 'name']` → `items.0.duties.2.name`; the root is `（根）`. */
function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '（根）' : path.join('.');
}

// ── where a JSON syntax error is ─────────────────────────────────────────────────────────────

function jsonSyntaxError(source: string, cause: unknown): DomainError {
  const located = findJsonSyntaxError(source);
  if (located === null) {
    // JSON.parse failed where our scanner did not: keep its message, without a position
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new DomainError(ERROR_CODES.malformedFile, `文件不是有效的 JSON：${detail}`, { cause });
  }
  const { line, column } = lineAndColumn(source, located.offset);
  return malformedFile(`文件不是有效的 JSON：${located.reason}。`, line, column);
}

/** 1-based line and column of a UTF-16 offset; a column counts characters, not bytes. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

interface SyntaxProblem {
  offset: number;
  reason: string;
}

/** Thrown inside the scanner to unwind to its entry point. */
class ScanFailure extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.reason);
  }
}

/** Deeper nesting than this is reported rather than followed (the scanner recurses). */
const MAX_DEPTH = 512;

/**
 * Find the first JSON syntax error in `text` (RFC 8259) and say what is wrong in Chinese; null when
 * the text is valid. Only run after JSON.parse failed: Node 20's messages do not always carry a
 * position.
 */
export function findJsonSyntaxError(text: string): SyntaxProblem | null {
  let position = 0;

  const fail = (reason: string, at = position): never => {
    throw new ScanFailure({ offset: at, reason });
  };
  const unexpectedAt = (at: number): string => (at >= text.length ? '文件意外结束' : `此处不应出现“${text[at]}”`);
  const skipSpace = (): void => {
    while (position < text.length && ' \t\n\r'.includes(text[position] as string)) position += 1;
  };
  const expectLiteral = (literal: string): void => {
    if (text.startsWith(literal, position)) position += literal.length;
    else fail(unexpectedAt(position));
  };

  const scanString = (): void => {
    const start = position;
    position += 1; // opening quote
    while (position < text.length) {
      const char = text[position] as string;
      if (char === '"') {
        position += 1;
        return;
      }
      if (char === '\\') {
        const escaped = text[position + 1];
        if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) position += 2;
        else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) position += 6;
        else fail('字符串中有无效的转义序列');
      } else if (char.charCodeAt(0) < 0x20) {
        fail('字符串中不能直接出现换行或控制字符');
      } else {
        position += 1;
      }
    }
    fail('字符串缺少结束的双引号', start);
  };

  const scanNumber = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(position, position + 400));
    if (match === null || match[0] === '-' || match[0] === '') fail('无效的数字');
    position += (match as RegExpExecArray)[0].length;
  };

  const scanValue = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('嵌套层级过深');
    skipSpace();
    const char = text[position];
    if (char === '{') scanObject(depth);
    else if (char === '[') scanArray(depth);
    else if (char === '"') scanString();
    else if (char === 't') expectLiteral('true');
    else if (char === 'f') expectLiteral('false');
    else if (char === 'n') expectLiteral('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) scanNumber();
    else fail(position >= text.length ? '文件意外结束' : `此处应为一个值，却出现“${char}”`);
  };

  const scanObject = (depth: number): void => {
    position += 1;
    skipSpace();
    if (text[position] === '}') {
      position += 1;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[position] !== '"') fail(position >= text.length ? '文件意外结束' : '属性名应当用双引号括起（或此处多了一个逗号）');
      scanString();
      skipSpace();
      if (text[position] !== ':') fail(position >= text.length ? '文件意外结束' : '属性名后应为冒号“:”');
      position += 1;
      scanValue(depth + 1);
      skipSpace();
      if (text[position] === ',') {
        position += 1;
        continue;
      }
      if (text[position] === '}') {
        position += 1;
        return;
      }
      fail(position >= text.length ? '文件意外结束，缺少“}”' : '此处应为逗号“,”或“}”');
    }
  };

  const scanArray = (depth: number): void => {
    position += 1;
    skipSpace();
    if (text[position] === ']') {
      position += 1;
      return;
    }
    for (;;) {
      scanValue(depth + 1);
      skipSpace();
      if (text[position] === ',') {
        position += 1;
        continue;
      }
      if (text[position] === ']') {
        position += 1;
        return;
      }
      fail(position >= text.length ? '文件意外结束，缺少“]”' : '此处应为逗号“,”或“]”');
    }
  };

  try {
    scanValue(0);
    skipSpace();
    if (position < text.length) fail('JSON 内容结束后还有多余的字符');
    return null;
  } catch (thrown) {
    if (thrown instanceof ScanFailure) return thrown.problem;
    throw thrown;
  }
}
