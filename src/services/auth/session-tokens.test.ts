import { describe, expect, it } from 'vitest';
import { hashToken, isSessionExpired, newSessionToken, sessionStateAt } from './session-tokens.js';

describe('newSessionToken', () => {
  it('is 32 random bytes in base64url', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const many = new Set(Array.from({ length: 100 }, newSessionToken));
    expect(many.size).toBe(100);
  });
});

describe('hashToken', () => {
  it('is the SHA-256 hex of the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newSessionToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(newSessionToken()));
  });
});

describe('session expiry', () => {
  const timeouts = { idleMinutes: 30, absoluteHours: 12 };
  const session = { createdAt: new Date('2026-11-26T00:00:00.000Z'), lastSeenAt: new Date('2026-11-26T09:00:00.000Z') };

  it('ends a session at the instant the idle limit is reached', () => {
    expect(isSessionExpired(session, new Date('2026-11-26T09:29:59.999Z'), timeouts)).toBe(false);
    expect(sessionStateAt(session, new Date('2026-11-26T09:30:00.000Z'), timeouts)).toBe('idle-timeout');
  });

  it('ends a busy session at the absolute limit', () => {
    const busy = { ...session, lastSeenAt: new Date('2026-11-26T11:59:00.000Z') };
    expect(sessionStateAt(busy, new Date('2026-11-26T11:59:59.999Z'), timeouts)).toBe('active');
    expect(sessionStateAt(busy, new Date('2026-11-26T12:00:00.000Z'), timeouts)).toBe('absolute-timeout');
    expect(isSessionExpired(busy, new Date('2026-11-26T12:00:00.000Z'), timeouts)).toBe(true);
  });
});
