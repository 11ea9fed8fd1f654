/** One account, for the system administrator's edit form; the read is audited. */
import type { TUser } from '../../contracts/users.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

/** The account `userId`. @throws DomainError 'forbidden' / 'not-found' */
export async function getUser(ctx: ServiceContext, userId: string): Promise<TUser> {
  const { user, tree } = await loadUserFor(ctx, 'users.read', userId);
  return inTransaction(ctx, async (tx) => {
    await recordAudit(tx, { orgId: user.org_id, action: 'user.read', targetType: 'user', targetId: user.id });
    return presentUser(user, tree);
  });
}
