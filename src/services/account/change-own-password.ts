/**
 * Changing one's own password: the current one must be given, the new one must meet the policy and
 * differ from it. Every other session of the account ends (whoever knew the old password is out).
 */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserById, updateUser } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import { requireAcceptablePassword } from '../auth/password-rules.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { requireUser } from '../auth/require-user.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';

export interface ChangeOwnPasswordOptions {
  currentPassword: string;
  newPassword: string;
}

/**
 * Sets a new password for the signed-in account.
 * @throws DomainError 'validation' for a wrong current password or a new one that breaks the policy.
 */
export async function changeOwnPassword(ctx: ServiceContext, options: ChangeOwnPasswordOptions): Promise<void> {
  await requireAllowed(ctx, 'account.manageOwn', null);
  const actor = requireUser(ctx);
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new DomainError(ERROR_CODES.unauthenticated, '请先登录。');
  if (!(await verifyPassword(user.password_hash, options.currentPassword))) {
    throw new DomainError(ERROR_CODES.validation, '当前密码不正确。', {
      issues: [{ path: ['currentPassword'], message: '当前密码不正确' }],
    });
  }
  requireAcceptablePassword(options.newPassword, user.username, 'newPassword');
  if (options.newPassword === options.currentPassword) {
    throw new DomainError(ERROR_CODES.validation, '新密码不能与当前密码相同。', {
      issues: [{ path: ['newPassword'], message: '新密码不能与当前密码相同' }],
    });
  }
  const passwordHash = await hashPassword(options.newPassword);
  await inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    await updateUser(tx.db, user.id, { password_hash: passwordHash, must_change_password: 0, updated_at: at });
    let query = tx.db
      .updateTable('sessions')
      .set({ revoked_at: at, revoke_reason: 'password-change' })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null);
    if (actor.sessionId !== null) query = query.where('id', '!=', actor.sessionId);
    const ended = Number((await query.executeTakeFirst()).numUpdatedRows);
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'account.password-change',
      targetType: 'user',
      targetId: user.id,
      details: { endedOtherSessions: ended },
    });
  });
}
