/**
 * The auditor's "who changed what": the changes-only filter leaves out sign-ins, reads and the
 * auditor's own searches on every dialect, and each record names its target for people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChangeAction } from '../src/contracts/audit-kinds.js';
import { searchAuditLog } from '../src/services/audit/search-audit-log.js';
import { resolveSession } from '../src/services/auth/resolve-session.js';
import { type ServiceContext, withActor } from '../src/services/context.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { getUser } from '../src/services/users/get-user.js';
import { updateUser } from '../src/services/users/update-user.js';
import { createAccount, signIn, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

describe.each(dialectsUnderTest())('readable audit search on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  let auditor: ServiceContext;
  let targetId: string;

  async function actingAs(account: { id: string }): Promise<ServiceContext> {
    const session = await signIn(sys, account);
    const resolved = await resolveSession(sys, session.token);
    if (resolved.status !== 'active') throw new Error('session not active');
    return withActor(sys, resolved.actor);
  }

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    sys = systemContext(database.db);
    await seedOrganisations(sys);
    const admin = await createAccount(sys, { displayName: '张系统', grants: [{ role: 'system-admin', orgCode: 'lz', scope: 'subtree' }] });
    const target = await createAccount(sys, { username: 'li.si', displayName: '李四', grants: [{ role: 'officer', orgCode: 'lz' }] });
    targetId = target.id;
    const asAdmin = await actingAs(admin);
    await getUser(asAdmin, target.id);
    await updateUser(asAdmin, target.id, { displayName: '李斯' });
    auditor = await actingAs(
      await createAccount(sys, { displayName: '赵审计', grants: [{ role: 'security-auditor', orgCode: 'lz', scope: 'subtree' }] }),
    );
    await searchAuditLog(auditor, { limit: 100, offset: 0 });
  });
  afterAll(() => database.destroy());

  it('leaves out reads, sessions and searches when asked for changes only', async () => {
    const all = await searchAuditLog(auditor, { limit: 500, offset: 0 });
    const changes = await searchAuditLog(auditor, { changesOnly: 'true', limit: 500, offset: 0 });
    const allActions = all.records.map((r) => r.action);
    expect(allActions).toEqual(expect.arrayContaining(['user.read', 'audit.search', 'user.update', 'role.grant']));
    const changeActions = changes.records.map((r) => r.action);
    expect(changeActions).toEqual(expect.arrayContaining(['user.update', 'role.grant', 'user.create']));
    expect(changeActions.filter((action) => !isChangeAction(action))).toEqual([]);
    expect(changes.total).toBe(allActions.filter(isChangeAction).length);
  });

  it('names the target of each record: the account’s current name, a grant’s account', async () => {
    const { records } = await searchAuditLog(auditor, { targetId, limit: 50, offset: 0 });
    const update = records.find((r) => r.action === 'user.update');
    expect(update?.targetName).toBe('李斯（li.si）');
    const { records: grants } = await searchAuditLog(auditor, { action: 'role.grant', limit: 50, offset: 0 });
    expect(grants.map((r) => r.targetName)).toContain('li.si');
  });
});
