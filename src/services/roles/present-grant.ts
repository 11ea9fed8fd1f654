/** Role grants as the security administrator sees them (src/contracts/users.ts ZRoleGrant). */
import type { TRoleGrant } from '../../contracts/users.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import { isRoleId, roleLabel } from '../../domain/access/roles.js';
import type { RoleGrantRow } from '../../store/repositories/role-grants.repository.js';
import { orgRef, requireOrgById } from '../organisations/load-org-tree.js';

/** The wire shape of a grant; null for a grant of a role the code no longer knows. */
export function presentGrant(row: RoleGrantRow, tree: OrgTree): TRoleGrant | null {
  if (!isRoleId(row.role) || !tree.byId.has(row.org_id)) return null;
  return {
    id: row.id,
    userId: row.user_id,
    role: row.role,
    label: roleLabel(row.role),
    organisation: orgRef(requireOrgById(tree, row.org_id)),
    scope: row.scope,
    grantedBy: { id: row.granted_by, name: row.granted_by_name },
    grantedAt: row.granted_at,
  };
}
