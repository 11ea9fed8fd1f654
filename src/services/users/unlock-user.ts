/** The system administrator lifts a lockout after repeated failed sign-ins (解除锁定). */
import type { TUser } from '../../contracts/users.js';
import { updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

/** Clears the failure count of the account. */
export async function unlockUser(ctx: ServiceContext, userId: string): Promise<TUser> {
  const { user, tree } = await loadUserFor(ctx, 'users.update', userId);
  return inTransaction(ctx, async (tx) => {
    const changes = { failed_logins: 0, last_failed_at: null, locked_until: null, updated_at: tx.clock().toISOString() };
    await updateUser(tx.db, user.id, changes);
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'user.unlock',
      targetType: 'user',
      targetId: user.id,
      details: { failures: user.failed_logins },
    });
    return presentUser({ ...user, ...changes }, tree);
  });
}
