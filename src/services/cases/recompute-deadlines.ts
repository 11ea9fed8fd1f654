/**
 * When the working calendar changes (an administrator imports next year's arrangement or corrects a
 * day), every running deadline of every open case is counted again; each case whose due dates moved
 * gets an event saying which, so the change is on the record.
 */
import type { CaseEvent, CaseState } from '../../domain/cases/case.js';
import { listOpenCases } from '../../store/repositories/cases.repository.js';
import { onCalendarChanged } from '../calendar/calendar-changed.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { caseRowToState } from './case-rows.js';
import { commitCaseEvent, lockCaseAtVersion } from './commit-case-event.js';
import { loadCaseCalendar } from './load-case-calendar.js';

/** Recounts running deadlines; returns how many cases changed. */
export async function recomputeCaseDeadlines(ctx: ServiceContext, reason: string): Promise<{ casesChanged: number }> {
  const calendar = await loadCaseCalendar(ctx);
  let casesChanged = 0;
  for (const row of await listOpenCases(ctx.db)) {
    const snapshot = caseRowToState(row);
    const changes: { id: string; before: string | null; after: string | null }[] = [];
    const deadlines = snapshot.deadlines.map((d) => {
      if (d.state !== 'running' || d.ruleId === 'explicit-due-date') return d;
      const recomputed = calendar.deadlines.start({
        start: { id: d.id, ruleId: d.ruleId },
        from: d.from,
        due: null,
        suspensions: d.suspensions,
        extensionDays: d.extensionDays,
      });
      if (recomputed.due === d.due && recomputed.calendarComplete === d.calendarComplete) return d;
      changes.push({ id: d.id, before: d.due, after: recomputed.due });
      return recomputed;
    });
    if (changes.length === 0) continue;
    await inTransaction(ctx, async (tx) => {
      const current = await lockCaseAtVersion(tx, snapshot.id, snapshot.version);
      const now = tx.clock().toISOString();
      const next: CaseState = { ...current, deadlines, version: current.version + 1, updatedAt: now };
      const event: CaseEvent = { type: 'case.deadlines-recomputed', reason, changes };
      await commitCaseEvent(tx, current, next, event, now);
    });
    casesChanged++;
  }
  return { casesChanged };
}

/** Registers the recount as a follow-up of every calendar import (server start and the command line call it). */
export function registerCaseDeadlineFollowUp(): void {
  onCalendarChanged('case-deadlines', async (ctx, change) => {
    const { casesChanged } = await recomputeCaseDeadlines(ctx, change.reason);
    return casesChanged === 0 ? '没有案件的期限因此改变' : `重新计算了 ${casesChanged} 个案件的期限`;
  });
}
