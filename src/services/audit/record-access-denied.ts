/**
 * A signed-in account was refused (403): the attempt goes into the account's organisation's chain
 * in a transaction of its own, since the refused request changed nothing.
 */

import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { recordAudit } from './record-audit.js';

export interface AccessDenied {
  action: string | null;
  method: string;
  path: string;
  reason: string;
}

/** Records the refusal when the actor is a signed-in account; anonymous refusals are not recorded. */
export async function recordAccessDenied(ctx: ServiceContext, denied: AccessDenied): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return;
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      orgId: actor.orgId,
      action: 'access.denied',
      targetType: 'endpoint',
      targetId: `${denied.method} ${denied.path}`,
      details: { action: denied.action, reason: denied.reason },
    }),
  );
}
