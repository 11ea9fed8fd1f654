/** 三员初始化: where the security administrator's and the security auditor's roles stand, for the system administrator. */
import { INVITED_ROLE_VALUES, type TAdministratorBootstrap } from '../../contracts/admin-invitations.js';
import { roleLabel } from '../../domain/access/roles.js';
import { listActiveRoleHolders, listOpenAdminInvitations } from '../../store/repositories/admin-invitations.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';

/** Each role filled (by whom), invited (whom, until when) or open. @throws DomainError 'forbidden' */
export async function getAdministratorBootstrap(ctx: ServiceContext): Promise<TAdministratorBootstrap> {
  const tree = await loadOrgTree(ctx.db);
  const home = requireOrgByCode(tree, ctx.settings.homeOrgCode);
  await requireAllowed(ctx, 'users.read', home.id, tree);
  const now = ctx.clock().getTime();
  const open = (await listOpenAdminInvitations(ctx.db, home.id)).filter((row) => Date.parse(row.expires_at) > now);
  const slots = await Promise.all(
    INVITED_ROLE_VALUES.map(async (role) => {
      const [holder] = await listActiveRoleHolders(ctx.db, home.id, role);
      const invitation = open.find((row) => row.role === role);
      return {
        role,
        roleLabel: roleLabel(role),
        state: holder ? ('filled' as const) : invitation ? ('invited' as const) : ('open' as const),
        holder: holder ? { username: holder.username, displayName: holder.display_name, totpEnabled: holder.totp_enabled === 1 } : null,
        invitation:
          !holder && invitation
            ? {
                username: invitation.username,
                displayName: invitation.display_name,
                createdAt: invitation.created_at,
                expiresAt: invitation.expires_at,
              }
            : null,
      };
    }),
  );
  return { slots };
}
