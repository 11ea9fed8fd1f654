/**
 * A refused request that no use case audited (issue 9: 429s, anonymous 401s and rejected uploads
 * left no trace): recorded as `access.refused` in a transaction of its own — on the account's
 * organisation's chain for a signed-in account, on the installation's own chain for the public.
 * The HTTP layer throttles these per address, so that a flood of refusals cannot flood the log:
 * `suppressed` says how many like it were not recorded one by one since the previous record.
 */
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { recordAudit } from './record-audit.js';

export interface Refusal {
  status: number;
  code: string;
  method: string;
  path: string;
  /** the action of the route, when the route has one */
  action: string | null;
  reason: string;
  /** like refusals from the same address not recorded since the previous record */
  suppressed: number;
}

/** Records the refusal (never throws for the caller's sake: the caller logs a failure). */
export async function recordRefusal(ctx: ServiceContext, refusal: Refusal): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const orgId = tx.actor.kind === 'user' ? tx.actor.orgId : requireOrgByCode(await loadOrgTree(tx.db), tx.settings.homeOrgCode).id;
    await recordAudit(tx, {
      orgId,
      action: 'access.refused',
      targetType: 'endpoint',
      targetId: `${refusal.method} ${refusal.path}`.slice(0, 300),
      details: {
        status: refusal.status,
        code: refusal.code,
        action: refusal.action,
        reason: refusal.reason.slice(0, 500),
        ...(refusal.suppressed > 0 ? { suppressed: refusal.suppressed } : {}),
      },
    });
  });
}
