/**
 * The security auditor's search of the audit log (审计日志查询), over the organisations the grant
 * reaches, newest first. The search itself is recorded — auditors are audited too.
 */
import type { TAuditRecord, TAuditSearchResponse } from '../../contracts/audit.js';
import { NON_CHANGE_ACTION_PREFIXES, NON_CHANGE_ACTION_SUFFIXES } from '../../contracts/audit-kinds.js';
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
  /** 'true': only records that changed something */
  changesOnly?: 'true' | 'false' | undefined;
  limit: number;
  offset: number;
}

/** A stored record with its organisation, as the auditor sees it. */
export function presentAuditRecord(record: AuditRecord, tree: OrgTree): TAuditRecord {
  const org = requireOrgById(tree, record.orgId);
  const { orgId: _orgId, ...rest } = record;
  return { ...rest, organisation: { code: org.code, name: org.name } };
}

/** A text value of a record's details, or null. */
function detailText(details: AuditRecord['details'], key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/**
 * What each record acted on, in words: an account's current name and username, else what the
 * record's own details say (the granted account, the imported version, the registry revision).
 */
async function targetNamesOf(ctx: ServiceContext, records: readonly AuditRecord[]): Promise<Map<string, string>> {
  const userIds = [...new Set(records.filter((r) => r.targetType === 'user' && r.targetId !== null).map((r) => r.targetId as string))];
  const users =
    userIds.length === 0
      ? []
      : await ctx.db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', userIds).execute();
  const userNames = new Map(users.map((u) => [u.id, `${u.display_name}（${u.username}）`]));
  const names = new Map<string, string>();
  for (const record of records) {
    const details = record.details;
    const fromUser = record.targetType === 'user' && record.targetId ? userNames.get(record.targetId) : undefined;
    const username = detailText(details, 'username');
    const displayName = detailText(details, 'displayName');
    const versionNo = detailText(details, 'versionNo');
    const name =
      fromUser ??
      (username ? (displayName ? `${displayName}（${username}）` : username) : null) ??
      (versionNo ? `第${versionNo}版` : null) ??
      detailText(details, 'title') ??
      detailText(details, 'name');
    if (name) names.set(record.id, name);
  }
  return names;
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
    const excludeActions =
      options.changesOnly === 'true' ? { prefixes: NON_CHANGE_ACTION_PREFIXES, suffixes: NON_CHANGE_ACTION_SUFFIXES } : undefined;
    const { total, records } = await searchAuditRecords(tx.db, { ...options, orgIds, from, to, excludeActions });
    const names = await targetNamesOf(tx, records);
    const { limit, offset, ...filters } = options;
    await recordAudit(tx, {
      orgId: chainOrgIdForRead(tx, tree, orgIds),
      action: 'audit.search',
      targetType: 'audit-log',
      targetId: null,
      details: { filters: JSON.parse(JSON.stringify(filters)), limit, offset, total },
    });
    return {
      total,
      limit: options.limit,
      offset: options.offset,
      records: records.map((r) => ({ ...presentAuditRecord(r, tree), targetName: names.get(r.id) ?? null })),
    };
  });
}
