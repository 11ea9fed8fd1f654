/** Finishing the enrolment of an authenticator app with a code from it. */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserById, updateUser } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import { requireUser } from '../auth/require-user.js';
import { verifyTotp } from '../auth/totp.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';

/**
 * Enables the pending secret when `code` matches it; from then on sign-in asks for a code.
 * @throws DomainError 'conflict' without a pending secret, 'validation' for a wrong code.
 */
export async function confirmTotpEnrolment(ctx: ServiceContext, code: string): Promise<void> {
  await requireAllowed(ctx, 'account.manageOwn', null);
  const actor = requireUser(ctx);
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new DomainError(ERROR_CODES.unauthenticated, '请先登录。');
  if (user.totp_enabled === 1) throw new DomainError(ERROR_CODES.conflict, '本账号已绑定身份验证器。');
  if (user.totp_secret === null) throw new DomainError(ERROR_CODES.conflict, '请先获取绑定密钥，再输入动态口令。');
  const checked = await verifyTotp({ secret: user.totp_secret, token: code, now: ctx.clock(), lastUsedTimeStep: user.totp_last_step });
  if (!checked.valid) {
    throw new DomainError(ERROR_CODES.validation, '动态口令不正确，请输入身份验证器中最新的 6 位口令。', {
      issues: [{ path: ['code'], message: '动态口令不正确' }],
    });
  }
  await inTransaction(ctx, async (tx) => {
    await updateUser(tx.db, user.id, { totp_enabled: 1, totp_last_step: checked.timeStep, updated_at: tx.clock().toISOString() });
    await recordAudit(tx, { orgId: user.org_id, action: 'account.totp-enrol', targetType: 'user', targetId: user.id });
  });
}
