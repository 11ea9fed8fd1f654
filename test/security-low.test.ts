/**
 * Issue 9, the low items, over HTTP on the fixed build:
 * - wrong current passwords on /account/password are limited (the account's lockout) and audited;
 * - refusals nobody recorded (429, anonymous 401, rejected uploads) are audited, throttled;
 * - the shared legal registry belongs to the root organisation: a reviewer of 柳州 or of a sibling
 *   bureau may not change it, the root's reviewer and the installation's system administrator may;
 * - control characters are stripped at the boundary and every text field is bounded;
 * - with QUANZE_TRUST_PROXY a list of proxies, a client cannot choose its address by X-Forwarded-For.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblem } from '../src/contracts/api.js';
import { buildServer } from '../src/http/server.js';
import type { ServiceContext } from '../src/services/context.js';
import {
  createAccount,
  ensureOrganisation,
  multipartBody,
  type SignedIn,
  signIn,
  systemContext,
  TEST_PASSWORD,
  uniqueName,
} from './helpers/access-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe.each(dialectsUnderTest())('security, the low items, on %s', (dialect) => {
  let server: TestServer;
  let sys: ServiceContext;
  const now = new Date('2026-12-03T09:30:00.000Z');

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock: () => now, loginRateLimitPerMinute: 3 });
    sys = systemContext(server.db, { clock: () => now });
    await ensureOrganisation(sys, 'gl', 'gx', '桂林市国家保密局');
  });
  afterAll(() => server.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    session: SignedIn | null,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: { ...(session?.headers ?? {}), ...headers },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
  const auditOf = (action: string, targetId?: string) => {
    let query = server.db.selectFrom('audit_log').select(['action', 'details', 'target_id', 'source_ip']).where('action', '=', action);
    if (targetId !== undefined) query = query.where('target_id', '=', targetId);
    // The clock stands still here, so every record has the same time: the chain's seq gives their order.
    return query.orderBy('at').orderBy('seq').execute();
  };

  it('limits and audits wrong current passwords on /account/password', async () => {
    const account = await createAccount(sys, {});
    const session = await signIn(sys, account);
    const change = (currentPassword: string) =>
      call('POST', '/api/v1/account/password', session, { currentPassword, newPassword: `${TEST_PASSWORD}-新的` });
    for (let i = 0; i < 5; i++) expect((await change(`wrong-current-${i}-pw`)).statusCode).toBe(400);
    // Locked now: even the right current password is refused without being checked.
    const locked = await change(account.password);
    expect(locked.statusCode).toBe(429);
    const failed = await auditOf('account.password-change-failed', account.id);
    expect(failed.map((r) => JSON.parse(r.details).reason)).toEqual([
      'bad-password',
      'bad-password',
      'bad-password',
      'bad-password',
      'bad-password',
      'locked',
    ]);
  });

  it('audits anonymous 401s, 429s and rejected uploads, one per address and kind per minute', async () => {
    for (let i = 0; i < 3; i++) expect((await call('GET', '/api/v1/users', null)).statusCode).toBe(401);
    const unauth = (await auditOf('access.refused')).filter((r) => JSON.parse(r.details).status === 401);
    expect(unauth).toHaveLength(1);
    expect(unauth[0]?.target_id).toBe('GET /api/v1/users');

    // The sign-in limit here is 3 per minute and address.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await call('POST', '/api/v1/auth/login', null, { username: uniqueName('x'), password: 'whatever-password' })).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = (await auditOf('access.refused')).filter((r) => JSON.parse(r.details).status === 429);
    expect(limited).toHaveLength(1);

    const reviewer = await signIn(sys, await createAccount(sys, { grants: [{ role: 'legal-reviewer', orgCode: 'lz' }] }));
    const upload = multipartBody({ field: 'file', name: 'old.xls', content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) });
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/v1/powerlists/import?dryRun=true',
      headers: { ...reviewer.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    const code = ZProblem.parse(refused.json()).code;
    const rejected = (await auditOf('access.refused')).filter((r) => JSON.parse(r.details).code === code);
    expect(rejected).toHaveLength(1);
  });

  it('lets only the root’s reviewers and the installation’s system administrator change the shared legal registry', async () => {
    const change = { change: { kind: 'set-status', sourceId: 'baomi-fa', edition: '主席令第28号', status: 'superseded' }, dryRun: true };
    const as = async (orgCode: string, role: 'legal-reviewer' | 'system-admin') =>
      (
        await call(
          'POST',
          '/api/v1/legal-sources/changes',
          await signIn(sys, await createAccount(sys, { orgCode, grants: [{ role, orgCode }] })),
          change,
        )
      ).statusCode;
    expect(await as('lz', 'legal-reviewer')).toBe(403);
    expect(await as('gl', 'legal-reviewer')).toBe(403); // the sibling bureau of the probe
    expect(await as('gl', 'system-admin')).toBe(403);
    expect(await as('gx', 'legal-reviewer')).toBe(200);
    expect(await as('lz', 'system-admin')).toBe(200);
  });

  it('strips control characters at the boundary and bounds every text field', async () => {
    const admin = await signIn(sys, await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const created = await call('POST', '/api/v1/users', admin, {
      username: uniqueName('ctl'),
      displayName: '张\u0000三\u001b[31m\u202e红',
      orgCode: 'lz',
      password: TEST_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().displayName).toBe('张三[31m红');
    const long = await call('PATCH', `/api/v1/users/${created.json().id}`, admin, { displayName: '长'.repeat(200_000) });
    expect(long.statusCode).toBe(400);
    expect(ZProblem.parse(long.json()).errors?.[0]?.path).toBe('body.displayName');
    // The 200,000-character edition note of the probe.
    const note = await call('POST', '/api/v1/legal-sources/changes', admin, {
      change: { kind: 'set-status', sourceId: 'baomi-fa', edition: '主席令第28号', status: 'superseded', note: '注'.repeat(200_000) },
      dryRun: true,
    });
    expect(note.statusCode).toBe(400);
  });
});

describe('QUANZE_TRUST_PROXY as a list of proxies', () => {
  it('believes X-Forwarded-For only from a listed proxy', async () => {
    const { freshDatabase } = await import('./helpers/database.js');
    const database = await freshDatabase('sqlite');
    const app = await buildServer({ db: database.db, orgCode: 'lz', logLevel: 'silent', trustProxy: ['10.0.0.5'] });
    app.get('/whoami', async (request) => ({ ip: request.ip }));
    try {
      const direct = await app.inject({
        method: 'GET',
        url: '/whoami',
        remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-for': '198.51.100.1' },
      });
      expect(direct.json().ip).toBe('203.0.113.9');
      const proxied = await app.inject({
        method: 'GET',
        url: '/whoami',
        remoteAddress: '10.0.0.5',
        headers: { 'x-forwarded-for': '198.51.100.1' },
      });
      expect(proxied.json().ip).toBe('198.51.100.1');
      // A client behind the proxy that forges a header of its own still gets its real address.
      const forged = await app.inject({
        method: 'GET',
        url: '/whoami',
        remoteAddress: '10.0.0.5',
        headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.1' },
      });
      expect(forged.json().ip).toBe('198.51.100.1');
    } finally {
      await app.close();
      await database.destroy();
    }
  });
});
