/**
 * Linking two cases of one organisation: an inspection opened a hazard case or a leak case, a
 * hazard case a leak case. The link is navigable both ways; it is recorded on the case it was made
 * from (event + audit) and stored once.
 */
import type { TCase } from '../../contracts/cases.js';
import { ZLinkCaseRequest } from '../../contracts/cases.js';
import type { CaseEvent, CaseState } from '../../domain/cases/case.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { isUniqueViolation } from '../../store/errors.js';
import { findCase, insertCaseLink } from '../../store/repositories/cases.repository.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { buildCaseView } from './build-case-view.js';
import { loadCaseFor } from './case-access.js';
import { caseRowToState } from './case-rows.js';
import { commitCaseEvent, lockCaseForWrite } from './commit-case-event.js';

/** Links `caseId` → `otherCaseId` and returns the first case. */
export async function linkCases(ctx: ServiceContext, caseId: string, request: unknown): Promise<TCase> {
  const input = ZLinkCaseRequest.parse(request);
  if (input.otherCaseId === caseId) {
    throw new DomainError(ERROR_CODES.validation, '不能关联案件本身。', {
      issues: [{ path: ['otherCaseId'], message: '不能关联案件本身' }],
    });
  }
  const { tree, row } = await loadCaseFor(ctx, 'cases.write', caseId);
  const otherRow = await findCase(ctx.db, input.otherCaseId);
  if (!otherRow || otherRow.org_id !== row.org_id) {
    throw new DomainError(ERROR_CODES.validation, '要关联的案件不存在或不属于同一机构。', {
      issues: [{ path: ['otherCaseId'], message: '案件不存在' }],
    });
  }
  const other = caseRowToState(otherRow);
  try {
    const { state, calendar } = await inTransaction(ctx, async (tx) => {
      const { current, calendar } = await lockCaseForWrite(tx, caseId, input.expectedVersion);
      const now = tx.clock().toISOString();
      await insertCaseLink(tx.db, {
        id: tx.newId(),
        org_id: current.orgId,
        from_case_id: current.id,
        to_case_id: other.id,
        created_at: now,
        created_by: tx.actor.id,
      });
      const next: CaseState = { ...current, version: current.version + 1, updatedAt: now };
      const event: CaseEvent = { type: 'case.linked', otherCaseId: other.id, otherNumber: other.number, relation: 'opened-from' };
      await commitCaseEvent(tx, current, next, event, now);
      return { state: next, calendar };
    });
    return buildCaseView(ctx, state, tree, calendar);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ERROR_CODES.conflict, '两案已经关联。', { cause: error });
    throw error;
  }
}
