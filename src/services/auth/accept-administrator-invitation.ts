/**
 * 三员初始化, step 3: the invitee sets their own password and proves the bound authenticator with
 * a code. Only then does the account exist — with its password, its enabled authenticator and its
 * one role — so there is never a moment when someone else (the system administrator who sent the
 * link) could sign in to it or enrol a second factor for it.
 */
import type { TAcceptedInvitation, TAcceptInvitationRequest } from '../../contracts/admin-invitations.js';
import { ZAcceptInvitationRequest } from '../../contracts/admin-invitations.js';
import { checkRoleAssignment, roleLabel } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { listActiveRoleHolders, useAdminInvitation } from '../../store/repositories/admin-invitations.repository.js';
import { insertGrant } from '../../store/repositories/role-grants.repository.js';
import { updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { insertAccount } from '../users/insert-account.js';
import { requireUsableInvitation, roleAlreadyFilled } from './admin-invitation-rules.js';
import { requireAcceptablePassword } from './password-rules.js';
import { verifyTotp } from './totp.js';

/**
 * Creates the administrator's account from the invitation.
 * @throws DomainError 'validation' (link, password policy, wrong code), 'conflict' (role filled meanwhile, username taken)
 */
export async function acceptAdministratorInvitation(ctx: ServiceContext, request: TAcceptInvitationRequest): Promise<TAcceptedInvitation> {
  const { token, password, totp } = ZAcceptInvitationRequest.parse(request);
  return inTransaction(ctx, async (tx) => {
    const row = await requireUsableInvitation(tx, token);
    const now = tx.clock();
    requireAcceptablePassword(password, row.username, 'password');
    if (row.totp_secret === null) {
      throw new DomainError(ERROR_CODES.validation, '请先用身份验证器扫描本页的二维码。', {
        issues: [{ path: ['totp'], message: '尚未生成身份验证器密钥' }],
      });
    }
    const checked = await verifyTotp({ secret: row.totp_secret, token: totp, now });
    if (!checked.valid) {
      throw new DomainError(ERROR_CODES.validation, '动态口令不正确。请核对手机时间，输入身份验证器当前显示的 6 位数字。', {
        issues: [{ path: ['totp'], message: '动态口令不正确' }],
      });
    }
    const [holder] = await listActiveRoleHolders(tx.db, row.org_id, row.role);
    if (holder) throw roleAlreadyFilled(row.role, holder);
    checkRoleAssignment([], row.role);
    const user = await insertAccount(tx, {
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      password,
      mustChangePassword: false,
      totpSecret: row.totp_secret,
    });
    await updateUser(tx.db, user.id, { totp_enabled: 1, totp_last_step: checked.timeStep });
    if (!(await useAdminInvitation(tx.db, row.id, user.id, now.toISOString()))) {
      throw new DomainError(ERROR_CODES.conflict, '此邀请链接刚刚已被使用。');
    }
    const grantId = tx.newId();
    const grantedByName = `${row.created_by_name}（三员初始化邀请）`;
    await insertGrant(tx.db, {
      id: grantId,
      user_id: user.id,
      role: row.role,
      org_id: row.org_id,
      scope: 'subtree',
      granted_by: row.created_by,
      granted_by_name: grantedByName,
      granted_at: now.toISOString(),
    });
    const actor = { id: user.id, name: user.display_name };
    const org = requireOrgById(await loadOrgTree(tx.db), row.org_id);
    await recordAudit(tx, {
      orgId: row.org_id,
      action: 'admin-invitation.accept',
      targetType: 'admin-invitation',
      targetId: row.id,
      actor,
      details: { role: row.role, username: user.username },
    });
    await recordAudit(tx, {
      orgId: row.org_id,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      actor,
      details: { username: user.username, displayName: user.display_name, orgCode: org.code, via: 'invitation' },
    });
    await recordAudit(tx, {
      orgId: row.org_id,
      action: 'account.totp-enrol',
      targetType: 'user',
      targetId: user.id,
      actor,
      details: { via: 'invitation' },
    });
    // The grant is the inviter's decision (who holds the role), taken effect on the invitee's acceptance.
    await recordAudit(tx, {
      orgId: row.org_id,
      action: 'role.grant',
      targetType: 'role-grant',
      targetId: grantId,
      actor: { id: row.created_by, name: row.created_by_name },
      details: {
        userId: user.id,
        username: user.username,
        role: row.role,
        orgCode: org.code,
        scope: 'subtree',
        via: 'invitation',
        acceptedBy: user.username,
      },
    });
    return {
      username: user.username,
      displayName: user.display_name,
      roleLabel: roleLabel(row.role),
      message: `${roleLabel(row.role)}账号已创建，身份验证器已绑定。请用刚设置的密码和身份验证器中的动态口令登录。`,
    };
  });
}
