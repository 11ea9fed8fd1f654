/**
 * Changing one's own password: the current one must be given, the new one must meet the policy and
 * differ from it. Every other session of the account ends (whoever knew the old password is out).
 *
 * A wrong current password counts towards the account's lockout like a failed sign-in (admitted
 * and counted before it is verified: attempt-lockout.ts) and is audited — otherwise a stolen
 * session could guess the password without limit and unseen. A locked account is refused (429).
 */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserById, updateUser } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import { admitAttempt, releaseAttempt } from '../auth/attempt-lockout.js';
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
  const admission = await admitAttempt(ctx, user, (tx, until) =>
    recordAudit(tx, {
      orgId: user.org_id,
      action: 'account.password-change-failed',
      targetType: 'user',
      targetId: user.id,
      details: { reason: 'locked', lockedUntil: until.toISOString() },
    }).then(() => undefined),
  );
  if (!admission.admitted) {
    throw new DomainError(ERROR_CODES.rateLimited, '当前密码连续输错次数过多，账号已暂时锁定，请稍后再试或联系系统管理员。');
  }
  if (!(await verifyPassword(user.password_hash, options.currentPassword))) {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        orgId: user.org_id,
        action: 'account.password-change-failed',
        targetType: 'user',
        targetId: user.id,
        details: { reason: 'bad-password', failures: admission.failures },
      }),
    );
    throw new DomainError(ERROR_CODES.validation, '当前密码不正确。', {
      issues: [{ path: ['currentPassword'], message: '当前密码不正确' }],
    });
  }
  await releaseAttempt(ctx, user);
  requireAcceptablePassword(options.newPassword, user.username, 'newPassword');
  if (options.newPassword === options.currentPassword) {
    throw new DomainError(ERROR_CODES.validation, '新密码不能与当前密码相同。', {
      issues: [{ path: ['newPassword'], message: '新密码不能与当前密码相同' }],
    });
  }
  const passwordHash = await hashPassword(options.newPassword);
  await inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    await updateUser(tx.db, user.id, {
      password_hash: passwordHash,
      must_change_password: 0,
      failed_logins: 0,
      last_failed_at: null,
      locked_until: null,
      updated_at: at,
    });
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
