/** An account with its current role grants, as the actor of a request. */
import { isRoleId, type RoleGrant } from '../../domain/access/roles.js';
import type { Db } from '../../store/database.js';
import { listGrantsOfUser, type RoleGrantRow } from '../../store/repositories/role-grants.repository.js';
import type { UserRow } from '../../store/repositories/users.repository.js';
import type { UserActor } from '../context.js';

/** Stored grants as the domain's RoleGrant; a role id the code no longer knows grants nothing. */
export function grantsOf(rows: readonly RoleGrantRow[]): RoleGrant[] {
  const grants: RoleGrant[] = [];
  for (const row of rows) if (isRoleId(row.role)) grants.push({ role: row.role, orgId: row.org_id, scope: row.scope });
  return grants;
}

/** The actor of an account, with its grants read now (a revoked role stops working at once). */
export async function userActorOf(db: Db, user: UserRow, sessionId: string | null): Promise<UserActor> {
  const grants = grantsOf(await listGrantsOfUser(db, user.id));
  return {
    kind: 'user',
    id: user.id,
    name: user.display_name,
    username: user.username,
    orgId: user.org_id,
    grants,
    sessionId,
    mustChangePassword: user.must_change_password === 1,
  };
}
