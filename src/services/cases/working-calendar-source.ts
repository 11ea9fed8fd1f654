/**
 * Where the case engine gets the working calendar from: the calendar service (the chinese-days data
 * plus the administrators' overrides, cached until the next import).
 */
import type { WorkingCalendar } from '../../domain/calendar/index.js';
import { loadWorkingCalendar, workingCalendarAt } from '../calendar/load-working-calendar.js';
import type { ServiceContext } from '../context.js';

/** The working calendar in force. */
export function currentWorkingCalendar(ctx: ServiceContext): Promise<WorkingCalendar> {
  return loadWorkingCalendar(ctx);
}

/** The working calendar as of an import whose id the caller read in its own transaction (null: none yet). */
export function workingCalendarOfRevision(ctx: ServiceContext, revisionId: string | null): Promise<WorkingCalendar> {
  return workingCalendarAt(ctx.db, revisionId);
}
