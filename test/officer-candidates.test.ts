/**
 * The register form's account list (GET /api/v1/officers/candidates) against real databases
 * (SQLite and PostgreSQL): a head (负责人), who may register officers but not read accounts, gets
 * the active staff accounts of their own bureau that are not officers yet — never officers already
 * registered, disabled or applicant accounts, nor another organisation's — and the read is audited.
 * A bureau of its own (北海, with 合浦 below it and 桂林 beside it) keeps the lists exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '../src/services/auth/resolve-session.js';
import { createContext, type ServiceContext, withActor } from '../src/services/context.js';
import { listOfficerCandidates } from '../src/services/officers/list-officer-candidates.js';
import { registerOfficer } from '../src/services/officers/register-officer.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { disableUser } from '../src/services/users/disable-user.js';
import { createAccount, ensureOrganisation, signIn, systemContext, type TestAccount, uniqueName } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const CERTIFICATE = { issuingBody: '广西壮族自治区人民政府', validFrom: '2025-01-01', validTo: '2030-12-31' };

describe.each(dialectsUnderTest())('officer candidates on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  let head: TestAccount;
  let staff: TestAccount;
  let quoted: TestAccount;
  let officer: TestAccount;
  let disabled: TestAccount;
  let applicant: TestAccount;
  let belowHead: TestAccount;
  let besideHead: TestAccount;
  let admin: TestAccount;

  /** The context of a signed-in account, as the HTTP layer builds it from the session cookie. */
  async function actingAs(account: { id: string }): Promise<ServiceContext> {
    const session = await signIn(sys, account);
    const resolved = await resolveSession(sys, session.token);
    if (resolved.status !== 'active') throw new Error('session not active');
    return withActor(sys, resolved.actor);
  }

  const usernamesOf = (answer: { candidates: { username: string }[] }) => answer.candidates.map((c) => c.username);

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    sys = systemContext(database.db, { clock: () => new Date('2026-11-26T02:00:00.000Z') });
    await seedOrganisations(sys);
    await ensureOrganisation(sys, 'bh', 'gx', '北海市国家保密局');
    await ensureOrganisation(sys, 'hp', 'bh', '合浦县国家保密局');
    await ensureOrganisation(sys, 'gl', 'gx', '桂林市国家保密局');
    head = await createAccount(sys, { username: 'bh.head', orgCode: 'bh', grants: [{ role: 'head', orgCode: 'bh' }] });
    staff = await createAccount(sys, { username: 'bh.staff', displayName: '王执法', orgCode: 'bh' });
    // Text that looks like SQL or HTML comes back verbatim.
    quoted = await createAccount(sys, { username: 'bh.quoted', displayName: "O'Brien <b>；-- 李", orgCode: 'bh' });
    officer = await createAccount(sys, { username: 'bh.officer', orgCode: 'bh' });
    await registerOfficer(sys, { userId: officer.id, certificateNumber: 'BH-0001', ...CERTIFICATE });
    disabled = await createAccount(sys, { username: 'bh.disabled', orgCode: 'bh' });
    await disableUser(sys, disabled.id);
    applicant = await createAccount(sys, { username: 'bh.applicant', orgCode: 'bh', external: true });
    belowHead = await createAccount(sys, { username: 'hp.head', orgCode: 'hp', grants: [{ role: 'head', orgCode: 'hp' }] });
    besideHead = await createAccount(sys, { username: 'gl.head', orgCode: 'gl', grants: [{ role: 'head', orgCode: 'gl' }] });
    admin = await createAccount(sys, {
      username: 'bh.sysadmin',
      orgCode: 'bh',
      grants: [{ role: 'system-admin', orgCode: 'bh', scope: 'subtree' }],
    });
  });
  afterAll(() => database.destroy());

  it('gives a head the active staff accounts of their bureau that are not officers yet', async () => {
    const answer = await listOfficerCandidates(await actingAs(head), { orgCode: 'bh' });
    // Not the officer, the disabled account, the applicant body's account, nor 合浦's or 桂林's.
    expect(usernamesOf(answer)).toEqual(['bh.head', 'bh.quoted', 'bh.staff']);
    expect(answer.candidates).toContainEqual({ id: staff.id, username: 'bh.staff', displayName: '王执法', orgCode: 'bh' });
    expect(answer.candidates).toContainEqual({ id: quoted.id, username: 'bh.quoted', displayName: "O'Brien <b>；-- 李", orgCode: 'bh' });
    const ids = answer.candidates.map((c) => c.id);
    for (const excluded of [officer, disabled, applicant, belowHead, besideHead, admin]) expect(ids).not.toContain(excluded.id);
  });

  it('keeps the three separated administrators out of enforcement (三员分立)', async () => {
    await expect(registerOfficer(sys, { userId: admin.id, certificateNumber: 'BH-ADMIN', ...CERTIFICATE })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('三员分立'),
    });
  });

  it('drops an account from the list once it is registered, and answers the same without an organisation', async () => {
    const newcomer = await createAccount(sys, { username: 'bh.newcomer', orgCode: 'bh' });
    const asHead = await actingAs(head);
    expect(usernamesOf(await listOfficerCandidates(asHead))).toContain('bh.newcomer');
    await registerOfficer(asHead, { userId: newcomer.id, certificateNumber: 'BH-0002', ...CERTIFICATE });
    // Without `org`: every organisation where the head may register officers — their own only.
    expect(usernamesOf(await listOfficerCandidates(asHead))).toEqual(['bh.head', 'bh.quoted', 'bh.staff']);
  });

  it('reaches no further than registering officers does: not below, not beside', async () => {
    const asHead = await actingAs(head);
    // A head's grant on 北海 does not reach 合浦 for registering officers (the policy acts on the organisation itself).
    await expect(listOfficerCandidates(asHead, { orgCode: 'hp' })).rejects.toMatchObject({ code: 'forbidden' });
    // A user of another organisation is refused 北海's accounts.
    await expect(listOfficerCandidates(await actingAs(besideHead), { orgCode: 'bh' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(usernamesOf(await listOfficerCandidates(await actingAs(besideHead), { orgCode: 'gl' }))).toEqual(['gl.head']);
    // Even a subtree grant of the system administrator lists its own organisation only — and never
    // the administrator's own account (三员分立).
    const adminSees = usernamesOf(await listOfficerCandidates(await actingAs(admin)));
    expect(adminSees).toEqual(['bh.head', 'bh.quoted', 'bh.staff']);
    // Roles without officers.write, the anonymous public and an unknown organisation are refused.
    const officerRole = await createAccount(sys, { orgCode: 'bh', grants: [{ role: 'officer', orgCode: 'bh' }] });
    await expect(listOfficerCandidates(await actingAs(officerRole), { orgCode: 'bh' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listOfficerCandidates(createContext(database.db), { orgCode: 'bh' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(listOfficerCandidates(asHead, { orgCode: 'nowhere' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('audits the read on the head’s chain, and nothing for a refused one', async () => {
    const reader = await createAccount(sys, {
      username: uniqueName('bh.reader'),
      orgCode: 'bh',
      grants: [{ role: 'head', orgCode: 'bh' }],
    });
    const asReader = await actingAs(reader);
    const answer = await listOfficerCandidates(asReader, { orgCode: 'bh' });
    await expect(listOfficerCandidates(asReader, { orgCode: 'gl' })).rejects.toMatchObject({ code: 'forbidden' });
    const records = await database.db
      .selectFrom('audit_log')
      .innerJoin('organisations', 'organisations.id', 'audit_log.org_id')
      .select(['audit_log.action', 'audit_log.target_type', 'audit_log.details', 'organisations.code'])
      .where('audit_log.actor_id', '=', reader.id)
      .where('audit_log.action', '=', 'officer.candidate-list')
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'officer.candidate-list', target_type: 'user', code: 'bh' });
    expect(JSON.parse(records[0]?.details ?? '{}')).toEqual({ orgCode: 'bh', count: answer.candidates.length });
  });
});

describe.each(dialectsUnderTest())('GET /api/v1/officers/candidates on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
  });
  afterAll(() => server.close());

  it('answers a head the candidates and refuses a head of another organisation with problem+json', async () => {
    const sys = systemContext(server.db);
    await ensureOrganisation(sys, 'gl', 'gx', '桂林市国家保密局');
    const head = await createAccount(sys, { orgCode: 'lz', grants: [{ role: 'head', orgCode: 'lz' }] });
    const staff = await createAccount(sys, { orgCode: 'lz', displayName: '赵工作' });
    const outsider = await createAccount(sys, { orgCode: 'gl', grants: [{ role: 'head', orgCode: 'gl' }] });

    const ok = await server.app.inject({
      method: 'GET',
      url: '/api/v1/officers/candidates?org=lz',
      headers: (await signIn(sys, head)).headers,
    });
    expect(ok.statusCode).toBe(200);
    const body = ok.json() as { candidates: { id: string; username: string; displayName: string; orgCode: string }[] };
    expect(body.candidates).toContainEqual({ id: staff.id, username: staff.username, displayName: '赵工作', orgCode: 'lz' });
    // Only the four fields the form shows: nothing of the account's sign-in state.
    expect(Object.keys(body.candidates[0] ?? {}).sort()).toEqual(['displayName', 'id', 'orgCode', 'username']);

    const refused = await server.app.inject({
      method: 'GET',
      url: '/api/v1/officers/candidates?org=lz',
      headers: (await signIn(sys, outsider)).headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/v1/officers/candidates?org=lz' });
    expect(anonymous.statusCode).toBe(401);
    const badCode = await server.app.inject({
      method: 'GET',
      url: '/api/v1/officers/candidates?org=LZ%27--',
      headers: (await signIn(sys, head)).headers,
    });
    expect(badCode.statusCode).toBe(400);
  });
});
