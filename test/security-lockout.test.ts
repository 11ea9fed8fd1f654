/**
 * Issue 9, the lockout race: 60 concurrent sign-ins to one account, the right password at
 * position 30. Before the fix every attempt read "0 failures", all 60 passwords were verified and
 * the 30th signed in. Now an attempt is counted (atomically, in a transaction that locks the
 * account row) before its password is verified, so at most FREE_LOGIN_ATTEMPTS passwords are ever
 * checked while the account is being guessed at. Verified attempts are counted from the audit log:
 * each one leaves either a `session.login-failed` (bad-password) or a `session.login` record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_LOGIN_ATTEMPTS } from '../src/domain/access/password-policy.js';
import { DomainError } from '../src/domain/errors.js';
import { login } from '../src/services/auth/login.js';
import { createContext, type ServiceContext } from '../src/services/context.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { createAccount, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

describe.each(dialectsUnderTest())('sign-in lockout under concurrency on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  const now = new Date('2026-12-03T09:30:00.000Z');

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    sys = systemContext(database.db, { clock: () => now });
    await seedOrganisations(sys);
  });
  afterAll(() => database.destroy());

  it('verifies at most five passwords of 60 concurrent attempts, and the right one at position 30 does not get in', async () => {
    const account = await createAccount(sys, {});
    const attempts = Array.from({ length: 60 }, (_, i) => {
      // Each attempt from its own client address, as in the probe (under the per-address limit).
      const ctx = createContext(database.db, undefined, {
        clock: () => now,
        request: { requestId: `race-${i}`, sourceIp: `203.0.113.${i + 1}`, userAgent: 'probe' },
      });
      const password = i === 29 ? account.password : `wrong-password-${i}-xyz`;
      return login(ctx, { username: account.username, password }).then(
        (result) => ({ ok: true as const, status: result.status }),
        (error: unknown) => ({ ok: false as const, code: error instanceof DomainError ? error.code : String(error) }),
      );
    });
    const results = await Promise.all(attempts);
    const signedIn = results.filter((r) => r.ok && r.status === 'signed-in').length;
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', account.id)
      .where('action', 'in', ['session.login-failed', 'session.login-refused'])
      .execute();
    const verifiedFailures = rows.filter(
      (r) => r.action === 'session.login-failed' && JSON.parse(r.details).reason === 'bad-password',
    ).length;
    expect(signedIn + verifiedFailures).toBeLessThanOrEqual(FREE_LOGIN_ATTEMPTS);
    // The 30th attempt comes long after the fifth failure: it is refused like the others.
    expect(results[29]).toMatchObject({ ok: false });
    expect(signedIn).toBe(0);
    // Every attempt is accounted for in the audit log: verified and failed, or refused while locked.
    expect(rows.length).toBe(60);
    // A locked account answers exactly like a wrong password (no enumeration oracle): 401, one code.
    expect(new Set(results.map((r) => (r.ok ? r.status : r.code)))).toEqual(new Set(['unauthenticated']));
  });
});
