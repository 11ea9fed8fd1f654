/**
 * The one way a case changes: write the new projection if the version is still the one read, append
 * the event, seal the audit record — all in the caller's transaction, so all or nothing.
 */

import type { OrgTree } from '../../domain/access/organisations.js';
import type { Action } from '../../domain/access/policies.js';
import { CASE_SCHEMA_VERSION, type CaseEvent, type CaseState } from '../../domain/cases/case.js';
import { auditDetailsOf } from '../../domain/cases/case-audit.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { appendCaseEvent, type LockedCaseRow, lockCase, updateCaseIfVersion } from '../../store/repositories/cases.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireCaseReach } from './case-access.js';
import type { CaseCalendar } from './case-calendar.js';
import { caseRowToState, stateColumns } from './case-rows.js';
import { loadCaseCalendarAt } from './load-case-calendar.js';
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
  return (await lockRowAtVersion(tx, caseId, expectedVersion, reach)).state;
}

/** A case locked for a write, with the calendar its deadlines count with. */
export interface LockedCase {
  current: CaseState;
  /** the working calendar in force when the case was locked (an import made meanwhile counts at once) */
  calendar: CaseCalendar;
}

/** `lockCaseAtVersion`, with the working calendar in force read in the same statement. */
export async function lockCaseForWrite(
  tx: ServiceContext,
  caseId: string,
  expectedVersion: number,
  reach?: { action: Action; tree: OrgTree },
): Promise<LockedCase> {
  const { state, calendarRevisionId } = await lockRowAtVersion(tx, caseId, expectedVersion, reach);
  return { current: state, calendar: await loadCaseCalendarAt(tx, calendarRevisionId) };
}

async function lockRowAtVersion(
  tx: ServiceContext,
  caseId: string,
  expectedVersion: number,
  reach?: { action: Action; tree: OrgTree },
): Promise<{ state: CaseState; calendarRevisionId: LockedCaseRow['calendar_revision_id'] }> {
  const row = await lockCase(tx.db, caseId);
  if (!row) throw new DomainError(ERROR_CODES.notFound, '案件不存在或您无权查阅。');
  if (reach) requireCaseReach(tx, reach.action, row, reach.tree);
  const state = caseRowToState(row);
  if (state.version !== expectedVersion) throw staleVersion(state.version, expectedVersion);
  return { state, calendarRevisionId: row.calendar_revision_id };
}
