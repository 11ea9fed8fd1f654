/**
 * The security auditor's search of the audit log (审计日志查询), over the organisations the grant
 * reaches, newest first. The search itself is recorded — auditors are audited too.
 */
import type { TAuditRecord, TAuditSearchResponse } from '../../contracts/audit.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import type { AuditRecord } from '../../store/audit/audit-hash.js';
import { searchAuditRecords } from '../../store/audit/audit-log.repository.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode, requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { chainOrgIdForRead } from './chain-org-for-read.js';
import { recordAudit } from './record-audit.js';

export interface SearchAuditLogOptions {
  orgCode?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  requestId?: string | undefined;
  /** ISO 8601 instants, any offset */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** A stored record with its organisation, as the auditor sees it. */
export function presentAuditRecord(record: AuditRecord, tree: OrgTree): TAuditRecord {
  const org = requireOrgById(tree, record.orgId);
  const { orgId: _orgId, ...rest } = record;
  return { ...rest, organisation: { code: org.code, name: org.name } };
}

/** Records matching every given filter. */
export async function searchAuditLog(ctx: ServiceContext, options: SearchAuditLogOptions): Promise<TAuditSearchResponse> {
  const tree = await requireAllowed(ctx, 'audit.read', null);
  let orgIds = reachableOrgIdsOf(ctx.actor, 'audit.read', tree);
  if (options.orgCode !== undefined) {
    const org = requireOrgByCode(tree, options.orgCode);
    await requireAllowed(ctx, 'audit.read', org.id, tree);
    orgIds = [org.id];
  }
  // Stored instants are UTC text in one format, so bounds are normalised to it before comparing.
  const from = options.from ? new Date(options.from).toISOString() : undefined;
  const to = options.to ? new Date(options.to).toISOString() : undefined;
  return inTransaction(ctx, async (tx) => {
    const { total, records } = await searchAuditRecords(tx.db, { ...options, orgIds, from, to });
    const { limit, offset, ...filters } = options;
    await recordAudit(tx, {
      orgId: chainOrgIdForRead(tx, tree, orgIds),
      action: 'audit.search',
      targetType: 'audit-log',
      targetId: null,
      details: { filters: JSON.parse(JSON.stringify(filters)), limit, offset, total },
    });
    return { total, limit: options.limit, offset: options.offset, records: records.map((r) => presentAuditRecord(r, tree)) };
  });
}
