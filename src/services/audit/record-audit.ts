/**
 * Appends an audit record for the current actor and request, in the transaction of the change it
 * records (ctx.db must be that transaction: see inTransaction).
 */
import type { TAuditAction } from '../../contracts/audit.js';
import type { AuditRecord, JsonValue } from '../../store/audit/audit-hash.js';
import { appendAudit } from '../../store/audit/audit-log.repository.js';
import type { ServiceContext } from '../context.js';

export interface AuditEntry {
  /** the organisation whose chain records the event: the resource's, or the actor's for reads across organisations */
  orgId: string;
  action: TAuditAction;
  targetType: string;
  targetId: string | null;
  /** what changed or was asked for; never passwords, tokens or TOTP secrets */
  details?: { [key: string]: JsonValue };
  /** who acted, when it is not the context's actor (a sign-in before the session exists) */
  actor?: { id: string | null; name: string };
}

/** Seals the entry onto its organisation's chain in the context's transaction. */
export function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<AuditRecord> {
  const actor = entry.actor ?? { id: ctx.actor.id, name: ctx.actor.name };
  return appendAudit(ctx.db, {
    id: ctx.newId(),
    orgId: entry.orgId,
    at: ctx.clock().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    requestId: ctx.request.requestId,
    sourceIp: ctx.request.sourceIp,
    details: entry.details ?? {},
    alg: ctx.settings.auditHash,
  });
}
