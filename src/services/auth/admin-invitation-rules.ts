/**
 * What the three steps of the administrators' bootstrap (三员初始化) share: how long a link lives,
 * finding a usable invitation by its token, and the refusal when a role is already filled.
 */
import type { TInvitedRole } from '../../contracts/admin-invitations.js';
import { roleLabel } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { type AdminInvitationRow, findAdminInvitationByTokenHash } from '../../store/repositories/admin-invitations.repository.js';
import type { ServiceContext } from '../context.js';
import { hashToken } from './session-tokens.js';

/** How long an invitation link stays usable. */
export const INVITATION_LINK_HOURS = 72;

/** The refusal for a link that is unknown, used, replaced or expired (the same words for each: a guesser learns nothing). */
export function invalidInvitation(): DomainError {
  return new DomainError(ERROR_CODES.validation, '邀请链接无效、已使用或已过期。请联系系统管理员重新生成邀请链接。', {
    issues: [{ path: ['token'], message: '邀请链接无效、已使用或已过期' }],
  });
}

/** The open, unexpired invitation of a token. @throws DomainError 'validation' otherwise */
export async function requireUsableInvitation(ctx: ServiceContext, token: string): Promise<AdminInvitationRow> {
  const row = await findAdminInvitationByTokenHash(ctx.db, hashToken(token.trim()));
  if (!row || row.used_at !== null || row.retired_at !== null || Date.parse(row.expires_at) <= ctx.clock().getTime()) {
    throw invalidInvitation();
  }
  return row;
}

/** The refusal when an active account already holds the role. */
export function roleAlreadyFilled(role: TInvitedRole, holder: { username: string; display_name: string }): DomainError {
  return new DomainError(
    ERROR_CODES.conflict,
    `已有${roleLabel(role)}：${holder.display_name}（${holder.username}）。三员初始化只为尚无人担任的角色生成邀请；更换人选请由运维人员在服务器上执行 quanze user create-admin。`,
    { issues: [{ path: ['role'], message: `已有${roleLabel(role)}` }] },
  );
}
