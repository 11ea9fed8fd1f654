import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { createTotpSecret, totpUri, verifyTotp } from './totp.js';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" in Base32; its 8-digit codes end in
// the 6-digit codes below (94287082 → 287082 at T = 59 s, 07081804 → 081804 at T = 1111111109 s).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('verifyTotp', () => {
  it('accepts the RFC 6238 test vectors', async () => {
    expect(await verifyTotp({ secret: RFC_SECRET, token: '287082', now: at(59) })).toEqual({ valid: true, timeStep: 1 });
    expect(await verifyTotp({ secret: RFC_SECRET, token: '081804', now: at(1111111109) })).toMatchObject({ valid: true });
  });

  it('accepts one step either side and nothing further', async () => {
    const t = 1111111109; // the last second of its 30-second step
    expect((await verifyTotp({ secret: RFC_SECRET, token: '081804', now: at(t + 30) })).valid).toBe(true);
    expect((await verifyTotp({ secret: RFC_SECRET, token: '081804', now: at(t - 30) })).valid).toBe(true);
    expect((await verifyTotp({ secret: RFC_SECRET, token: '081804', now: at(t + 31) })).valid).toBe(false);
    expect((await verifyTotp({ secret: RFC_SECRET, token: '081804', now: at(t - 60) })).valid).toBe(false);
  });

  it('refuses a code already used (replay) and malformed input, tolerates spaces', async () => {
    const first = await verifyTotp({ secret: RFC_SECRET, token: '287 082', now: at(59) });
    expect(first.valid).toBe(true);
    const replay = await verifyTotp({
      secret: RFC_SECRET,
      token: '287082',
      now: at(59),
      lastUsedTimeStep: first.valid ? first.timeStep : null,
    });
    expect(replay.valid).toBe(false);
    expect((await verifyTotp({ secret: RFC_SECRET, token: '28708', now: at(59) })).valid).toBe(false);
    expect((await verifyTotp({ secret: RFC_SECRET, token: 'abcdef', now: at(59) })).valid).toBe(false);
  });

  it('round-trips a fresh secret with a code generated at a fixed clock', async () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const epoch = 1_795_000_000;
    const token = await generate({ secret, epoch });
    expect((await verifyTotp({ secret, token, now: at(epoch) })).valid).toBe(true);
    expect((await verifyTotp({ secret: createTotpSecret(), token, now: at(epoch) })).valid).toBe(false);
  });
});

describe('totpUri', () => {
  it('names Quanze as issuer and carries the secret', () => {
    const uri = totpUri({ secret: RFC_SECRET, accountName: 'zhangsan' });
    expect(uri.startsWith('otpauth://totp/Quanze:zhangsan?')).toBe(true);
    const params = new URL(uri).searchParams;
    expect(params.get('secret')).toBe(RFC_SECRET);
    expect(params.get('issuer')).toBe('Quanze');
  });
});
