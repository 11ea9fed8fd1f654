/**
 * The people use cases against real databases (SQLite and PostgreSQL): the seeded organisation
 * tree, grants that reach a subtree or one organisation only, officers with certificates valid on
 * a date and declared conflicts, the auditor's search, and session timeouts at a fixed clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../src/domain/errors.js';
import { searchAuditLog } from '../src/services/audit/search-audit-log.js';
import { resolveSession } from '../src/services/auth/resolve-session.js';
import { createContext, type ServiceContext, withActor } from '../src/services/context.js';
import { declareConflict } from '../src/services/officers/declare-conflict.js';
import { listOfficers } from '../src/services/officers/list-officers.js';
import { listPublicOfficers } from '../src/services/officers/list-public-officers.js';
import { registerOfficer } from '../src/services/officers/register-officer.js';
import { revokeCertificate } from '../src/services/officers/revoke-certificate.js';
import { withdrawConflict } from '../src/services/officers/withdraw-conflict.js';
import { createOrganisation } from '../src/services/organisations/create-organisation.js';
import { listOrganisations } from '../src/services/organisations/list-organisations.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { updateOrganisation } from '../src/services/organisations/update-organisation.js';
import { listUsers } from '../src/services/users/list-users.js';
import { createAccount, signIn, systemContext, uniqueName } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

describe.each(dialectsUnderTest())('people services on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  let now = new Date('2026-11-26T02:00:00.000Z');

  /** The context of a signed-in account, as the HTTP layer builds it from the session cookie. */
  async function actingAs(account: { id: string }): Promise<ServiceContext> {
    const session = await signIn(sys, account);
    const resolved = await resolveSession(sys, session.token);
    if (resolved.status !== 'active') throw new Error('session not active');
    return withActor(sys, resolved.actor);
  }

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    sys = systemContext(database.db, { clock: () => now });
    await seedOrganisations(sys);
  });
  afterAll(() => database.destroy());

  it('seeds the domain’s organisation tree once, with nullable document prefixes', async () => {
    await seedOrganisations(sys);
    const { organisations } = await listOrganisations(sys);
    expect(organisations.map((o) => [o.code, o.parentCode, o.documentPrefix])).toEqual([
      ['gx', null, null],
      ['lz', 'gx', '柳保'],
      ['lj', 'lz', null],
    ]);
  });

  it('lets a subtree grant reach the organisations below, and an organisation grant only its own', async () => {
    const regional = await createAccount(sys, { orgCode: 'gx', grants: [{ role: 'system-admin', orgCode: 'gx', scope: 'subtree' }] });
    const city = await createAccount(sys, { orgCode: 'lz', grants: [{ role: 'system-admin', orgCode: 'lz', scope: 'organisation' }] });
    const district = await createAccount(sys, { orgCode: 'lj' });
    const regionalSees = (await listUsers(await actingAs(regional))).users.map((u) => u.username);
    expect(regionalSees).toEqual(expect.arrayContaining([city.username, district.username]));
    const citySees = (await listUsers(await actingAs(city))).users.map((u) => u.username);
    expect(citySees).toContain(city.username);
    expect(citySees).not.toContain(district.username);
    expect(citySees).not.toContain(regional.username);
    await expect(listUsers(await actingAs(city), { orgCode: 'lj' })).rejects.toMatchObject({ code: 'forbidden' });
    // A grant outside the account's own organisation subtree is refused.
    const outsider = await createAccount(sys, { orgCode: 'lj' });
    await expect(createAccount(sys, { orgCode: 'lj', grants: [{ role: 'officer', orgCode: 'lz' }] })).rejects.toThrow(
      /所属机构或其下级机构/,
    );
    expect(outsider.orgCode).toBe('lj');
  });

  it('adds organisations and sets their document prefix, audited on the parent', async () => {
    const code = uniqueName('x').slice(0, 20);
    const created = await createOrganisation(sys, { code, name: '鱼峰区国家保密局', parentCode: 'lz', documentPrefix: null });
    expect(created.parentCode).toBe('lz');
    const updated = await updateOrganisation(sys, code, { documentPrefix: '鱼保' });
    expect(updated.documentPrefix).toBe('鱼保');
    await expect(createOrganisation(sys, { code, name: '重复', parentCode: 'lz', documentPrefix: null })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('keeps officers with certificates valid on a date, and their declared conflicts', async () => {
    const head = await createAccount(sys, { grants: [{ role: 'head', orgCode: 'lz' }] });
    const asHead = await actingAs(head);
    const person = await createAccount(sys, { displayName: '李执法' });
    const number = uniqueName('桂执');
    const officer = await registerOfficer(asHead, {
      userId: person.id,
      certificateNumber: number,
      issuingBody: '广西壮族自治区人民政府',
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
    });
    expect(officer.certificate.status).toBe('valid');
    await expect(
      registerOfficer(asHead, {
        userId: person.id,
        certificateNumber: 'other',
        issuingBody: 'x',
        validFrom: '2025-01-01',
        validTo: '2026-12-31',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const other = await createAccount(sys, {});
    await expect(
      registerOfficer(asHead, {
        userId: other.id,
        certificateNumber: number,
        issuingBody: 'x',
        validFrom: '2025-01-01',
        validTo: '2026-12-31',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const backwards = await registerOfficer(asHead, {
      userId: other.id,
      certificateNumber: uniqueName('n'),
      issuingBody: 'x',
      validFrom: '2026-12-31',
      validTo: '2025-01-01',
    }).catch((e: unknown) => e);
    expect((backwards as DomainError).issues).toEqual([{ path: ['validTo'], message: '有效期截止日不能早于起始日' }]);

    const declared = await declareConflict(asHead, officer.id, {
      partyId: '91450200MA5K000000',
      partyName: "某某科技有限公司'; --",
      reason: '配偶任该公司法定代表人',
    });
    expect(declared.conflicts).toEqual([
      expect.objectContaining({ partyId: '91450200MA5K000000', partyName: "某某科技有限公司'; --", declaredOn: '2026-11-26' }),
    ]);
    await expect(declareConflict(asHead, officer.id, { partyId: '91450200MA5K000000', partyName: 'x', reason: 'y' })).rejects.toMatchObject(
      { code: 'conflict' },
    );

    // The certificate's status follows the clock (Asia/Shanghai dates): expired after its last day.
    now = new Date('2026-12-31T15:59:59.000Z'); // 2026-12-31 23:59:59 in Shanghai
    expect((await listOfficers(asHead, { orgCode: 'lz' })).officers.find((o) => o.id === officer.id)?.certificate.status).toBe('valid');
    now = new Date('2026-12-31T16:00:00.000Z'); // 2027-01-01 in Shanghai
    expect((await listOfficers(asHead, { orgCode: 'lz' })).officers.find((o) => o.id === officer.id)?.certificate.status).toBe('expired');
    now = new Date('2026-11-26T02:00:00.000Z');
    const revoked = await revokeCertificate(asHead, officer.id, '2026-11-01');
    expect(revoked.certificate.status).toBe('revoked');

    // The public notice shows the certificate, never the conflicts.
    const notice = await listPublicOfficers(createContext(database.db, undefined, { clock: () => now }), { orgCode: 'lz' });
    const published = notice.officers.find((o) => o.certificateNumber === number);
    expect(published).toEqual({
      displayName: '李执法',
      organisation: { code: 'lz', name: '柳州市国家保密局' },
      certificateNumber: number,
      issuingBody: '广西壮族自治区人民政府',
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
      status: 'revoked',
    });

    const withdrawn = await withdrawConflict(asHead, officer.id, declared.conflicts[0]?.id as string);
    expect(withdrawn.conflicts).toEqual([]);
    // Officers of another bureau's head are out of reach.
    const otherHead = await createAccount(sys, { orgCode: 'lj', grants: [{ role: 'head', orgCode: 'lj' }] });
    await expect(revokeCertificate(await actingAs(otherHead), officer.id, '2026-11-02')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets the auditor search by action prefix, actor, time and organisation, and audits the search', async () => {
    const auditor = await createAccount(sys, { grants: [{ role: 'security-auditor', orgCode: 'lz', scope: 'subtree' }] });
    const asAuditor = await actingAs(auditor);
    const creations = await searchAuditLog(asAuditor, { action: 'user.create', limit: 500, offset: 0 });
    expect(creations.total).toBeGreaterThan(3);
    expect(creations.records.every((r) => r.action === 'user.create' && ['lz', 'lj'].includes(r.organisation.code))).toBe(true);
    const roles = await searchAuditLog(asAuditor, { action: 'role.', orgCode: 'lz', limit: 2, offset: 0 });
    expect(roles.records).toHaveLength(2);
    expect(roles.records.every((r) => r.action.startsWith('role.'))).toBe(true);
    expect(roles.total).toBeGreaterThan(2);
    const none = await searchAuditLog(asAuditor, { from: '2030-01-01T00:00:00+08:00', limit: 10, offset: 0 });
    expect(none.total).toBe(0);
    const mine = await searchAuditLog(asAuditor, { actor: auditor.id, action: 'audit.search', limit: 10, offset: 0 });
    expect(mine.total).toBe(3); // the three searches above
    expect(mine.records[0]?.details).toMatchObject({ filters: { from: '2030-01-01T00:00:00+08:00' } });
    const byUsername = await searchAuditLog(asAuditor, { actor: auditor.username, action: 'audit.search', limit: 10, offset: 0 });
    expect(byUsername.total).toBe(4); // the four searches above, found by the name people know
    await expect(searchAuditLog(asAuditor, { orgCode: 'gx', limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('ends sessions at the idle and absolute timeouts', async () => {
    const account = await createAccount(sys, {});
    const session = await signIn(sys, account);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await resolveSession(sys, session.token)).status).toBe('active');
    now = new Date(now.getTime() + 30 * 60_000);
    expect(await resolveSession(sys, session.token)).toEqual({ status: 'ended', message: expect.stringContaining('30 分钟') });
    expect((await resolveSession(sys, 'not-a-token')).status).toBe('ended');
  });
});
