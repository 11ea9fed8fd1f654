/**
 * Writing the registry: every seed, change and import appends a whole new revision and its audit
 * record in one transaction. The registry belongs to no organisation; its audit records go on the
 * chain of the acting account's organisation (the installation's own for the system).
 */

import type { TLegalRegistry, TRegistryChange } from '../../contracts/legal-sources.js';
import type { TRegistryRevisionKind } from '../../contracts/legal-sources-api.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { serializeRegistry } from '../../domain/legal-sources/registry.js';
import type { JsonValue } from '../../store/audit/audit-hash.js';
import { isUniqueViolation } from '../../store/errors.js';
import { insertRevision, type RegistryRevisionRow } from '../../store/repositories/legal-registry.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';

/** The organisation whose audit chain records a registry write. @throws DomainError 'not-found' when there is no organisation at all */
export function registryAuditOrgId(ctx: ServiceContext, tree: OrgTree): string {
  if (ctx.actor.kind === 'user' && tree.byId.has(ctx.actor.orgId)) return ctx.actor.orgId;
  const orgs = [...tree.byId.values()];
  const home = orgs.find((org) => org.code === ctx.settings.homeOrgCode) ?? orgs.find((org) => org.parentId === null);
  if (home === undefined) throw new DomainError(ERROR_CODES.notFound, '尚未建立任何组织机构，无法记录审计日志。');
  return home.id;
}

/**
 * Refuses a write prepared against an older revision than the current one (someone else changed
 * the registry meanwhile): the administrator reloads and decides again, nothing is overwritten.
 * @throws DomainError 'conflict'
 */
export function checkExpectedRevision(expected: number | undefined, currentNo: number): void {
  if (expected === undefined || expected === currentNo) return;
  throw new DomainError(
    ERROR_CODES.conflict,
    `法律依据库已更新为第 ${currentNo} 版（您的修改基于第 ${expected} 版），请刷新后重新核对再提交。`,
    { issues: [{ path: ['expectedRevision'], message: `当前为第 ${currentNo} 版` }] },
  );
}

export interface AppendRevisionOptions {
  kind: TRegistryRevisionKind;
  registry: TLegalRegistry;
  change: TRegistryChange | null;
  /** the revision number it follows; 0 for the first */
  previousNo: number;
  tree: OrgTree;
  /** what the audit record says beyond the revision number */
  details: { [key: string]: JsonValue };
}

const AUDIT_ACTIONS = { seed: 'legal-registry.seed', change: 'legal-registry.change', import: 'legal-registry.import' } as const;

/** Appends the revision and its audit record; call inside a transaction (`inTransaction`). */
export async function appendRevision(tx: ServiceContext, options: AppendRevisionOptions): Promise<RegistryRevisionRow> {
  const row: RegistryRevisionRow = {
    id: tx.newId(),
    revision_no: options.previousNo + 1,
    kind: options.kind,
    registry_json: serializeRegistry(options.registry),
    change_json: options.change === null ? null : JSON.stringify(options.change),
    changed_at: tx.clock().toISOString(),
    changed_by: tx.actor.id,
    changed_by_name: tx.actor.name,
  };
  await insertRevision(tx.db, row);
  await recordAudit(tx, {
    orgId: registryAuditOrgId(tx, options.tree),
    action: AUDIT_ACTIONS[options.kind],
    targetType: 'legal-registry',
    targetId: row.id,
    details: { revision: row.revision_no, ...options.details },
  });
  return row;
}

/** Runs a registry write, turning a lost race for the revision number into a 409 a person can act on. */
export async function asRegistryWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError(ERROR_CODES.conflict, '另一项对法律依据库的修改同时提交，请刷新后重试。', { cause: error });
    }
    throw error;
  }
}
