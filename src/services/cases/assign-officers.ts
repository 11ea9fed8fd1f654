/**
 * Assigning the officers who handle a case (指派承办人员): officers of the case's organisation with a
 * certificate valid today and no declared conflict with a party (回避). The list replaces the
 * previous assignment; audited with both.
 */
import type { TCase } from '../../contracts/cases.js';
import { ZAssignOfficersRequest } from '../../contracts/cases.js';
import type { CaseEvent, CaseState } from '../../domain/cases/case.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { checkAssignment } from './assignment-check.js';
import { buildCaseView, loadCaseItem } from './build-case-view.js';
import { caseRolesOn, loadCaseFor } from './case-access.js';
import { loadCaseOfficers } from './case-officers.js';
import { commitCaseEvent, lockCaseForWrite } from './commit-case-event.js';

/** Assigns the officers and returns the case. */
export async function assignOfficers(ctx: ServiceContext, caseId: string, request: unknown): Promise<TCase> {
  const input = ZAssignOfficersRequest.parse(request);
  const { tree, row } = await loadCaseFor(ctx, 'cases.write', caseId);
  const roles = caseRolesOn(ctx, row.org_id, tree);
  if (ctx.actor.kind === 'user' && !roles.includes('officer') && !roles.includes('head')) {
    throw new DomainError(ERROR_CODES.forbidden, '指派承办人员须由执法人员或负责人办理。');
  }
  const { state, calendar } = await inTransaction(ctx, async (tx) => {
    const { current, calendar } = await lockCaseForWrite(tx, caseId, input.expectedVersion);
    if (current.status === 'closed') throw new DomainError(ERROR_CODES.invalidTransition, '案件已结案，不能再指派人员。');
    const officers = await loadCaseOfficers(tx.db, current.orgId, input.officerIds);
    const item = await loadCaseItem(tx, current);
    const chosen = checkAssignment(input.officerIds, officers, current.parties, item, calendar.localDateOf(tx.clock()));
    const now = tx.clock().toISOString();
    const next: CaseState = { ...current, officerIds: chosen.map((o) => o.id), version: current.version + 1, updatedAt: now };
    const event: CaseEvent = { type: 'case.officers-assigned', officerIds: next.officerIds, previous: current.officerIds };
    await commitCaseEvent(tx, current, next, event, now);
    return { state: next, calendar };
  });
  return buildCaseView(ctx, state, tree, calendar);
}
