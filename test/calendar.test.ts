/**
 * The working-day calendar inside the product, on every dialect: the year view, the system
 * administrator's imports (audited, with a history row, upsert by date, remove, whole-year
 * coverage), the cache that follows imports, the follow-up hooks the case engine registers, the
 * deadline calculator over HTTP, and the CLI's exit code 3 when a year's data is missing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { DomainError } from '../src/domain/errors.js';
import { userActorOf } from '../src/services/auth/user-actor.js';
import { calculateDeadline } from '../src/services/calendar/calculate-deadline.js';
import { onCalendarChanged } from '../src/services/calendar/calendar-changed.js';
import { importCalendarOverrides } from '../src/services/calendar/import-calendar-overrides.js';
import { listCalendar } from '../src/services/calendar/list-calendar.js';
import { loadWorkingCalendar } from '../src/services/calendar/load-working-calendar.js';
import { createContext, type ServiceContext, withActor } from '../src/services/context.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { findUserById } from '../src/store/repositories/users.repository.js';
import { createAccount, signIn, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** 2026-12-03 10:00 in Beijing. */
const NOW = new Date('2026-12-03T02:00:00Z');
const FIVE_WORKING_DAYS = { workingDays: 5 };

async function actingAs(sys: ServiceContext, role: 'system-admin' | 'officer'): Promise<ServiceContext> {
  const account = await createAccount(sys, { grants: [{ role, orgCode: 'lz' }] });
  const user = await findUserById(sys.db, account.id);
  if (!user) throw new Error('account not created');
  return withActor(sys, await userActorOf(sys.db, user, null));
}

describe.each(dialectsUnderTest())('working calendar on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  let admin: ServiceContext;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    sys = systemContext(database.db, { clock: () => NOW });
    await seedOrganisations(sys);
    admin = await actingAs(sys, 'system-admin');
  });
  afterAll(() => database.destroy());

  it('shows a year with its holidays and 调休 days, and warns that 2027 is missing', async () => {
    const view = await listCalendar(admin, { year: 2026 });
    expect(view.covered).toBe(true);
    expect(view.days).toHaveLength(365);
    expect(view.days.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', override: false });
    expect(view.days.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'adjusted-workday' });
    expect(view.firstMissingYear).toBe(2027);
    expect(view.bundledYears).toMatchObject({ first: 2004, last: 2026 });
    const next = await listCalendar(admin, { year: 2027 });
    expect(next.covered).toBe(false);
    expect(next.days.every((d) => d.kind === 'unknown')).toBe(true);
  });

  it('refuses the calendar to an officer (settings.read is the system administrator’s)', async () => {
    const officer = await actingAs(sys, 'officer');
    await expect(listCalendar(officer, { year: 2026 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      importCalendarOverrides(officer, { entries: [{ date: '2026-11-04', kind: 'holiday', name: '测试' }] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses a holiday without a name and a declared year without a source, naming the field', async () => {
    const error = await importCalendarOverrides(admin, { entries: [{ date: '2026-11-04', kind: 'holiday', name: '' }] }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.issues[0].path).toEqual(['entries', 0, 'name']);
    const noSource = await importCalendarOverrides(admin, { entries: [], coveredYears: [2027] }).catch((e) => e);
    expect(noSource.issues[0].path).toEqual(['source']);
  });

  it('an override on a running deadline moves it; the import is audited and the hooks hear of it', async () => {
    const heard: string[][] = [];
    const off = onCalendarChanged('test-listener', async (_ctx, change) => {
      heard.push([...change.changedDates]);
      return '已收到';
    });
    const offBroken = onCalendarChanged('broken-listener', async () => {
      throw new Error('重新计算失败（测试）');
    });
    try {
      const before = await calculateDeadline(sys, { from: '2026-11-02', ...FIVE_WORKING_DAYS });
      expect(before.due).toBe('2026-11-09');

      const dry = await importCalendarOverrides(admin, {
        entries: [{ date: '2026-11-04', kind: 'holiday', name: '地方性假日' }],
        dryRun: true,
      });
      expect(dry).toMatchObject({ dryRun: true, revisionNo: null, added: 1, changedDates: ['2026-11-04'] });
      expect((await calculateDeadline(sys, { from: '2026-11-02', ...FIVE_WORKING_DAYS })).due).toBe('2026-11-09');

      const result = await importCalendarOverrides(admin, { entries: [{ date: '2026-11-04', kind: 'holiday', name: '地方性假日' }] });
      expect(result).toMatchObject({ dryRun: false, revisionNo: 1, added: 1, changedDates: ['2026-11-04'] });
      expect(result.followUps).toEqual([
        { name: 'test-listener', ok: true, message: '已收到' },
        { name: 'broken-listener', ok: false, message: '重新计算失败（测试）' },
      ]);
      expect(heard).toEqual([['2026-11-04']]);

      const after = await calculateDeadline(sys, { from: '2026-11-02', ...FIVE_WORKING_DAYS });
      expect(after.due).toBe('2026-11-10');
      expect(after.skipped).toContainEqual({ date: '2026-11-04', reason: '法定节假日（地方性假日）' });

      const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.import').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ revisionNo: 1, added: 1, set: ['2026-11-04 放假 地方性假日'] });
      const history = await database.db.selectFrom('calendar_revisions').selectAll().execute();
      expect(history).toHaveLength(1);

      // the same entries again: nothing written, no audit, no hooks
      const again = await importCalendarOverrides(admin, { entries: [{ date: '2026-11-04', kind: 'holiday', name: '地方性假日' }] });
      expect(again).toMatchObject({ revisionNo: null, unchanged: 1, changedDates: [], followUps: [] });

      // removed: the day is an ordinary Wednesday again
      const removed = await importCalendarOverrides(admin, { entries: [{ date: '2026-11-04', kind: 'remove' }] });
      expect(removed).toMatchObject({ revisionNo: 2, removed: 1, changedDates: ['2026-11-04'] });
      expect((await calculateDeadline(sys, { from: '2026-11-02', ...FIVE_WORKING_DAYS })).due).toBe('2026-11-09');
    } finally {
      off();
      offBroken();
    }
  });

  it('the history table is append-only', async () => {
    await expect(database.db.deleteFrom('calendar_revisions').execute()).rejects.toThrow(/append-only/);
  });

  it('importing 2027 turns the missing-2027 flag into a due date', async () => {
    const missing = await calculateDeadline(sys, { from: '2026-12-28', ...FIVE_WORKING_DAYS });
    expect(missing).toMatchObject({ due: null, calendarComplete: false, missingYears: [2027] });

    const result = await importCalendarOverrides(admin, {
      source: '测试用安排（非真实通知）',
      coveredYears: [2027],
      entries: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'holiday' as const, name: '元旦' })),
    });
    expect(result.newlyCoveredYears).toEqual([2027]);
    expect(result.changedDates).toHaveLength(365);

    const counted = await calculateDeadline(sys, { from: '2026-12-28', ...FIVE_WORKING_DAYS });
    expect(counted).toMatchObject({ due: '2027-01-05', calendarComplete: true, missingYears: [] });
    expect((await loadWorkingCalendar(sys)).isCovered(2027)).toBe(true);
    const view = await listCalendar(admin, { year: 2027 });
    expect(view).toMatchObject({ covered: true, firstMissingYear: 2028 });
    expect(view.declaredYears).toEqual([expect.objectContaining({ year: 2027, source: '测试用安排（非真实通知）' })]);
  });

  it('a second connection sees the import (the cache follows the newest revision)', async () => {
    const other = createContext(database.db, sys.actor, { clock: () => NOW });
    await importCalendarOverrides(admin, { entries: [{ date: '2026-12-31', kind: 'holiday', name: '测试假日' }] });
    expect((await loadWorkingCalendar(other)).dayOf('2026-12-31')).toMatchObject({ kind: 'holiday', name: '测试假日' });
  });
});

describe('calendar over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('the deadline calculator answers anyone, with the explanation', async () => {
    const response = await server.app.inject({ url: '/api/v1/calendar/deadline?from=2026-09-28&workingDays=5' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: '2026-09-28', due: '2026-10-10', calendarComplete: true, missingYears: [] });
    expect(body.skipped[0]).toEqual({ date: '2026-10-01', reason: '法定节假日（国庆节）' });
    expect(body.explanation).toContain('国庆节调休上班');
  });

  it('a bad query is a 400 naming the field', async () => {
    const response = await server.app.inject({ url: '/api/v1/calendar/deadline?from=2026-02-30&workingDays=5' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('from');
    const neither = await server.app.inject({ url: '/api/v1/calendar/deadline?from=2026-09-28' });
    expect(neither.statusCode).toBe(400);
  });

  it('the system administrator imports through the API (201, then 200 when nothing changes)', async () => {
    const sys = systemContext(server.db);
    const account = await createAccount(sys, { grants: [{ role: 'system-admin', orgCode: 'lz' }] });
    const { headers } = await signIn(sys, account);
    const payload = { entries: [{ date: '2026-11-04', kind: 'holiday', name: '地方性假日' }] };
    const first = await server.app.inject({ method: 'POST', url: '/api/v1/calendar/overrides', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ revisionNo: 1, changedDates: ['2026-11-04'] });
    const second = await server.app.inject({ method: 'POST', url: '/api/v1/calendar/overrides', headers, payload });
    expect(second.statusCode).toBe(200);
    const view = await server.app.inject({ url: '/api/v1/calendar?year=2026', headers });
    expect(view.json().overrides).toEqual([expect.objectContaining({ date: '2026-11-04', kind: 'holiday', name: '地方性假日' })]);
  });
});

describe('quanze deadline (CLI)', () => {
  const run = promisify(execFile);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-cli-calendar-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    run(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [path.join(PROJECT_ROOT, 'src', 'cli', 'main.ts'), ...args], {
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL')), QUANZE_DATA_DIR: dataDir },
      cwd: PROJECT_ROOT,
    });

  it('prints the due date and explanation, and JSON with the documented fields', async () => {
    const text = await cli('deadline', '--from', '2026-09-28', '--working-days', '5');
    expect(text.stdout).toContain('届满日期：2026-10-10（星期六）');
    const json = JSON.parse((await cli('deadline', '--from', '2026-04-30', '--working-days', '5', '--json')).stdout);
    expect(json).toMatchObject({ from: '2026-04-30', due: '2026-05-11', calendarComplete: true, missingYears: [] });
    expect(json.skipped).toContainEqual({ date: '2026-05-01', reason: '法定节假日（劳动节）' });
  });

  it('exits 3 and names the year when the data is missing', async () => {
    const error = await cli('deadline', '--from', '2026-12-01', '--calendar-days', '90').catch((e) => e);
    expect(error.code).toBe(3);
    expect(error.stdout).toContain('2027 年节假日数据缺失');
  });
});
