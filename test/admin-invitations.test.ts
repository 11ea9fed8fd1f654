/**
 * 三员初始化 against real databases: the system administrator invites the security administrator
 * and the auditor; each invitee sets their own password and authenticator on the link, and only
 * then does their account exist — with one role and an enabled second factor. A link works once,
 * a filled role cannot be invited again, a taken username is refused, and the system administrator
 * still cannot reset the invitee's authenticator.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../src/domain/errors.js';
import { searchAuditLog } from '../src/services/audit/search-audit-log.js';
import { acceptAdministratorInvitation } from '../src/services/auth/accept-administrator-invitation.js';
import { getAdministratorBootstrap } from '../src/services/auth/get-administrator-bootstrap.js';
import { inviteAdministrator } from '../src/services/auth/invite-administrator.js';
import { openAdministratorInvitation } from '../src/services/auth/open-administrator-invitation.js';
import { resolveSession } from '../src/services/auth/resolve-session.js';
import { createContext, type ServiceContext, withActor } from '../src/services/context.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { resetUserTotp } from '../src/services/users/reset-user-totp.js';
import { createAccount, signIn, systemContext, TEST_PASSWORD, type TestAccount, uniqueName } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

const tokenOf = (path: string) => new URLSearchParams(path.split('#')[1]).get('token') ?? '';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe.each(dialectsUnderTest())('administrator invitations on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  let admin: TestAccount;
  let asAdmin: ServiceContext;
  let now = new Date('2026-12-03T02:00:00.000Z');
  const publicCtx = () => createContext(database.db, { kind: 'anonymous', id: null, name: '公众' }, { clock: () => now });

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
    admin = await createAccount(sys, { displayName: '张系统', grants: [{ role: 'system-admin', orgCode: 'lz', scope: 'subtree' }] });
    asAdmin = await actingAs(admin);
  });
  afterAll(() => database.destroy());

  it('shows both roles open before anyone is invited', async () => {
    const { slots } = await getAdministratorBootstrap(asAdmin);
    expect(slots.map((s) => [s.role, s.state])).toEqual([
      ['security-admin', 'open'],
      ['security-auditor', 'open'],
    ]);
  });

  it('lets the invitee set password and authenticator; the account exists only after that, with its one role', async () => {
    const username = uniqueName('audit');
    const link = await inviteAdministrator(asAdmin, { role: 'security-auditor', username, displayName: '李审计' });
    expect(link.path).toMatch(/^\/invite#token=[A-Za-z0-9_-]{40,}$/);
    expect((await getAdministratorBootstrap(asAdmin)).slots[1]?.state).toBe('invited');
    expect(await database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()).toBeUndefined();

    const token = tokenOf(link.path);
    const opened = await openAdministratorInvitation(publicCtx(), token);
    expect(opened).toMatchObject({
      role: 'security-auditor',
      roleLabel: '安全审计员',
      username,
      displayName: '李审计',
      invitedBy: '张系统',
    });
    // Opening again shows the same authenticator (a reload must not invalidate what was scanned).
    expect((await openAdministratorInvitation(publicCtx(), token)).enrolment.secret).toBe(opened.enrolment.secret);

    const wrongCode = await refusal(acceptAdministratorInvitation(publicCtx(), { token, password: TEST_PASSWORD, totp: '000000' }));
    expect(wrongCode.code).toBe('validation');
    const weak = await refusal(acceptAdministratorInvitation(publicCtx(), { token, password: 'password1234', totp: '000000' }));
    expect(weak.message).toContain('密码');

    const code = await generate({ secret: opened.enrolment.secret, epoch: Math.floor(now.getTime() / 1000) });
    const accepted = await acceptAdministratorInvitation(publicCtx(), { token, password: TEST_PASSWORD, totp: code });
    expect(accepted).toMatchObject({ username, roleLabel: '安全审计员' });

    const user = await database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    expect(user.totp_enabled).toBe(1);
    expect(user.must_change_password).toBe(0);
    const grants = await database.db.selectFrom('role_grants').selectAll().where('user_id', '=', user.id).execute();
    expect(grants.map((g) => [g.role, g.scope, g.granted_by_name])).toEqual([['security-auditor', 'subtree', '张系统（三员初始化邀请）']]);

    const again = await refusal(acceptAdministratorInvitation(publicCtx(), { token, password: TEST_PASSWORD, totp: code }));
    expect(again.message).toContain('邀请链接无效、已使用或已过期');
    const bootstrap = await getAdministratorBootstrap(asAdmin);
    expect(bootstrap.slots[1]).toMatchObject({ state: 'filled', holder: { username, totpEnabled: true } });

    // The system administrator cannot take the account over by clearing its second factor.
    const reset = await refusal(resetUserTotp(asAdmin, user.id));
    expect(reset.code).toBe('forbidden');

    // The audit log names the invitee as the one who set up the account, the inviter as the one who chose them.
    const records = await searchAuditLog(sys, { targetId: user.id, limit: 100, offset: 0 });
    expect(records.records.map((r) => [r.action, r.actorName])).toEqual(
      expect.arrayContaining([
        ['user.create', '李审计'],
        ['account.totp-enrol', '李审计'],
      ]),
    );
    const grantRecord = await searchAuditLog(sys, { action: 'role.grant', limit: 100, offset: 0 });
    expect(grantRecord.records.find((r) => r.details.acceptedBy === username)?.actorName).toBe('张系统');
  });

  it('refuses to invite for a filled role, a taken username, or by anyone but the system administrator', async () => {
    const filled = await refusal(inviteAdministrator(asAdmin, { role: 'security-auditor', username: uniqueName('a'), displayName: '王' }));
    expect(filled.code).toBe('conflict');
    expect(filled.message).toContain('已有安全审计员');

    const taken = await refusal(inviteAdministrator(asAdmin, { role: 'security-admin', username: admin.username, displayName: '重名' }));
    expect(taken.code).toBe('conflict');
    expect(taken.message).toContain('已被使用');

    const officer = await createAccount(sys, { grants: [{ role: 'officer', orgCode: 'lz' }] });
    const notAdmin = await refusal(
      inviteAdministrator(await actingAs(officer), { role: 'security-admin', username: uniqueName('s'), displayName: '赵' }),
    );
    expect(notAdmin.code).toBe('forbidden');
  });

  it('retires the earlier link when a new one is made for the same role, and refuses expired links', async () => {
    const first = await inviteAdministrator(asAdmin, { role: 'security-admin', username: uniqueName('sec'), displayName: '周安全' });
    const second = await inviteAdministrator(asAdmin, { role: 'security-admin', username: uniqueName('sec'), displayName: '吴安全' });
    expect((await refusal(openAdministratorInvitation(publicCtx(), tokenOf(first.path)))).code).toBe('validation');
    expect((await openAdministratorInvitation(publicCtx(), tokenOf(second.path))).displayName).toBe('吴安全');
    now = new Date(now.getTime() + 73 * 3_600_000);
    expect((await refusal(openAdministratorInvitation(publicCtx(), tokenOf(second.path)))).code).toBe('validation');
    expect((await getAdministratorBootstrap(asAdmin)).slots[0]?.state).toBe('open');
  });
});
