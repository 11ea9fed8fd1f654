/**
 * The working calendar as the case engine needs it: the supervision rules' view of days, the
 * deadline calculator bound to the calendar and the statutory rules, and Asia/Shanghai local time.
 * Built per use case from the calendar service (the chinese-days data plus administrator overrides).
 */
import type { DeadlineCalculator } from '../../domain/cases/advance-case.js';
import type { SupervisionCalendar } from '../../domain/supervision/rules.js';

export interface CaseCalendar {
  supervision: SupervisionCalendar;
  deadlines: DeadlineCalculator;
  /** working days from `today` to `due` (negative when past), null when the calendar cannot tell */
  remainingWorkingDays(today: string, due: string): number | null;
  /** `n` working days after `date`, null when the calendar cannot tell */
  addWorkingDays(date: string, n: number): string | null;
  addDays(date: string, n: number): string;
  localDateOf(instant: Date): string;
  localHourOf(instant: Date): number;
}
