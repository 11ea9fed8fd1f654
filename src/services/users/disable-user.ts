/** The system administrator disables an account (停用): it can no longer sign in and its sessions end. */
import type { TUser } from '../../contracts/users.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { revokeSessionsOfUser } from '../../store/repositories/sessions.repository.js';
import { updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

/** Disables the account. @throws DomainError 'conflict' for one's own account */
export async function disableUser(ctx: ServiceContext, userId: string): Promise<TUser> {
  const { user, tree } = await loadUserFor(ctx, 'users.disable', userId);
  if (ctx.actor.id === user.id) throw new DomainError(ERROR_CODES.conflict, '不能停用自己的账号。');
  return inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    await updateUser(tx.db, user.id, { status: 'disabled', updated_at: at });
    const ended = await revokeSessionsOfUser(tx.db, user.id, at, 'account-disabled');
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'user.disable',
      targetType: 'user',
      targetId: user.id,
      details: { endedSessions: ended },
    });
    return presentUser({ ...user, status: 'disabled', updated_at: at }, tree);
  });
}
