/**
 * Who may do what on a case. Officers of the case's organisation work its cases, a head decides, a
 * legal reviewer reviews (cases.write on the organisation); supervisors read across their subtree
 * (cases.read); the three administrators never read cases. A case of an organisation out of reach
 * answers 404 — the caller learns nothing of it — and the attempt is audited.
 */

import type { OrgTree } from '../../domain/access/organisations.js';
import { type Action, authorize } from '../../domain/access/policies.js';
import type { RoleId } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { type CaseRow, findCase } from '../../store/repositories/cases.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import { recordRead } from '../audit/record-read.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';

/** The roles the actor holds that reach `orgId` for working cases (cases.write). */
export function caseRolesOn(ctx: ServiceContext, orgId: string, tree: OrgTree): RoleId[] {
  if (ctx.actor.kind !== 'user') return [];
  const actor = ctx.actor;
  return actor.grants
    .filter(
      (grant) =>
        authorize({ actor: { id: actor.id, grants: [grant] }, action: 'cases.write', resourceOrgId: orgId, orgTree: tree }).allowed,
    )
    .map((grant) => grant.role);
}

/** Whether the actor may perform `action` on the organisation (no throw). */
export function mayOn(ctx: ServiceContext, action: Action, orgId: string, tree: OrgTree): boolean {
  if (ctx.actor.kind === 'system') return true;
  if (ctx.actor.kind !== 'user') return false;
  return authorize({ actor: { id: ctx.actor.id, grants: ctx.actor.grants }, action, resourceOrgId: orgId, orgTree: tree }).allowed;
}

const NOT_FOUND = '案件不存在或您无权查阅。';

/**
 * The case row when the actor may perform `action` on it. Must be called outside a transaction: a
 * refused attempt is audited in a transaction of its own.
 * @throws DomainError 'not-found' for a missing case or one out of reach; 'forbidden' without any case role
 */
export async function loadCaseFor(ctx: ServiceContext, action: Action, caseId: string): Promise<{ row: CaseRow; tree: OrgTree }> {
  const tree = await requireAllowed(ctx, action, null);
  const row = await findCase(ctx.db, caseId);
  if (!row) throw new DomainError(ERROR_CODES.notFound, NOT_FOUND);
  if (!mayOn(ctx, action, row.org_id, tree)) {
    await auditOutOfReach(ctx, action, row);
    throw new DomainError(ERROR_CODES.notFound, NOT_FOUND);
  }
  return { row, tree };
}

/** A case out of the actor's reach, found inside a write transaction (which must roll back first). */
class CaseOutOfReach extends Error {
  constructor(
    readonly action: Action,
    readonly row: CaseRow,
  ) {
    super('case out of reach');
  }
}

/** Inside a transaction: refuses a case the actor may not `action` (audited by `withCaseReach` after the rollback). */
export function requireCaseReach(ctx: ServiceContext, action: Action, row: CaseRow, tree: OrgTree): void {
  if (!mayOn(ctx, action, row.org_id, tree)) throw new CaseOutOfReach(action, row);
}

/**
 * Runs a write that checks the case's reach inside its own transaction (`requireCaseReach`), so the
 * row is read once; a refusal is audited in a transaction of its own once the write's has rolled back.
 * @throws DomainError 'not-found' for a case out of reach
 */
export async function withCaseReach<T>(ctx: ServiceContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof CaseOutOfReach)) throw error;
    await auditOutOfReach(ctx, error.action, error.row);
    throw new DomainError(ERROR_CODES.notFound, NOT_FOUND);
  }
}

async function auditOutOfReach(ctx: ServiceContext, action: Action, row: CaseRow): Promise<void> {
  const actor = ctx.actor;
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      orgId: actor.kind === 'user' ? actor.orgId : row.org_id,
      action: 'case.access-refused',
      targetType: 'case',
      targetId: row.id,
      details: { policy: action, caseOrgId: row.org_id },
    }),
  );
}

/** Records that the actor read cases (the read log, off the audit chain's lock). */
export async function recordCaseRead(
  ctx: ServiceContext,
  orgId: string,
  caseId: string | null,
  action: 'case.read' | 'case.list',
  details: Record<string, unknown>,
): Promise<void> {
  await recordRead(ctx, { orgId, action, targetType: 'case', targetId: caseId, details });
}
