/** The system administrator re-enables a disabled account (启用). */
import type { TUser } from '../../contracts/users.js';
import { updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

/** Enables the account. */
export async function enableUser(ctx: ServiceContext, userId: string): Promise<TUser> {
  const { user, tree } = await loadUserFor(ctx, 'users.disable', userId);
  return inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    await updateUser(tx.db, user.id, { status: 'active', updated_at: at });
    await recordAudit(tx, { orgId: user.org_id, action: 'user.enable', targetType: 'user', targetId: user.id });
    return presentUser({ ...user, status: 'active', updated_at: at }, tree);
  });
}
