/**
 * The security auditor's view of the read log: who read which protected records (cases, account
 * lists), in the organisations the auditor reaches. Searching it is itself a read of the log, kept
 * there too.
 */
import type { TReadLogQuery, TReadLogResponse } from '../../contracts/audit.js';
import { ZReadLogQuery } from '../../contracts/audit.js';
import { searchReads } from '../../store/repositories/read-log.repository.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { chainOrgIdForRead } from './chain-org-for-read.js';
import { recordRead } from './record-read.js';

/** A page of reads, newest first. */
export async function searchReadLog(ctx: ServiceContext, query: TReadLogQuery): Promise<TReadLogResponse> {
  const input = ZReadLogQuery.parse(query);
  const tree = await requireAllowed(ctx, 'audit.read', null);
  let orgIds = reachableOrgIdsOf(ctx.actor, 'audit.read', tree);
  if (input.org) {
    const org = requireOrgByCode(tree, input.org);
    await requireAllowed(ctx, 'audit.read', org.id, tree);
    orgIds = [org.id];
  }
  const { total, rows } = await searchReads(ctx.db, {
    orgIds,
    actorId: input.actor,
    targetType: input.targetType,
    targetId: input.targetId,
    from: input.from,
    to: input.to,
    limit: input.limit,
    offset: input.offset,
  });
  await recordRead(ctx, {
    orgId: chainOrgIdForRead(ctx, tree, orgIds),
    action: 'read-log.search',
    targetType: 'read-log',
    targetId: null,
    details: { total },
  });
  return {
    total,
    limit: input.limit,
    offset: input.offset,
    reads: rows.map((row) => {
      const org = tree.byId.get(row.org_id);
      return {
        id: row.id,
        organisation: { code: org?.code ?? '', name: org?.name ?? '' },
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        requestId: row.request_id,
        sourceIp: row.source_ip,
        details: JSON.parse(row.details) as Record<string, unknown>,
      };
    }),
  };
}
