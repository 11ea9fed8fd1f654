/**
 * 三员初始化, step 1: the system administrator names the security administrator or the security
 * auditor and receives a one-time link for that person. The system administrator never learns their
 * password or authenticator: the invitee sets both on the link's page. A new link for a role
 * replaces the earlier one; a role an active account already holds cannot be invited again.
 */
import type { TAdministratorInvitationLink, TInviteAdministratorRequest } from '../../contracts/admin-invitations.js';
import { ZInviteAdministratorRequest } from '../../contracts/admin-invitations.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import {
  insertAdminInvitation,
  listActiveRoleHolders,
  listOpenAdminInvitations,
  retireAdminInvitations,
} from '../../store/repositories/admin-invitations.repository.js';
import { findUserByUsername } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { INVITATION_LINK_HOURS, roleAlreadyFilled } from './admin-invitation-rules.js';
import { hashToken, newSessionToken } from './session-tokens.js';

/**
 * Issues the invitation and returns its link (shown once).
 * @throws DomainError 'forbidden' unless the actor may create accounts on the installation's organisation;
 *   'conflict' when the role is filled or the username is taken.
 */
export async function inviteAdministrator(
  ctx: ServiceContext,
  request: TInviteAdministratorRequest,
): Promise<TAdministratorInvitationLink> {
  const { role, username, displayName } = ZInviteAdministratorRequest.parse(request);
  const tree = await loadOrgTree(ctx.db);
  const home = requireOrgByCode(tree, ctx.settings.homeOrgCode);
  await requireAllowed(ctx, 'users.create', home.id, tree);
  const token = newSessionToken();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock();
    const [holder] = await listActiveRoleHolders(tx.db, home.id, role);
    if (holder) throw roleAlreadyFilled(role, holder);
    if (await findUserByUsername(tx.db, username)) {
      throw new DomainError(
        ERROR_CODES.conflict,
        `用户名“${username}”已被使用。三员须使用专门的新账号：如已在用户管理中为此人建了普通账号，请停用它，换一个用户名邀请。`,
        { issues: [{ path: ['username'], message: '用户名已被使用' }] },
      );
    }
    const pending = await listOpenAdminInvitations(tx.db, home.id);
    if (pending.some((other) => other.role !== role && other.username === username && Date.parse(other.expires_at) > now.getTime())) {
      throw new DomainError(ERROR_CODES.conflict, `用户名“${username}”已用于另一个管理员角色的邀请：三员须由不同的人担任。`, {
        issues: [{ path: ['username'], message: '已用于另一个管理员角色的邀请' }],
      });
    }
    const replaced = await retireAdminInvitations(tx.db, home.id, role, now.toISOString());
    const id = tx.newId();
    const expiresAt = new Date(now.getTime() + INVITATION_LINK_HOURS * 3_600_000).toISOString();
    await insertAdminInvitation(tx.db, {
      id,
      org_id: home.id,
      role,
      username,
      display_name: displayName,
      token_hash: hashToken(token),
      totp_secret: null,
      created_at: now.toISOString(),
      created_by: tx.actor.id,
      created_by_name: tx.actor.name,
      expires_at: expiresAt,
      used_at: null,
      retired_at: null,
      user_id: null,
    });
    await recordAudit(tx, {
      orgId: home.id,
      action: 'admin-invitation.issue',
      targetType: 'admin-invitation',
      targetId: id,
      details: { role, username, displayName, expiresAt, replacedInvitations: replaced },
    });
    return { role, username, displayName, path: `/invite#token=${token}`, expiresAt };
  });
}
