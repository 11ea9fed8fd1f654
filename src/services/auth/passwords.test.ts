import { hash as argon2Hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { checkNewPassword, hashPassword, loadCommonPasswords, needsRehash, parseCommonPasswords, verifyPassword } from './passwords.js';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id at the documented parameters and verifies only the right password', async () => {
    const stored = await hashPassword('柳江 river-bridge 1987');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword(stored, '柳江 river-bridge 1987')).toBe(true);
    expect(await verifyPassword(stored, '柳江 river-bridge 1988')).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).not.toBe(b);
  });

  it('answers false for an unknown account and for a malformed stored hash', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
  });

  it('asks for a rehash when the stored parameters differ from today', async () => {
    expect(needsRehash(await hashPassword('a long enough password'))).toBe(false);
    const weaker = await argon2Hash('a long enough password', { algorithm: 2, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('common passwords', () => {
  it('parses one password a line, skipping comments and blanks, lower-casing', () => {
    expect(parseCommonPasswords('# list\r\nPassword\n\n  qwerty  \n#x\n')).toEqual(new Set(['password', 'qwerty']));
  });

  it('ships about a thousand entries including well-known and pinyin favourites', () => {
    const list = loadCommonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(1000);
    for (const entry of ['123456', 'password', 'qwerty', 'woaini1314', '5201314', '1qaz2wsx', 'iloveyou']) {
      expect(list.has(entry), entry).toBe(true);
    }
    for (const entry of list) expect(entry).toBe(entry.toLowerCase());
  });

  it('checks new passwords against the bundled list', () => {
    expect(checkNewPassword('woaini1314520', 'liming').map((i) => i.code)).toContain('common');
    expect(checkNewPassword('1qaz2wsx3edc4rfv', 'liming').map((i) => i.code)).toContain('common');
    expect(checkNewPassword('brass lantern over the Liu river', 'liming')).toEqual([]);
  });
});
