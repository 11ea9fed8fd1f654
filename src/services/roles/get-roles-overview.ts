/**
 * The security administrator's page (角色授权): the role catalogue with what each role may do, and
 * every account in reach with its grants on organisations in reach. The read is audited.
 */
import type { TRoleDefinition, TRolesOverview } from '../../contracts/users.js';
import { type Action, POLICIES, type PolicyRule } from '../../domain/access/policies.js';
import { isSeparatedAdminRole, ROLE_IDS, ROLES } from '../../domain/access/roles.js';
import { listGrantsOfUsers } from '../../store/repositories/role-grants.repository.js';
import { listUsers } from '../../store/repositories/users.repository.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import { chainOrgIdForRead } from '../audit/chain-org-for-read.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { orgRef, requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { presentGrant } from './present-grant.js';

/** Every role with the actions its policies give it. */
export function roleCatalogue(): TRoleDefinition[] {
  return ROLE_IDS.map((role) => ({
    id: role,
    label: ROLES[role].label,
    description: ROLES[role].description,
    separatedAdmin: isSeparatedAdminRole(role),
    actions: (Object.keys(POLICIES) as Action[]).flatMap((action) => {
      const rule: PolicyRule = POLICIES[action].rule;
      return rule.who === 'roles' && rule.roles.includes(role)
        ? [{ action, description: POLICIES[action].description, reach: rule.reach }]
        : [];
    }),
  }));
}

/** The catalogue and the accounts in reach with their grants. */
export async function getRolesOverview(ctx: ServiceContext): Promise<TRolesOverview> {
  const tree = await requireAllowed(ctx, 'roles.read', null);
  const orgIds = reachableOrgIdsOf(ctx.actor, 'roles.read', tree);
  const inReach = new Set(orgIds);
  return inTransaction(ctx, async (tx) => {
    const users = await listUsers(tx.db, { orgIds });
    const grants = await listGrantsOfUsers(
      tx.db,
      users.map((u) => u.id),
    );
    await recordAudit(tx, {
      orgId: chainOrgIdForRead(tx, tree, orgIds),
      action: 'role.list',
      targetType: 'role-grant',
      targetId: null,
      details: { users: users.length },
    });
    return {
      roles: roleCatalogue(),
      users: users.map((user) => ({
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        organisation: orgRef(requireOrgById(tree, user.org_id)),
        status: user.status,
        external: user.external === 1,
        grants: grants
          .filter((g) => g.user_id === user.id && inReach.has(g.org_id))
          .flatMap((g) => {
            const presented = presentGrant(g, tree);
            return presented ? [presented] : [];
          }),
      })),
    };
  });
}
