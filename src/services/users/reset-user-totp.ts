/**
 * The system administrator clears an account's authenticator (a lost phone); the account enrols a
 * new one at its next sign-in (administrators must) or from its settings. Not for the security
 * administrator or the security auditor: a system administrator who could reset their password
 * and their second factor could take their accounts over, and 三员分立 would be on paper only.
 * Theirs is reset from the server's command line (`quanze user reset-totp`).
 */
import type { TUser } from '../../contracts/users.js';
import { isRoleId } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { listGrantsOfUser } from '../../store/repositories/role-grants.repository.js';
import { revokeSessionsOfUser } from '../../store/repositories/sessions.repository.js';
import { updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

const PROTECTED_ROLES = new Set(['security-admin', 'security-auditor']);

/** Clears the TOTP secret and ends the account's sessions. @throws DomainError 'forbidden' for the other two administrators */
export async function resetUserTotp(ctx: ServiceContext, userId: string): Promise<TUser> {
  const { user, tree } = await loadUserFor(ctx, 'users.update', userId);
  const grants = await listGrantsOfUser(ctx.db, user.id);
  if (ctx.actor.kind !== 'system' && grants.some((g) => isRoleId(g.role) && PROTECTED_ROLES.has(g.role))) {
    throw new DomainError(
      ERROR_CODES.forbidden,
      '安全管理员和安全审计员的动态口令不能在网页中重置（三员分立）。请由运维人员在服务器上执行 quanze user reset-totp。',
    );
  }
  return inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    const changes = { totp_secret: null, totp_enabled: 0, totp_last_step: null, updated_at: at };
    await updateUser(tx.db, user.id, changes);
    const ended = await revokeSessionsOfUser(tx.db, user.id, at, 'totp-reset');
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'user.totp-reset',
      targetType: 'user',
      targetId: user.id,
      details: { endedSessions: ended },
    });
    return presentUser({ ...user, ...changes }, tree);
  });
}
