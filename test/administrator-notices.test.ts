/**
 * 三员分立: when one administrator disables another administrator's account, the other
 * administrators see it on every page (GET /api/v1/auth/me carries the notice) — the one who did it
 * and everyone else do not. And the shared legal registry is offered for change only to those who may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSessionInfo } from '../src/contracts/auth.js';
import { createAccount, signIn, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe.each(dialectsUnderTest())('administrator notices on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
  });
  afterAll(() => server?.close());

  it('tells the other administrators that an administrator account was disabled, naming who and which', async () => {
    const ctx = systemContext(server.db);
    const sysAdmin = await createAccount(ctx, { displayName: '张系统', grants: [{ role: 'system-admin', orgCode: 'lz' }] });
    const secAdmin = await createAccount(ctx, { displayName: '王安全', grants: [{ role: 'security-admin', orgCode: 'lz' }] });
    const auditor = await createAccount(ctx, {
      username: 'shenji.li',
      displayName: '李审计',
      grants: [{ role: 'security-auditor', orgCode: 'lz' }],
    });
    const officer = await createAccount(ctx, { grants: [{ role: 'officer', orgCode: 'lz' }] });
    const me = async (account: { id: string }) => {
      const session = await signIn(ctx, account);
      const response = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      expect(response.statusCode).toBe(200);
      return ZSessionInfo.parse(response.json());
    };
    expect((await me(secAdmin)).notices ?? []).toEqual([]);

    const adminSession = await signIn(ctx, sysAdmin);
    const disabled = await server.app.inject({ method: 'POST', url: `/api/v1/users/${auditor.id}/disable`, headers: adminSession.headers });
    expect(disabled.statusCode).toBe(200);

    const seen = (await me(secAdmin)).notices ?? [];
    expect(seen).toHaveLength(1);
    expect(seen[0]?.message).toMatch(/^张系统 于 \d{4}-\d{2}-\d{2} 停用了安全审计员账号 shenji\.li。按三员分立，请核实原因。$/);
    expect((await me(sysAdmin)).notices ?? []).toEqual([]);
    expect((await me(officer)).notices ?? []).toEqual([]);
  });
});

describe.each(dialectsUnderTest())('who is offered changes of the shared legal registry on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
  });
  afterAll(() => server?.close());

  it('offers legalSources.write to the root organisation’s reviewer, not to a city reviewer who would be refused', async () => {
    const ctx = systemContext(server.db);
    const actionsOf = async (account: { id: string }) => {
      const session = await signIn(ctx, account);
      const response = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      return ZSessionInfo.parse(response.json()).allowedActions;
    };
    const cityReviewer = await createAccount(ctx, { orgCode: 'lz', grants: [{ role: 'legal-reviewer', orgCode: 'lz' }] });
    const rootReviewer = await createAccount(ctx, { orgCode: 'gx', grants: [{ role: 'legal-reviewer', orgCode: 'gx' }] });
    expect(await actionsOf(cityReviewer)).not.toContain('legalSources.write');
    expect(await actionsOf(rootReviewer)).toContain('legalSources.write');
    // and the server agrees: the city reviewer's change is refused
    const session = await signIn(ctx, cityReviewer);
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/v1/legal-sources/changes',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        change: { kind: 'set-status', sourceId: 'baomi-fa', edition: '主席令第28号', status: 'superseded' },
        dryRun: true,
      }),
    });
    expect(refused.statusCode).toBe(403);
  });
});
