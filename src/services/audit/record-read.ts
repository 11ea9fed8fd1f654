/**
 * Recording that the actor read protected records: into the read log, not the audit chain, so that
 * many people reading at once never queue on an organisation's chain head (the chain's lock is for
 * changes). Anonymous and system reads are not recorded.
 */
import { appendReads } from '../../store/repositories/read-log.repository.js';
import type { ServiceContext } from '../context.js';

export interface ReadEntry {
  /** the organisation whose records were read (or the reader's, for a list across organisations) */
  orgId: string;
  /** case.read, case.list, user.list … */
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

/** Appends the read to the read log. */
export async function recordRead(ctx: ServiceContext, entry: ReadEntry): Promise<void> {
  if (ctx.actor.kind !== 'user') return;
  await appendReads(ctx.db, [
    {
      id: ctx.newId(),
      org_id: entry.orgId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      at: ctx.clock().toISOString(),
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      request_id: ctx.request.requestId,
      source_ip: ctx.request.sourceIp,
      details: JSON.stringify(entry.details ?? {}),
    },
  ]);
}
