/**
 * The case engine's calendar (CaseCalendar), bound to the installation's working calendar: the
 * chinese-days data plus administrator overrides (src/services/calendar), the statutory deadline
 * rules with their sources, and Asia/Shanghai local time — all from src/domain/calendar.
 */

import {
  addDays,
  calendarView,
  computeDeadline,
  type Deadline,
  deadlineRule,
  explicitDeadline,
  shanghaiClockOf,
  shanghaiDateOf,
  type WorkingCalendar,
} from '../../domain/calendar/index.js';
import type { CaseDeadline } from '../../domain/cases/case.js';
import type { DeadlineStart } from '../../domain/procedure/types.js';
import type { ServiceContext } from '../context.js';
import type { CaseCalendar } from './case-calendar.js';
import { currentWorkingCalendar, workingCalendarOfRevision } from './working-calendar-source.js';

/** Labels of deadlines whose due date a document sets (整改期限 …), by the template's deadline id. */
const EXPLICIT_LABELS: Record<string, string> = {
  rectification: '整改期限',
  deletion: '删除期限',
  'unit-reply': '书面报告处理结果期限',
};
const EXPLICIT_SOURCE = '检查意见书、通知书或处理建议书确定的期限';

function toCaseDeadline(
  start: DeadlineStart,
  deadline: Deadline,
  extra: Pick<CaseDeadline, 'suspensions' | 'extensionDays'>,
  from: string,
): CaseDeadline {
  return {
    id: start.id,
    ruleId: start.ruleId,
    label: deadline.label,
    source: deadline.source,
    from,
    due: deadline.due,
    state: 'running',
    endedAt: null,
    explanation: deadline.explanation,
    skipped: [...deadline.skipped, ...deadline.suspended],
    calendarComplete: deadline.calendarComplete,
    missingYears: deadline.missingYears,
    suspensions: extra.suspensions,
    extensionDays: extra.extensionDays,
  };
}

/** The case calendar over a working calendar. */
export function caseCalendarOf(calendar: WorkingCalendar): CaseCalendar {
  const view = calendarView(calendar);
  return {
    supervision: { dayKind: view.dayKind, workingDaysBetween: view.workingDaysBetween },
    deadlines: {
      start({ start, from, due, suspensions = [], extensionDays = 0 }) {
        if (due !== null) {
          const label = EXPLICIT_LABELS[start.id] ?? '文书确定的期限';
          return toCaseDeadline(
            start,
            explicitDeadline(calendar, { id: start.ruleId, label, source: EXPLICIT_SOURCE, from, due }),
            { suspensions: [], extensionDays: 0 },
            from,
          );
        }
        const rule = deadlineRule(start.ruleId);
        if (!rule) throw new Error(`procedure template names an unknown deadline rule ${start.ruleId}`);
        const deadline = computeDeadline(calendar, { rule, start: from, suspensions, extensionDays });
        return toCaseDeadline(start, deadline, { suspensions: [...suspensions], extensionDays }, from);
      },
    },
    remainingWorkingDays: view.workingDaysBetween,
    addWorkingDays: view.addWorkingDays,
    addDays,
    localDateOf: shanghaiDateOf,
    localHourOf: (instant) => shanghaiClockOf(instant).hour,
  };
}

/** The calendar the case use cases count with, as it stands now (overrides included). */
export async function loadCaseCalendar(ctx: ServiceContext): Promise<CaseCalendar> {
  return caseCalendarOf(await currentWorkingCalendar(ctx));
}

/** The case calendar as of a working-calendar import the caller read in its transaction (see `lockCaseForWrite`). */
export async function loadCaseCalendarAt(ctx: ServiceContext, revisionId: string | null): Promise<CaseCalendar> {
  return caseCalendarOf(await workingCalendarOfRevision(ctx, revisionId));
}
