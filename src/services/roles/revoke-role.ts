/** The security administrator withdraws a grant (收回角色); it stops working with the next request. */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { deleteGrant, findGrant } from '../../store/repositories/role-grants.repository.js';
import { findUserById } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';

/** Deletes the grant and audits what it was. @throws DomainError 'not-found' / 'forbidden' / 'conflict' (own grant) */
export async function revokeRole(ctx: ServiceContext, grantId: string): Promise<void> {
  const tree = await requireAllowed(ctx, 'roles.assign', null);
  const grant = await findGrant(ctx.db, grantId);
  if (!grant) throw new DomainError(ERROR_CODES.notFound, '该角色授权不存在。');
  await requireAllowed(ctx, 'roles.assign', grant.org_id, tree);
  if (ctx.actor.id === grant.user_id) throw new DomainError(ERROR_CODES.conflict, '不能收回自己的角色。');
  const user = await findUserById(ctx.db, grant.user_id);
  await inTransaction(ctx, async (tx) => {
    await deleteGrant(tx.db, grant.id);
    await recordAudit(tx, {
      orgId: grant.org_id,
      action: 'role.revoke',
      targetType: 'role-grant',
      targetId: grant.id,
      details: {
        userId: grant.user_id,
        username: user?.username ?? null,
        role: grant.role,
        orgCode: requireOrgById(tree, grant.org_id).code,
        scope: grant.scope,
      },
    });
  });
}
