/** Accounts as the system administrator sees them (src/contracts/users.ts ZUser). */
import type { TUser } from '../../contracts/users.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import type { UserRow } from '../../store/repositories/users.repository.js';
import { orgRef, requireOrgById } from '../organisations/load-org-tree.js';

/** The wire shape of an account; never its password hash or TOTP secret. */
export function presentUser(row: UserRow, tree: OrgTree): TUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organisation: orgRef(requireOrgById(tree, row.org_id)),
    status: row.status,
    external: row.external === 1,
    totpEnabled: row.totp_enabled === 1,
    mustChangePassword: row.must_change_password === 1,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
