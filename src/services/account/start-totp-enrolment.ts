/**
 * Enrolling an authenticator app for one's own account (optional for everyone but the three
 * administrators, who enrol during sign-in). The secret is kept pending until a code confirms it.
 */
import type { TTotpEnrolment } from '../../contracts/auth.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserById, updateUser } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { requireUser } from '../auth/require-user.js';
import { createTotpSecret, totpUri } from '../auth/totp.js';
import type { ServiceContext } from '../context.js';

/** A new pending secret for the signed-in account. @throws DomainError 'conflict' when one is already enabled. */
export async function startTotpEnrolment(ctx: ServiceContext): Promise<TTotpEnrolment> {
  await requireAllowed(ctx, 'account.manageOwn', null);
  const actor = requireUser(ctx);
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new DomainError(ERROR_CODES.unauthenticated, '请先登录。');
  if (user.totp_enabled === 1) throw new DomainError(ERROR_CODES.conflict, '本账号已绑定身份验证器。如需更换，请联系系统管理员重置。');
  const secret = createTotpSecret();
  await updateUser(ctx.db, user.id, { totp_secret: secret, updated_at: ctx.clock().toISOString() });
  return { secret, uri: totpUri({ secret, accountName: user.username }) };
}
