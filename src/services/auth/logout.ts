/** Sign-out (登出): ends the session the request came with. */
import { revokeSession } from '../../store/repositories/sessions.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { requireUser } from './require-user.js';

/** Ends the current session and audits it. */
export async function logout(ctx: ServiceContext): Promise<void> {
  await requireAllowed(ctx, 'account.manageOwn', null);
  const actor = requireUser(ctx);
  if (actor.sessionId === null) return;
  const sessionId = actor.sessionId;
  await inTransaction(ctx, async (tx) => {
    if (!(await revokeSession(tx.db, sessionId, tx.clock().toISOString(), 'logout'))) return;
    await recordAudit(tx, { orgId: actor.orgId, action: 'session.logout', targetType: 'session', targetId: sessionId });
  });
}
