/** The system administrator's list of accounts, limited to the organisations the grant reaches. */
import type { TUserListResponse } from '../../contracts/users.js';
import { isRoleId, roleLabel } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { listGrantsOfUsers } from '../../store/repositories/role-grants.repository.js';
import { listUsers as listUserRows, type UserRow } from '../../store/repositories/users.repository.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import { chainOrgIdForRead } from '../audit/chain-org-for-read.js';
import { recordRead } from '../audit/record-read.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { presentUser } from './present-user.js';

export interface ListUsersOptions {
  /** one organisation only; default: every organisation in reach */
  orgCode?: string | undefined;
  status?: UserRow['status'] | undefined;
}

/** Accounts in reach, by username; the read goes to the read log. */
export async function listUsers(ctx: ServiceContext, options: ListUsersOptions = {}): Promise<TUserListResponse> {
  const tree = await requireAllowed(ctx, 'users.read', null);
  let orgIds = reachableOrgIdsOf(ctx.actor, 'users.read', tree);
  if (options.orgCode !== undefined) {
    const org = requireOrgByCode(tree, options.orgCode);
    await requireAllowed(ctx, 'users.read', org.id, tree);
    orgIds = [org.id];
  }
  if (orgIds.length === 0) throw new DomainError(ERROR_CODES.forbidden, '您的授权范围内没有组织机构。');
  const rows = await listUserRows(ctx.db, { orgIds, status: options.status });
  // a read: into the read log, never queued on the audit chain's head
  await recordRead(ctx, {
    orgId: chainOrgIdForRead(ctx, tree, orgIds),
    action: 'user.list',
    targetType: 'user',
    targetId: null,
    details: { orgCode: options.orgCode ?? null, status: options.status ?? null, count: rows.length },
  });
  const grants = await listGrantsOfUsers(
    ctx.db,
    rows.map((row) => row.id),
  );
  return {
    users: rows.map((row) => ({
      ...presentUser(row, tree),
      roles: grants
        .filter((grant) => grant.user_id === row.id)
        .map((grant) => ({
          role: grant.role,
          label: isRoleId(grant.role) ? roleLabel(grant.role) : grant.role,
          organisation: tree.byId.get(grant.org_id)?.name ?? '',
          scope: grant.scope,
        })),
    })),
  };
}
