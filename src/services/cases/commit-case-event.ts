/**
 * The one way a case changes: write the new projection if the version is still the one read, append
 * the event, seal the audit record — all in the caller's transaction, so all or nothing.
 */

import type { OrgTree } from '../../domain/access/organisations.js';
import type { Action } from '../../domain/access/policies.js';
import { CASE_SCHEMA_VERSION, type CaseEvent, type CaseState } from '../../domain/cases/case.js';
import { auditDetailsOf } from '../../domain/cases/case-audit.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { appendCaseEvent, lockCase, updateCaseIfVersion } from '../../store/repositories/cases.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireCaseReach } from './case-access.js';
import { caseRowToState, stateColumns } from './case-rows.js';
import { staleVersion } from './refusal-error.js';

/** Commits `event` taking the case from `current` to `next`. @throws DomainError 'stale-version' when another write won */
export async function commitCaseEvent(
  tx: ServiceContext,
  current: CaseState,
  next: CaseState,
  event: CaseEvent,
  at: string,
): Promise<void> {
  if (!(await updateCaseIfVersion(tx.db, current.id, current.version, stateColumns(next))))
    throw staleVersion(current.version + 1, current.version);
  const recordedAt = tx.clock().toISOString();
  await appendCaseEvent(tx.db, {
    id: tx.newId(),
    case_id: current.id,
    org_id: current.orgId,
    type: event.type,
    at,
    recorded_at: recordedAt,
    actor_id: tx.actor.id,
    actor_name: tx.actor.name,
    payload_json: JSON.stringify(event),
    schema_version: CASE_SCHEMA_VERSION,
  });
  await recordAudit(tx, {
    orgId: current.orgId,
    action: event.type,
    targetType: 'case',
    targetId: current.id,
    details: auditDetailsOf(event, next, recordedAt),
  });
}

/**
 * The case locked for this transaction, at the version the caller saw; with `reach`, also checked to
 * be within the actor's reach for that action (run the write inside `withCaseReach`).
 * @throws 'not-found', 'stale-version'
 */
export async function lockCaseAtVersion(
  tx: ServiceContext,
  caseId: string,
  expectedVersion: number,
  reach?: { action: Action; tree: OrgTree },
): Promise<CaseState> {
  const row = await lockCase(tx.db, caseId);
  if (!row) throw new DomainError(ERROR_CODES.notFound, '案件不存在或您无权查阅。');
  if (reach) requireCaseReach(tx, reach.action, row, reach.tree);
  const current = caseRowToState(row);
  if (current.version !== expectedVersion) throw staleVersion(current.version, expectedVersion);
  return current;
}
