/** "Log out everywhere" (登出全部设备): ends every open session of the signed-in account. */
import { revokeSessionsOfUser } from '../../store/repositories/sessions.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { requireUser } from './require-user.js';

/** Ends all sessions of the current account, this one included; returns how many were open. */
export async function logoutEverywhere(ctx: ServiceContext): Promise<number> {
  await requireAllowed(ctx, 'account.manageOwn', null);
  const actor = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const ended = await revokeSessionsOfUser(tx.db, actor.id, tx.clock().toISOString(), 'logout-everywhere');
    await recordAudit(tx, {
      orgId: actor.orgId,
      action: 'session.logout-everywhere',
      targetType: 'user',
      targetId: actor.id,
      details: { endedSessions: ended },
    });
    return ended;
  });
}
