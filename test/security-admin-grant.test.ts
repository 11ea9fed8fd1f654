/**
 * Issue 9, the two ways around the administrators' second factor and 三员分立 found by the probe,
 * replayed over HTTP on the fixed build:
 *
 * - "A second factor skipped by a role grant": an ordinary account signs in, the security
 *   administrator grants it security-auditor, and the same session reads the audit log without any
 *   TOTP. Now the grant needs an owner-chosen password and an enrolled authenticator, and it ends
 *   the account's sessions: the next sign-in asks for the code.
 * - "三员分立 broken through the documented procedure": the system administrator creates an account
 *   with a password it chose, the security administrator grants it the auditor role, the system
 *   administrator signs in as it, enrols its own authenticator and reads the audit log. Now the
 *   grant is refused (and the refusal audited) while the password is the administrator's.
 *
 * Also from issue 8's review: the checks of assign-role and disable-user are made inside the
 * transaction they guard (an account disabled meanwhile is not granted a role).
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblem } from '../src/contracts/api.js';
import { ZLoginResponse } from '../src/contracts/auth.js';
import { ZUser } from '../src/contracts/users.js';
import type { ServiceContext } from '../src/services/context.js';
import { createAdminAccount } from '../src/services/users/create-admin-account.js';
import { createAccount, type SignedIn, signIn, systemContext, TEST_PASSWORD, uniqueName } from './helpers/access-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe.each(dialectsUnderTest())('administrator-role grants on %s', (dialect) => {
  let server: TestServer;
  let sys: ServiceContext;
  let now = new Date('2026-12-03T09:30:00.000Z');
  let sysAdmin: SignedIn;
  let security: SignedIn;

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock: () => now });
    sys = systemContext(server.db, { clock: () => now });
    const sa = await createAdminAccount(sys, { username: uniqueName('sys'), password: TEST_PASSWORD, role: 'system-admin' });
    const sec = await createAdminAccount(sys, { username: uniqueName('sec'), password: TEST_PASSWORD, role: 'security-admin' });
    sysAdmin = await signIn(sys, { id: sa.userId });
    security = await signIn(sys, { id: sec.userId });
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST', url: string, session: SignedIn | null, payload?: unknown) =>
    server.app.inject({ method, url, headers: session?.headers ?? {}, ...(payload !== undefined ? { payload: payload as string } : {}) });
  const grantAuditor = (userId: string) =>
    call('POST', '/api/v1/roles/grants', security, { userId, role: 'security-auditor', orgCode: 'lz', scope: 'subtree' });
  const loginAs = (username: string, password: string, totp?: string) =>
    server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
  const sessionOf = (response: Awaited<ReturnType<typeof loginAs>>): SignedIn => {
    const cookie = String(([] as string[]).concat(response.headers['set-cookie'] as string).find((c) => c.startsWith('quanze_session=')));
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    const body = ZLoginResponse.parse(response.json());
    if (body.status !== 'signed-in') throw new Error(`not signed in: ${body.status}`);
    return {
      token,
      csrfToken: body.session.csrfToken,
      headers: { cookie: `quanze_session=${token}`, 'x-csrf-token': body.session.csrfToken },
    };
  };
  const totpNow = (secret: string) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  /** The owner enrols an authenticator from the account settings; returns its secret. */
  async function enrolTotp(session: SignedIn): Promise<string> {
    const { secret } = (await call('POST', '/api/v1/account/totp', session)).json() as { secret: string };
    const confirmed = await call('POST', '/api/v1/account/totp/confirm', session, { code: await totpNow(secret) });
    expect(confirmed.statusCode).toBe(200);
    advance(30_000);
    return secret;
  }

  it('三员分立 procedure: an account whose password the system administrator chose is not made an auditor', async () => {
    // 1. The system administrator creates the account with a password it chose.
    const username = uniqueName('shadow');
    const created = await call('POST', '/api/v1/users', sysAdmin, {
      username,
      displayName: '影子审计员',
      orgCode: 'lz',
      password: TEST_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const user = ZUser.parse(created.json());
    // 2. The security administrator grants it the auditor role: refused, with the reason.
    const refused = await grantAuditor(user.id);
    expect(refused.statusCode).toBe(409);
    const problem = ZProblem.parse(refused.json());
    expect(problem.detail).toContain('本人');
    // 3. So the system administrator's sign-in as it reaches nothing of the auditor's.
    const asShadow = sessionOf(await loginAs(username, TEST_PASSWORD));
    expect((await call('GET', '/api/v1/audit/records', asShadow)).statusCode).toBe(403);
    // The refusal is on the record.
    const audit = await server.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'role.grant-refused')
      .where('target_id', '=', user.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ role: 'security-auditor' });
  });

  it('三员分立, reordered: the system administrator changing the password and enrolling its own authenticator first does not help', async () => {
    const username = uniqueName('shadow');
    const created = ZUser.parse(
      (
        await call('POST', '/api/v1/users', sysAdmin, { username, displayName: '影子审计员乙', orgCode: 'lz', password: TEST_PASSWORD })
      ).json(),
    );
    // The system administrator signs in as the account, replaces the password and enrols a phone of its own …
    const asShadow = sessionOf(await loginAs(username, TEST_PASSWORD));
    const newPassword = `${TEST_PASSWORD}-换掉`;
    expect((await call('POST', '/api/v1/account/password', asShadow, { currentPassword: TEST_PASSWORD, newPassword })).statusCode).toBe(
      200,
    );
    await enrolTotp(sessionOf(await loginAs(username, newPassword)));
    // … which looks exactly like the owner doing it; the account was given a password by an administrator, so: refused.
    const refused = await grantAuditor(created.id);
    expect(refused.statusCode).toBe(409);
    expect(ZProblem.parse(refused.json()).detail).toContain('邀请链接');
  });

  it('second factor: an ordinary session does not become an auditor’s; the grant ends it and the next sign-in asks for the code', async () => {
    const person = await createAccount(sys, {});
    const first = sessionOf(await loginAs(person.username, person.password));
    // Without an authenticator of its own the account cannot be given an administrator role at all.
    expect((await grantAuditor(person.id)).statusCode).toBe(409);
    expect((await call('GET', '/api/v1/audit/records', first)).statusCode).toBe(403);

    // The owner (who chose the password) enrols an authenticator; now the grant goes through …
    const secret = await enrolTotp(first);
    expect((await grantAuditor(person.id)).statusCode).toBe(201);
    // … and ends the sessions the account had: the old session reads nothing.
    expect((await call('GET', '/api/v1/audit/records', first)).statusCode).toBe(401);
    // The next sign-in asks for the code before anything is opened.
    expect(ZLoginResponse.parse((await loginAs(person.username, person.password)).json()).status).toBe('totp-required');
    const withCode = sessionOf(await loginAs(person.username, person.password, await totpNow(secret)));
    expect((await call('GET', '/api/v1/audit/records', withCode)).statusCode).toBe(200);
  });

  it('refuses the grant to an account an administrator has reset the password of', async () => {
    const person = await createAccount(sys, {});
    const session = sessionOf(await loginAs(person.username, person.password));
    await enrolTotp(session);
    const reset = await call('POST', `/api/v1/users/${person.id}/password`, sysAdmin, { password: `${TEST_PASSWORD}-重置` });
    expect(reset.statusCode).toBe(200);
    expect((await grantAuditor(person.id)).statusCode).toBe(409);
  });

  it('checks inside the transaction: an account disabled meanwhile is neither granted a role nor disabled twice', async () => {
    const person = await createAccount(sys, {});
    await enrolTotp(sessionOf(await loginAs(person.username, person.password)));
    // Both requests at once: the grant's checks must see the disabling, whichever commits first.
    const [disabled, granted] = await Promise.all([
      call('POST', `/api/v1/users/${person.id}/disable`, sysAdmin),
      call('POST', '/api/v1/roles/grants', security, { userId: person.id, role: 'officer', orgCode: 'lz', scope: 'organisation' }),
    ]);
    expect(disabled.statusCode).toBe(200);
    const grants = await server.db.selectFrom('role_grants').select('id').where('user_id', '=', person.id).execute();
    const status = await server.db.selectFrom('users').select('status').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(status.status).toBe('disabled');
    // Either the grant came first (201, then the disabling) or it saw the disabled account (409).
    expect([201, 409]).toContain(granted.statusCode);
    expect(grants.length).toBe(granted.statusCode === 201 ? 1 : 0);
    const again = await call('POST', `/api/v1/users/${person.id}/disable`, sysAdmin);
    expect(again.statusCode).toBe(409);
  });

  it('disabling an administrator is audited prominently, naming the role, for the third administrator to see', async () => {
    const auditor = await createAdminAccount(sys, { username: uniqueName('aud'), password: TEST_PASSWORD, role: 'security-auditor' });
    expect((await call('POST', `/api/v1/users/${auditor.userId}/disable`, sysAdmin)).statusCode).toBe(200);
    const rows = await server.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', auditor.userId).execute();
    const alert = rows.find((r) => r.action === 'user.disable-administrator');
    expect(alert).toBeDefined();
    expect(JSON.parse(alert?.details ?? '{}')).toMatchObject({ roles: ['security-auditor'] });
  });
});
