/**
 * Adjusting a running deadline of a case: an approved extension (延长, decided by a head — e.g. the
 * penalty decision period "法律另有规定的除外") or a suspension (中止: the clock stands still while
 * waiting for the party, testing or expert consultation, which the laws do not count). The deadline
 * is recomputed with its whole explanation, and the change is an event on the case.
 */
import { type TAdjustDeadlineRequest, type TCase, ZAdjustDeadlineRequest } from '../../contracts/cases.js';
import type { CaseDeadline, CaseEvent, CaseState } from '../../domain/cases/case.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { buildCaseView } from './build-case-view.js';
import { caseRolesOn, loadCaseFor } from './case-access.js';
import { commitCaseEvent, lockCaseForWrite } from './commit-case-event.js';

/** Extends or suspends the deadline and returns the case. */
export async function adjustDeadline(
  ctx: ServiceContext,
  caseId: string,
  deadlineId: string,
  request: TAdjustDeadlineRequest,
): Promise<TCase> {
  const input = ZAdjustDeadlineRequest.parse(request);
  const { tree, row } = await loadCaseFor(ctx, 'cases.write', caseId);
  const roles = caseRolesOn(ctx, row.org_id, tree);
  if (ctx.actor.kind === 'user' && input.kind === 'extension' && !roles.includes('head')) {
    throw new DomainError(ERROR_CODES.forbidden, '延长办案期限须经负责人批准。');
  }
  if (ctx.actor.kind === 'user' && input.kind === 'suspension' && !roles.includes('officer') && !roles.includes('head')) {
    throw new DomainError(ERROR_CODES.forbidden, '中止期限须由承办执法人员或负责人办理。');
  }
  if (input.kind === 'suspension' && input.to < input.from) {
    throw new DomainError(ERROR_CODES.validation, '中止结束日不能早于起始日。', { issues: [{ path: ['to'], message: '不能早于起始日' }] });
  }
  const { state, calendar } = await inTransaction(ctx, async (tx) => {
    const { current, calendar } = await lockCaseForWrite(tx, caseId, input.expectedVersion);
    const deadline = current.deadlines.find((d) => d.id === deadlineId);
    if (deadline?.state !== 'running') {
      throw new DomainError(ERROR_CODES.invalidTransition, '该期限不存在或已结束，不能调整。', {
        issues: [{ path: ['deadlineId'], message: '没有进行中的该期限' }],
      });
    }
    if (deadline.ruleId === 'explicit-due-date' && input.kind === 'suspension') {
      throw new DomainError(ERROR_CODES.validation, '文书确定的期限不能中止，请改为延长。', {
        issues: [{ path: ['kind'], message: '只能延长' }],
      });
    }
    const suspensions =
      input.kind === 'suspension'
        ? [...deadline.suspensions, { from: input.from, to: input.to, reason: input.reason }]
        : deadline.suspensions;
    const extensionDays = deadline.extensionDays + (input.kind === 'extension' ? input.days : 0);
    const recomputed: CaseDeadline =
      deadline.ruleId === 'explicit-due-date'
        ? {
            ...deadline,
            due: deadline.due === null ? null : calendar.addDays(deadline.due.slice(0, 10), extensionDays - deadline.extensionDays),
            extensionDays,
          }
        : calendar.deadlines.start({
            start: { id: deadline.id, ruleId: deadline.ruleId },
            from: deadline.from,
            due: null,
            suspensions,
            extensionDays,
          });
    const now = tx.clock().toISOString();
    const next: CaseState = {
      ...current,
      deadlines: current.deadlines.map((d) => (d.id === deadlineId ? recomputed : d)),
      version: current.version + 1,
      updatedAt: now,
    };
    const event: CaseEvent = {
      type: 'case.deadline-adjusted',
      deadlineId,
      adjustment:
        input.kind === 'extension'
          ? { kind: 'extension', days: input.days, reason: input.reason, approvedBy: tx.actor.name }
          : { kind: 'suspension', from: input.from, to: input.to, reason: input.reason },
      before: deadline.due,
      after: recomputed.due,
    };
    await commitCaseEvent(tx, current, next, event, now);
    return { state: next, calendar };
  });
  return buildCaseView(ctx, state, tree, calendar);
}
