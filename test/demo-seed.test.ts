/**
 * `quanze demo seed` and `quanze user create` through their services: the demo's staff can sign in
 * with the printed one-time passwords, its cases cover all seven items in different steps with
 * deadlines running out, a link and an overridden night refusal; a second seed is refused, and so
 * is anyone but the system. The clock stands still at Wednesday 2026-11-18 10:00 Beijing time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseListResponse } from '../src/contracts/cases.js';
import { listCases } from '../src/services/cases/list-cases.js';
import { withActor } from '../src/services/context.js';
import { type SeedDemoResult, seedDemo } from '../src/services/demo/seed-demo.js';
import { renderMetrics } from '../src/services/operations/metrics.js';
import { createStaffAccount } from '../src/services/users/create-staff-account.js';
import { createAccount, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const NOW = new Date('2026-11-18T02:00:00Z');
const clock = () => NOW;

describe.each(dialectsUnderTest())('demo seed (%s)', (dialect) => {
  let server: TestServer;
  let result: SeedDemoResult;

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock });
    result = await seedDemo(systemContext(server.db, { clock }));
  });
  afterAll(() => server?.close());

  it('creates the demo staff with one-time passwords that sign in and must be changed', async () => {
    expect(result.accounts.map((a) => a.role).sort()).toEqual(
      ['head', 'legal-reviewer', 'officer', 'officer', 'officer', 'officer', 'officer', 'supervisor'].sort(),
    );
    const officer = result.accounts.find((a) => a.role === 'officer' && a.certificate?.validTo.startsWith('2029'));
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: officer?.username, password: officer?.password }),
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ status: 'signed-in', session: { user: { mustChangePassword: true } } });
  });

  it('opens a dozen cases across all seven items, in different steps, some near or past their deadlines', async () => {
    expect(result.cases.length).toBeGreaterThanOrEqual(12);
    expect(new Set(result.cases.map((c) => c.itemNo))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(new Set(result.cases.filter((c) => c.status === 'open').map((c) => c.step)).size).toBeGreaterThanOrEqual(8);
    expect(
      result.cases
        .filter((c) => c.status === 'closed')
        .map((c) => c.outcome)
        .sort(),
    ).toEqual(['不予立案', '未查实'].sort());

    const supervisor = await createAccount(systemContext(server.db), { grants: [{ role: 'supervisor', orgCode: 'lz', scope: 'subtree' }] });
    const ctx = withActor(systemContext(server.db, { clock }), {
      kind: 'user',
      id: supervisor.id,
      name: '监察员',
      username: supervisor.username,
      orgId: (await server.db.selectFrom('users').select('org_id').where('id', '=', supervisor.id).executeTakeFirstOrThrow()).org_id,
      grants: [
        {
          role: 'supervisor',
          orgId: (await server.db.selectFrom('organisations').select('id').where('code', '=', 'lz').executeTakeFirstOrThrow()).id,
          scope: 'subtree',
        },
      ],
      sessionId: null,
    });
    const overdue: TCaseListResponse = await listCases(ctx, { due: 'overdue', status: 'open', page: 1, pageSize: 50 });
    const soon: TCaseListResponse = await listCases(ctx, { due: 'soon', status: 'open', page: 1, pageSize: 50 });
    expect(overdue.total).toBeGreaterThanOrEqual(1);
    expect(soon.total).toBeGreaterThan(overdue.total);
    expect(overdue.cases.map((c) => c.nextDeadline?.card)).not.toContain('none');

    // /metrics counts the same cards as the workbench's filters (the demo's cases are all in 'lz')
    const metrics = await renderMetrics(server.db, NOW);
    const card = (name: string) => Number(new RegExp(`quanze_case_deadline_cards\\{org="lz",card="${name}"\\} (\\d+)`).exec(metrics)?.[1]);
    expect(card('red')).toBe(overdue.total);
    expect(card('yellow')).toBe(soon.total - overdue.total);

    const hazard = (await listCases(ctx, { itemNo: 3, status: 'all', page: 1, pageSize: 10 })).cases[0];
    expect(hazard?.findingCount).toBe(1);
  });

  it('is refused on a database that has cases, and for anyone but the system', async () => {
    await expect(seedDemo(systemContext(server.db, { clock }))).rejects.toMatchObject({ code: 'conflict' });
    const someone = await createAccount(systemContext(server.db), { grants: [{ role: 'head', orgCode: 'lz' }] });
    const asUser = withActor(systemContext(server.db), {
      kind: 'user',
      id: someone.id,
      name: 'x',
      username: someone.username,
      orgId: 'x',
      grants: [],
      sessionId: null,
    });
    await expect(seedDemo(asUser)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('user create', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('creates a business account with its role and a one-time password; a supervisor reads the subtree', async () => {
    const created = await createStaffAccount(systemContext(server.db), { username: 'Sun.Li', role: 'supervisor', displayName: '孙立' });
    expect(created).toMatchObject({ username: 'sun.li', role: 'supervisor', orgCode: 'lz', scope: 'subtree' });
    const grant = await server.db
      .selectFrom('role_grants')
      .select(['role', 'scope'])
      .where('user_id', '=', created.userId)
      .executeTakeFirstOrThrow();
    expect(grant).toEqual({ role: 'supervisor', scope: 'subtree' });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'sun.li', password: created.password }),
    });
    expect(login.json()).toMatchObject({ status: 'signed-in', session: { user: { mustChangePassword: true } } });
    await expect(createStaffAccount(systemContext(server.db), { username: 'sun.li', role: 'officer' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('demo seed after a long holiday', () => {
  let server: TestServer;
  // Monday after National Day 2026: twenty working days back reach beyond the thirty days a step may be backdated.
  const afterHoliday = () => new Date('2026-10-12T02:00:00Z');
  beforeAll(async () => {
    server = await startTestServer({ clock: afterHoliday });
  });
  afterAll(() => server?.close());

  it('still walks every case', async () => {
    const seeded = await seedDemo(systemContext(server.db, { clock: afterHoliday }));
    expect(seeded.cases.length).toBeGreaterThanOrEqual(12);
    expect(seeded.cases.find((c) => c.itemNo === 1 && c.status === 'open' && c.step === '告知')).toBeDefined();
  });
});
