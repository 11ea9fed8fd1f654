/**
 * Sign-in, sessions and the account API over HTTP, on every dialect: first-run setup through the
 * printed link, TOTP enrolment and entry, lockout, idle and absolute session timeouts (the server's
 * clock is moved), CSRF refusal, the password policy with field paths, 三员分立 through the API,
 * SQL metacharacters stored verbatim, 413 for oversized bodies — and every refusal as problem+json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { ZProblem } from '../src/contracts/api.js';
import { ZAuditSearchResponse } from '../src/contracts/audit.js';
import { ZLoginResponse, ZSessionInfo } from '../src/contracts/auth.js';
import { ZImportResponse } from '../src/contracts/powerlist-import.js';
import { ZUser } from '../src/contracts/users.js';
import type { ServiceContext } from '../src/services/context.js';
import { createAdminAccount } from '../src/services/users/create-admin-account.js';
import {
  createAccount,
  multipartBody,
  type SignedIn,
  signIn,
  systemContext,
  TEST_PASSWORD,
  uniqueName,
} from './helpers/access-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Asserts a problem+json answer with the status and returns it parsed. */
function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const problem = ZProblem.parse(response.json());
  expect(problem.status).toBe(status);
  expect(problem.detail).toBeTruthy();
  return problem;
}

function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : [String(header)];
  const cookie = cookies.find((c) => c.startsWith('quanze_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

describe.each(dialectsUnderTest())('accounts and sessions over HTTP on %s', (dialect) => {
  let server: TestServer;
  let sys: ServiceContext;
  let now = new Date('2026-11-26T02:00:00.000Z');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  const call = (
    method: Method,
    url: string,
    options: { session?: SignedIn | null; payload?: unknown; headers?: Record<string, string> } = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: { ...(options.session?.headers ?? {}), ...(options.headers ?? {}) },
      ...(options.payload !== undefined ? { payload: options.payload as string } : {}),
    });
  const loginAs = (username: string, password: string, totp?: string) =>
    call('POST', '/api/v1/auth/login', { payload: { username, password, ...(totp ? { totp } : {}) } });
  const totpAt = (secret: string) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
  /** A session from a login answer: the cookie, and the CSRF token the answer carried. */
  const sessionFrom = (response: { headers: Record<string, unknown>; json(): unknown }): SignedIn => {
    const token = sessionCookieOf(response).split(';')[0]?.split('=')[1] ?? '';
    const body = ZLoginResponse.parse(response.json());
    if (body.status !== 'signed-in') throw new Error('not signed in');
    return {
      token,
      csrfToken: body.session.csrfToken,
      headers: { cookie: `quanze_session=${token}`, 'x-csrf-token': body.session.csrfToken },
    };
  };

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock: () => now });
    sys = systemContext(server.db, { clock: () => now });
  });
  afterAll(() => server.close());

  it('first start: the printed one-time link creates the first system administrator, who must enrol TOTP', async () => {
    const link = server.setupLink;
    expect(link?.url).toMatch(/^http:\/\/localhost:\d+\/setup#token=[A-Za-z0-9_-]{43}$/);
    const token = link?.url.split('#token=')[1] as string;
    expect((await call('GET', '/api/v1/auth/setup')).json()).toEqual({ setupRequired: true });

    const wrongToken = expectProblem(
      await call('POST', '/api/v1/auth/setup', {
        payload: { token: 'A'.repeat(43), username: 'admin', displayName: '管理员', password: TEST_PASSWORD },
      }),
      400,
    );
    expect(wrongToken.errors?.map((e) => e.path)).toEqual(['token']);
    const weak = expectProblem(
      await call('POST', '/api/v1/auth/setup', { payload: { token, username: 'admin', displayName: '管理员', password: 'password1234' } }),
      400,
    );
    expect(weak.errors?.every((e) => e.path === 'password')).toBe(true);
    expect(weak.errors?.map((e) => e.message).join('')).toContain('常见');

    const created = await call('POST', '/api/v1/auth/setup', {
      payload: { token, username: 'Admin', displayName: '系统管理员甲', password: TEST_PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().username).toBe('admin');
    expectProblem(
      await call('POST', '/api/v1/auth/setup', { payload: { token, username: 'admin2', displayName: '乙', password: TEST_PASSWORD } }),
      409,
    );
    expect((await call('GET', '/api/v1/auth/setup')).json()).toEqual({ setupRequired: false });

    // The password alone is not enough for an administrator: the answer carries an enrolment secret.
    const firstRaw = await loginAs('admin', TEST_PASSWORD);
    const first = ZLoginResponse.parse(firstRaw.json());
    expect(first.status).toBe('totp-enrolment-required');
    if (first.status !== 'totp-enrolment-required') return;
    expect(first.enrolment.uri).toMatch(/^otpauth:\/\/totp\/Quanze:admin\?secret=/);
    const again = ZLoginResponse.parse((await loginAs('admin', TEST_PASSWORD)).json());
    expect(again.status === 'totp-enrolment-required' && again.enrolment.secret).toBe(first.enrolment.secret);
    expect((await call('GET', '/api/v1/auth/me')).statusCode).toBe(401);

    const code = await totpAt(first.enrolment.secret);
    const signedIn = await loginAs('admin', TEST_PASSWORD, code);
    expect(signedIn.statusCode).toBe(200);
    const cookie = sessionCookieOf(signedIn);
    expect(cookie).toMatch(/^quanze_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain http here; Secure over https
    const session = sessionFrom(signedIn);

    const me = ZSessionInfo.parse((await call('GET', '/api/v1/auth/me', { session })).json());
    expect(me.user.username).toBe('admin');
    expect(me.user.totpEnabled).toBe(true);
    expect(me.roles.map((r) => [r.role, r.organisation.code, r.scope])).toEqual([['system-admin', 'lz', 'subtree']]);
    expect(me.allowedActions).toContain('users.create');
    expect(me.allowedActions).not.toContain('audit.read');
    expect(me.allowedActions).not.toContain('cases.read');
    expect(me.csrfToken).toBe(session.csrfToken);

    // From now on a code is asked for, and a code is accepted once.
    expect(ZLoginResponse.parse((await loginAs('admin', TEST_PASSWORD)).json()).status).toBe('totp-required');
    const replay = expectProblem(await loginAs('admin', TEST_PASSWORD, code), 401);
    expect(replay.errors?.[0]?.path).toBe('totp');
    advance(30_000);
    expect((await loginAs('admin', TEST_PASSWORD, await totpAt(first.enrolment.secret))).statusCode).toBe(200);
  });

  it('TOTP is optional for staff: enrolled from the account settings, then asked for at sign-in', async () => {
    const officer = await createAccount(sys, { grants: [{ role: 'officer', orgCode: 'lz' }] });
    const plain = ZLoginResponse.parse((await loginAs(officer.username, officer.password)).json());
    expect(plain.status).toBe('signed-in');
    const session = sessionFrom(await loginAs(officer.username, officer.password));
    const enrolment = (await call('POST', '/api/v1/account/totp', { session })).json() as { secret: string };
    expectProblem(await call('POST', '/api/v1/account/totp/confirm', { session, payload: { code: '000000' } }), 400);
    expect(
      (await call('POST', '/api/v1/account/totp/confirm', { session, payload: { code: await totpAt(enrolment.secret) } })).statusCode,
    ).toBe(200);
    expect(ZLoginResponse.parse((await loginAs(officer.username, officer.password)).json()).status).toBe('totp-required');
    advance(30_000);
    expect(ZLoginResponse.parse((await loginAs(officer.username, officer.password, await totpAt(enrolment.secret))).json()).status).toBe(
      'signed-in',
    );
  });

  it('lets an account with an administrator-set password do nothing but change it', async () => {
    const head = await createAccount(sys, { grants: [{ role: 'head', orgCode: 'lz' }], mustChangePassword: true });
    const session = sessionFrom(await loginAs(head.username, head.password));
    const refused = expectProblem(await call('GET', '/api/v1/officers', { session }), 403);
    expect(refused.detail).toContain('请先');
    expect((await call('GET', '/api/v1/auth/me', { session })).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/powerlists/current', { session })).statusCode).toBe(200);
    const newPassword = `${TEST_PASSWORD}-新`;
    const changed = await call('POST', '/api/v1/account/password', { session, payload: { currentPassword: head.password, newPassword } });
    expect(changed.statusCode).toBe(200);
    const again = sessionFrom(await loginAs(head.username, newPassword));
    expect((await call('GET', '/api/v1/officers', { session: again })).statusCode).toBe(200);
  });

  it('locks an account after five failures with growing delays, and audits every attempt', async () => {
    const account = await createAccount(sys, {});
    const wrong = expectProblem(await loginAs(account.username, 'wrong-password-123'), 401);
    for (let i = 1; i < 5; i++) expectProblem(await loginAs(account.username, 'wrong-password-123'), 401);
    // Locked now: even the right password is refused without being checked — with the very answer
    // of a wrong password (and of an unknown username), so that the lock reveals nothing.
    const locked = expectProblem(await loginAs(account.username, account.password), 401);
    expect(locked.detail).toBe(wrong.detail);
    expect(expectProblem(await loginAs(uniqueName('nobody'), 'wrong-password-123'), 401).detail).toBe(wrong.detail);
    advance(61_000);
    expectProblem(await loginAs(account.username, 'wrong-password-123'), 401);
    advance(61_000);
    expect(expectProblem(await loginAs(account.username, account.password), 401).detail).toBe(wrong.detail); // 6 failures: 5 minutes
    advance(4 * 60_000);
    expect(ZLoginResponse.parse((await loginAs(account.username, account.password)).json()).status).toBe('signed-in');
    const row = await server.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });

    const actions = await server.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', account.id)
      .orderBy('seq')
      .execute();
    expect(actions.filter((a) => a.action === 'session.login-failed')).toHaveLength(6);
    expect(actions.filter((a) => a.action === 'session.login-refused')).toHaveLength(2);
    expect(JSON.parse(actions.find((a) => a.action === 'session.login-failed')?.details ?? '{}')).toMatchObject({
      reason: 'bad-password',
      failures: 1,
    });
    // An unknown username is refused like a wrong password, and audited on the installation's chain.
    const unknown = expectProblem(await loginAs('nobody-here', 'whatever-password'), 401);
    expect(unknown.detail).toBe(wrong.detail);
  });

  it('ends a session after 30 idle minutes and 12 hours after sign-in', async () => {
    const account = await createAccount(sys, {});
    const idle = sessionFrom(await loginAs(account.username, account.password));
    advance(29 * 60_000);
    expect((await call('GET', '/api/v1/auth/me', { session: idle })).statusCode).toBe(200);
    advance(29 * 60_000);
    expect((await call('GET', '/api/v1/auth/me', { session: idle })).statusCode).toBe(200);
    advance(30 * 60_000);
    const expired = expectProblem(await call('GET', '/api/v1/auth/me', { session: idle }), 401);
    expect(expired.detail).toContain('30 分钟');
    expect(String((await call('GET', '/api/v1/auth/me', { session: idle })).headers['set-cookie'])).toMatch(/quanze_session=;/);

    const busy = sessionFrom(await loginAs(account.username, account.password));
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      advance(20 * 60_000);
      expect((await call('GET', '/api/v1/auth/me', { session: busy })).statusCode, `after ${minutes + 20} minutes`).toBe(200);
    }
    advance(20 * 60_000);
    expect(expectProblem(await call('GET', '/api/v1/auth/me', { session: busy }), 401).detail).toContain('12 小时');
    const ends = await server.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'session.expire')
      .where('actor_id', '=', account.id)
      .execute();
    expect(ends.map((e) => JSON.parse(e.details).reason).sort()).toEqual(['absolute-timeout', 'idle-timeout']);
  });

  it('logs out, and out everywhere', async () => {
    const account = await createAccount(sys, {});
    const a = sessionFrom(await loginAs(account.username, account.password));
    const b = sessionFrom(await loginAs(account.username, account.password));
    const c = sessionFrom(await loginAs(account.username, account.password));
    expect((await call('POST', '/api/v1/auth/logout', { session: a })).statusCode).toBe(200);
    expectProblem(await call('GET', '/api/v1/auth/me', { session: a }), 401);
    const everywhere = await call('POST', '/api/v1/auth/logout-everywhere', { session: b });
    expect(everywhere.json()).toMatchObject({ ok: true, endedSessions: 2 });
    expectProblem(await call('GET', '/api/v1/auth/me', { session: b }), 401);
    expectProblem(await call('GET', '/api/v1/auth/me', { session: c }), 401);
  });

  it('refuses a state-changing request without the session’s CSRF token (403 problem+json)', async () => {
    const admin = await signIn(sys, await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const other = await signIn(sys, await createAccount(sys, {}));
    const body = { username: uniqueName('csrf'), displayName: '跨站', orgCode: 'lz', password: TEST_PASSWORD };
    const missing = expectProblem(
      await call('POST', '/api/v1/users', { headers: { cookie: admin.headers.cookie as string }, payload: body }),
      403,
    );
    expect(missing.errors?.[0]?.path).toBe('headers.x-csrf-token');
    expectProblem(
      await call('POST', '/api/v1/users', {
        headers: { cookie: admin.headers.cookie as string, 'x-csrf-token': other.csrfToken },
        payload: body,
      }),
      403,
    );
    expectProblem(await call('POST', '/api/v1/auth/logout', { headers: { cookie: admin.headers.cookie as string } }), 403);
    // Reads need no token; with the token the same write goes through.
    expect((await call('GET', '/api/v1/users?org=lz', { headers: { cookie: admin.headers.cookie as string } })).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/users', { session: admin, payload: body })).statusCode).toBe(201);
    const denied = await server.db.selectFrom('audit_log').select('details').where('action', '=', 'access.denied').execute();
    expect(denied.some((d) => JSON.parse(d.details).reason.includes('CSRF'))).toBe(true);
  });

  it('applies the password policy with field paths, and validates every field', async () => {
    const admin = await signIn(sys, await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const base = { displayName: '新同事', orgCode: 'lz' };
    const short = expectProblem(
      await call('POST', '/api/v1/users', { session: admin, payload: { ...base, username: 'short-pw', password: 'Xq7-kzT' } }),
      400,
    );
    expect(short.errors).toEqual([{ path: 'password', message: expect.stringContaining('至少需要 12 个字符') }]);
    const common = expectProblem(
      await call('POST', '/api/v1/users', { session: admin, payload: { ...base, username: 'common-pw', password: 'P@ssw0rd2026!' } }),
      400,
    );
    expect(common.errors?.map((e) => e.message).join('')).toContain('常见弱密码');
    const named = expectProblem(
      await call('POST', '/api/v1/users', { session: admin, payload: { ...base, username: 'zhangwei', password: 'zhangwei-likes-tea-9' } }),
      400,
    );
    expect(named.errors?.map((e) => e.message)).toContain('密码不能包含用户名。');
    const invalid = expectProblem(
      await call('POST', '/api/v1/users', { session: admin, payload: { username: 'a b', orgCode: 'LZ!', password: TEST_PASSWORD } }),
      400,
    );
    expect(invalid.errors?.map((e) => e.path).sort()).toEqual(['body.displayName', 'body.orgCode', 'body.username']);
    expect(invalid.errors?.find((e) => e.path === 'body.username')?.message).toMatch(/用户名只能包含/);
  });

  it('enforces 三员分立 through the API: no account holds two administrator roles', async () => {
    const secAdmin = await createAdminAccount(sys, { username: uniqueName('sec'), password: TEST_PASSWORD, role: 'security-admin' });
    const security = await signIn(sys, { id: secAdmin.userId });
    const person = await createAccount(sys, {});
    // Its owner has enrolled an authenticator (an administrator role needs one: security-admin-grant.test.ts).
    await server.db
      .updateTable('users')
      .set({ totp_enabled: 1, totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
      .where('id', '=', person.id)
      .execute();
    const grant = (userId: string, role: string, orgCode = 'lz') =>
      call('POST', '/api/v1/roles/grants', { session: security, payload: { userId, role, orgCode, scope: 'subtree' } });

    expect((await grant(person.id, 'system-admin')).statusCode).toBe(201);
    const second = expectProblem(await grant(person.id, 'security-auditor'), 409);
    expect(second.detail).toContain('三员分立');
    expect(second.errors?.[0]?.path).toBe('role');
    expect(expectProblem(await grant(person.id, 'officer'), 409).detail).toMatch(/专用账号/);
    expectProblem(await grant(secAdmin.userId, 'officer'), 409); // not to oneself
    const external = await createAccount(sys, { external: true });
    expect(expectProblem(await grant(external.id, 'officer'), 409).detail).toContain('申请单位');
    expect((await grant(external.id, 'applicant')).statusCode).toBe(201);

    // Each administrator does their own job only.
    const sysAdmin = await signIn(sys, person);
    expectProblem(
      await call('POST', '/api/v1/roles/grants', { session: sysAdmin, payload: { userId: external.id, role: 'applicant', orgCode: 'lz' } }),
      403,
    );
    expectProblem(await call('GET', '/api/v1/audit/records', { session: sysAdmin }), 403);
    expectProblem(await call('GET', '/api/v1/users', { session: security }), 403);
    const auditorAccount = await createAdminAccount(sys, {
      username: uniqueName('aud'),
      password: TEST_PASSWORD,
      role: 'security-auditor',
    });
    const auditor = await signIn(sys, { id: auditorAccount.userId });
    expectProblem(await call('GET', '/api/v1/officers', { session: auditor }), 403);
    const log = ZAuditSearchResponse.parse((await call('GET', '/api/v1/audit/records?action=role.&limit=50', { session: auditor })).json());
    expect(log.records.some((r) => r.action === 'role.grant' && r.details.role === 'system-admin' && r.targetId !== null)).toBe(true);
    // The refused attempt to break 三员分立 is on the record too, with its reason.
    const refused = log.records.find(
      (r) => r.action === 'role.grant-refused' && r.targetId === person.id && r.details.role === 'security-auditor',
    );
    expect(String(refused?.details.reason)).toContain('三员分立');
    // The web cannot reset the second factor of the auditor (it could then take the account over).
    expectProblem(await call('POST', `/api/v1/users/${auditorAccount.userId}/totp-reset`, { session: sysAdmin }), 403);
  });

  it('stores SQL metacharacters verbatim', async () => {
    const admin = await signIn(sys, await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const nasty = `Robert'); DROP TABLE users;-- "引号" %_\\ <b>`;
    const created = ZUser.parse(
      (
        await call('POST', '/api/v1/users', {
          session: admin,
          payload: { username: uniqueName('sql'), displayName: nasty, orgCode: 'lz', password: TEST_PASSWORD },
        })
      ).json(),
    );
    expect(created.displayName).toBe(nasty);
    expect(ZUser.parse((await call('GET', `/api/v1/users/${created.id}`, { session: admin })).json()).displayName).toBe(nasty);
    const row = await server.db.selectFrom('users').select('display_name').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe(nasty);
    const audit = await server.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.create')
      .where('target_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details).displayName).toBe(nasty);
    expect((await call('GET', '/api/v1/users?org=lz', { session: admin })).statusCode).toBe(200); // the table is still there
  });

  it('answers oversized bodies with 413 problem+json', async () => {
    const admin = await signIn(sys, await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const huge = JSON.stringify({ username: 'big', displayName: 'x'.repeat(2 * 1024 * 1024), orgCode: 'lz', password: TEST_PASSWORD });
    expect(
      expectProblem(
        await call('POST', '/api/v1/users', { session: admin, payload: huge, headers: { 'content-type': 'application/json' } }),
        413,
      ).code,
    ).toBe('too-large');
    const upload = multipartBody({ field: 'file', name: 'huge.tsv', content: Buffer.alloc(21 * 1024 * 1024, 0x41) });
    expectProblem(
      await call('POST', '/api/v1/powerlists/import', { session: admin, payload: upload.payload, headers: upload.headers }),
      413,
    );
    // The anonymous are turned away before their body is read.
    expectProblem(await call('POST', '/api/v1/powerlists/import', { payload: upload.payload, headers: upload.headers }), 401);
  });

  it('imports a list through the API as a legal reviewer, audited', async () => {
    const reviewer = await signIn(sys, await createAccount(sys, { grants: [{ role: 'legal-reviewer', orgCode: 'lz' }] }));
    const tsv = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'));
    const upload = multipartBody({ field: 'file', name: '清单.tsv', content: tsv });
    const response = await call('POST', '/api/v1/powerlists/import', {
      session: reviewer,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(response.statusCode).toBe(201);
    const result = ZImportResponse.parse(response.json());
    expect(result.versionNo).toBe(2);
    expect(result.itemCount).toBe(7);
    const audit = await server.db
      .selectFrom('audit_log')
      .select(['actor_name', 'details'])
      .where('action', '=', 'powerlist.import')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ versionNo: 2, items: 7 });
    expectProblem(await call('POST', '/api/v1/powerlists/import', { session: reviewer, payload: { file: 'x' } }), 415);
  });

  it('answers every kind of refusal as problem+json', async () => {
    const admin = await signIn(sys, await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const refusals: [Method, string, Record<string, string>, unknown, number][] = [
      ['POST', '/api/v1/users', { 'content-type': 'application/xml' }, '<user/>', 415],
      ['POST', '/api/v1/users', { 'content-type': 'application/json' }, '{"username": ', 400],
      ['GET', '/api/v1/users/not-a-uuid', {}, undefined, 400],
      ['GET', '/api/v1/users/01920000-0000-7000-8000-000000000000', {}, undefined, 404],
      ['DELETE', '/api/v1/roles/grants/01920000-0000-7000-8000-000000000000', {}, undefined, 403],
      ['GET', '/api/v1/no-such-thing', {}, undefined, 404],
    ];
    for (const [method, url, headers, payload, status] of refusals) {
      const response = await call(method, url, { session: admin, headers, payload });
      expect(response.statusCode, `${method} ${url}`).toBe(status);
      expect(String(response.headers['content-type']), `${method} ${url}`).toMatch(/^application\/problem\+json/);
      expect(ZProblem.parse(response.json()).requestId).toBe(response.headers['x-request-id']);
    }
  });

  it('ends the sessions of a disabled account at once', async () => {
    const admin = await signIn(sys, await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const account = await createAccount(sys, {});
    const session = await signIn(sys, account);
    expect((await call('POST', `/api/v1/users/${account.id}/disable`, { session: admin })).statusCode).toBe(200);
    expectProblem(await call('GET', '/api/v1/auth/me', { session }), 401);
    expect(expectProblem(await loginAs(account.username, account.password), 401).detail).toContain('停用');
  });
});

describe('sign-in rate limit per client address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ loginRateLimitPerMinute: 3 });
  });
  afterAll(() => server.close());

  it('answers the fourth attempt in a minute with 429 problem+json', async () => {
    const attempt = () =>
      server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'someone', password: 'not-the-password' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ZProblem.parse(limited.json()).code).toBe('rate-limited');
  });
});
