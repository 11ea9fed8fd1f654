/**
 * The security administrator grants a role (授予角色) to an account on an organisation.
 *
 * Refused (409, with the rule in the message) when the combination breaks 三员分立 or mixes an
 * applicant with internal roles (checkRoleAssignment), when an applicant body's account would get an
 * internal role or a staff account the applicant role, when the grant's organisation lies outside
 * the account's own organisation and its subtree, or when administrators would grant themselves.
 *
 * An administrator role (三员) is granted only to an account whose owner chose its password and
 * enrolled an authenticator: otherwise the system administrator could create an account with a
 * password it knows, have it made auditor and read the audit log as it (三员分立 on paper only).
 * An account whose password an administrator ever chose (creation, reset) is refused for good:
 * the administrator could have signed in first, changed the password and enrolled its own
 * authenticator, and nothing tells that apart from the owner doing it.
 * The clean way to a new administrator is the one-time invitation link (三员初始化). Gaining an
 * administrator role ends the account's sessions, so that no session opened without a second
 * factor carries the new role; the next sign-in asks for the code.
 *
 * Every check on the account's state runs inside the transaction that writes the grant, on the
 * account's row locked for it (an account disabled meanwhile is not granted anything).
 */
import type { TRoleGrant } from '../../contracts/users.js';
import { isInSubtree } from '../../domain/access/organisations.js';
import { checkRoleAssignment, type GrantScope, isRoleId, isSeparatedAdminRole, type RoleId } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { insertGrant, listGrantsOfUser, type RoleGrantRow, updateGrantScope } from '../../store/repositories/role-grants.repository.js';
import { revokeSessionsOfUser } from '../../store/repositories/sessions.repository.js';
import { lockUser } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from '../users/load-user-for.js';
import { presentGrant } from './present-grant.js';

export interface AssignRoleOptions {
  userId: string;
  role: RoleId;
  orgCode: string;
  scope: GrantScope;
}

function refuse(message: string, path: string): DomainError {
  return new DomainError(ERROR_CODES.conflict, message, { issues: [{ path: [path], message }] });
}

/**
 * Grants the role (or changes the scope of the same grant) and audits it. A grant refused by one of
 * the rules above is audited too (`role.grant-refused`, in a transaction of its own): an attempt to
 * break 三员分立 is exactly what the security auditor must see.
 */
export async function assignRole(ctx: ServiceContext, options: AssignRoleOptions): Promise<TRoleGrant> {
  const loaded = await loadUserFor(ctx, 'roles.assign', options.userId);
  const { user, tree } = loaded;
  const org = requireOrgByCode(tree, options.orgCode);
  await requireAllowed(ctx, 'roles.assign', org.id, tree);
  try {
    return await grant(ctx, options, loaded, org);
  } catch (error) {
    if (error instanceof DomainError && error.code === ERROR_CODES.conflict) {
      await inTransaction(ctx, (tx) =>
        recordAudit(tx, {
          orgId: org.id,
          action: 'role.grant-refused',
          targetType: 'user',
          targetId: user.id,
          details: { username: user.username, role: options.role, orgCode: org.code, scope: options.scope, reason: error.message },
        }),
      );
    }
    throw error;
  }
}

async function grant(
  ctx: ServiceContext,
  options: AssignRoleOptions,
  { user: loaded, tree }: Awaited<ReturnType<typeof loadUserFor>>,
  org: ReturnType<typeof requireOrgByCode>,
): Promise<TRoleGrant> {
  if (ctx.actor.id === loaded.id) throw refuse('不能给自己授予角色。', 'userId');

  return inTransaction(ctx, async (tx) => {
    const user = await lockUser(tx.db, loaded.id);
    if (!user) throw new DomainError(ERROR_CODES.notFound, '用户不存在。');
    if (user.status !== 'active') throw refuse('该账号已停用，不能授予角色。', 'userId');
    if (user.external === 1 && options.role !== 'applicant') throw refuse('申请单位账号只能授予“申请单位用户”角色。', 'role');
    if (user.external !== 1 && options.role === 'applicant') throw refuse('“申请单位用户”角色只能授予申请单位账号。', 'role');
    if (!isInSubtree(org.id, user.org_id, tree)) throw refuse('只能在该账号所属机构或其下级机构范围内授予角色。', 'orgCode');
    if (isSeparatedAdminRole(options.role)) {
      if (user.password_set_by_admin === 1) {
        throw refuse(
          '该账号的密码由管理员设置过（创建账号或重置密码时）：即使本人后来修改过，管理员也可能先行登录并改掉它，因此不能授予三员角色。新的管理员请用“三员初始化”邀请链接创建，由本人设置密码和身份验证器。',
          'userId',
        );
      }
      if (user.must_change_password === 1) {
        throw refuse(
          '该账号的密码由管理员设置，本人尚未修改：三员角色只能授予由本人设置密码并绑定了身份验证器的账号。新的管理员请用“三员初始化”邀请链接创建。',
          'userId',
        );
      }
      if (user.totp_enabled !== 1) {
        throw refuse(
          '该账号尚未由本人绑定身份验证器（动态口令）：三员角色只能授予由本人设置密码并绑定了身份验证器的账号。请账号本人先在“账号设置”中绑定。',
          'userId',
        );
      }
    }
    const existing = await listGrantsOfUser(tx.db, user.id);
    checkRoleAssignment(existing.map((g) => g.role).filter(isRoleId), options.role);
    const at = tx.clock().toISOString();
    const same = existing.find((g) => g.role === options.role && g.org_id === org.id);
    let row: RoleGrantRow;
    if (same) {
      if (same.scope === options.scope) throw refuse('该账号已在该机构拥有此角色。', 'role');
      await updateGrantScope(tx.db, same.id, options.scope);
      row = { ...same, scope: options.scope };
    } else {
      row = {
        id: tx.newId(),
        user_id: user.id,
        role: options.role,
        org_id: org.id,
        scope: options.scope,
        granted_by: tx.actor.id,
        granted_by_name: tx.actor.name,
        granted_at: at,
      };
      await insertGrant(tx.db, row);
    }
    // A session opened without a second factor must not carry an administrator role.
    const endedSessions = isSeparatedAdminRole(options.role)
      ? await revokeSessionsOfUser(tx.db, user.id, at, 'administrator-role-granted')
      : 0;
    await recordAudit(tx, {
      orgId: org.id,
      action: 'role.grant',
      targetType: 'role-grant',
      targetId: row.id,
      details: {
        userId: user.id,
        username: user.username,
        role: options.role,
        orgCode: org.code,
        scope: options.scope,
        ...(same ? { previousScope: same.scope } : {}),
        ...(endedSessions > 0 ? { endedSessions } : {}),
      },
    });
    const presented = presentGrant(row, tree);
    if (!presented) throw new Error('a granted role must be presentable');
    return presented;
  });
}
