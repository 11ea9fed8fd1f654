import { describe, expect, it } from 'vitest';
import { checkPassword, isLockedOut, lockedUntil, lockoutDelay, MIN_PASSWORD_LENGTH } from './password-policy.js';

const commonPasswords = new Set(['password', 'woaini', 'woaini1314', '5201314', 'qwertyuiop', 'liuzhou', 'qwertyuiop123']);

function codes(password: string, username = 'zhangsan'): string[] {
  return checkPassword(password, { username, commonPasswords }).map((issue) => issue.code);
}

describe('checkPassword', () => {
  it('accepts a long password that is none of the listed things', () => {
    expect(codes('柳江 river-bridge 1987')).toEqual([]);
    expect(codes('correct horse battery staple')).toEqual([]);
  });

  it('requires at least 12 characters, counting Chinese characters as one each', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(codes('Tr0ub4dor&3')).toEqual(['too-short']);
    expect(codes('Tr0ub4dor&3x')).toEqual([]);
    // 6 characters but 18 UTF-8 bytes / 6 UTF-16 units: still too short
    expect(codes('柳州保密局好')).toContain('too-short');
    const issue = checkPassword('short', { username: 'u', commonPasswords })[0];
    expect(issue?.message).toContain('12');
  });

  it('refuses very long input', () => {
    expect(codes('x'.repeat(64) + 'y'.repeat(65))).toEqual(['too-long']);
  });

  it('refuses common passwords, also with digits and symbols appended or in l33t spelling', () => {
    expect(codes('qwertyuiop123')).toContain('common');
    expect(codes('QWERTYUIOP123')).toContain('common');
    expect(codes('woaini1314520')).toContain('common');
    expect(codes('Password2026!!')).toContain('common');
    expect(codes('P@ssw0rd2026!')).toContain('common');
    expect(codes('Liuzhou@2026!')).toContain('common');
  });

  it('does not flag a password merely because a short stem is common', () => {
    const withShort = new Set([...commonPasswords, 'abc', 'love']);
    const check = (pw: string) => checkPassword(pw, { username: 'u', commonPasswords: withShort }).map((i) => i.code);
    expect(check('abc!@#$%^&*()_+')).not.toContain('common');
    expect(check('love202611261987')).toContain('common');
  });

  it('refuses repeated characters, repeated short units and runs', () => {
    expect(codes('aaaaaaaaaaaa')).toContain('repetitive');
    expect(codes('abcabcabcabc')).toContain('repetitive');
    expect(codes('123456789012')).toContain('repetitive');
    expect(codes('abcdefghijkl')).toContain('repetitive');
    expect(codes('987654321098')).toContain('repetitive');
    expect(codes('abcdefghijkx')).not.toContain('repetitive');
  });

  it('refuses a password containing the username, ignoring case', () => {
    expect(codes('ZhangSan-is-here-2026', 'zhangsan')).toContain('contains-username');
    expect(codes('xy-horse-battery-staple', 'xy')).not.toContain('contains-username');
  });
});

describe('lockout', () => {
  it('waits nothing for the first four failures', () => {
    for (const failures of [0, 1, 2, 3, 4]) expect(lockoutDelay(failures)).toBe(0);
  });

  it('grows the delay from the fifth failure and caps it at an hour', () => {
    expect([5, 6, 7, 8, 9, 50].map(lockoutDelay)).toEqual([60, 300, 900, 3600, 3600, 3600]);
    for (let failures = 1; failures < 30; failures++) expect(lockoutDelay(failures)).toBeGreaterThanOrEqual(lockoutDelay(failures - 1));
  });

  it('locks the account until the delay after the last failure has passed', () => {
    const last = new Date('2026-11-26T08:00:00.000Z');
    expect(lockedUntil(6, last)?.toISOString()).toBe('2026-11-26T08:05:00.000Z');
    expect(lockedUntil(4, last)).toBeNull();
    const state = { failures: 6, lastFailureAt: last };
    expect(isLockedOut(state, new Date('2026-11-26T08:04:59.999Z'))).toBe(true);
    expect(isLockedOut(state, new Date('2026-11-26T08:05:00.000Z'))).toBe(false);
    expect(isLockedOut({ failures: 9, lastFailureAt: null }, last)).toBe(false);
  });
});
