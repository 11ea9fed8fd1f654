/** The system administrator corrects an account's display name. */
import type { TUser } from '../../contracts/users.js';
import { updateUser as updateUserRow } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

/** Renames the account; the audit log keeps the old and new names. */
export async function updateUser(ctx: ServiceContext, userId: string, changes: { displayName: string }): Promise<TUser> {
  const { user, tree } = await loadUserFor(ctx, 'users.update', userId);
  return inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    await updateUserRow(tx.db, user.id, { display_name: changes.displayName, updated_at: at });
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'user.update',
      targetType: 'user',
      targetId: user.id,
      details: { displayName: { before: user.display_name, after: changes.displayName } },
    });
    return presentUser({ ...user, display_name: changes.displayName, updated_at: at }, tree);
  });
}
