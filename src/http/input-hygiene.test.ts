/** Regression tests of the input hygiene found by the endpoint fuzzer (test/fuzz). */
import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../domain/errors.js';
import { cleanValue, MAX_NESTING_DEPTH } from './input-hygiene.js';

function nested(depth: number): unknown {
  return JSON.parse(`${'['.repeat(depth)}"a\\u0000b"${']'.repeat(depth)}`);
}

describe('cleanValue', () => {
  it('refuses nesting deeper than the limit instead of overflowing the stack (a body of 5,000 nested arrays answered 500)', () => {
    for (const depth of [MAX_NESTING_DEPTH + 1, 5_000, 100_000]) {
      const issues: FieldIssue[] = [];
      expect(() => cleanValue(nested(depth), ['body'], issues)).not.toThrow();
      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toContain('嵌套层级过深');
      expect(issues[0]?.path.length).toBe(MAX_NESTING_DEPTH + 1);
    }
  });

  it('still cleans every string of a value nested as deep as allowed', () => {
    const issues: FieldIssue[] = [];
    let value = cleanValue(nested(MAX_NESTING_DEPTH), ['body'], issues);
    expect(issues).toEqual([]);
    for (let i = 0; i < MAX_NESTING_DEPTH; i++) value = (value as unknown[])[0];
    expect(value).toBe('ab');
  });

  it('refuses half a surrogate pair in a value or a key (it reached the audit hash and answered 500), keeps whole pairs', () => {
    const issues: FieldIssue[] = [];
    cleanValue({ partyId: '\udfff\ud800', name: 'a\ud800', [`k\udc00`]: 1, ok: '𠀀🧨' }, ['body'], issues);
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['body.partyId', 'body.name', 'body.k\udc00']);
    expect(issues.every((issue) => issue.message.includes('代理项'))).toBe(true);
  });
});
