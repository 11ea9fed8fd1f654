/**
 * The working-day calendar and deadlines (pure). Load the data with
 * src/services/calendar/load-working-calendar.ts; see /work/notes/helper-calendar.md for the API.
 */
export * from './deadlines.js';
export * from './shanghai-time.js';
export * from './working-calendar.js';

import { addWorkingDays, dayKindOf, type WorkingCalendar, workingDaysBetween } from './working-calendar.js';

/**
 * The calendar in the shapes the case engine reads (structurally SupervisionCalendar of
 * src/domain/supervision/rules.ts, plus addWorkingDays).
 */
export function calendarView(calendar: WorkingCalendar) {
  return {
    dayKind: (date: string) => dayKindOf(calendar, date),
    workingDaysBetween: (from: string, to: string) => workingDaysBetween(calendar, from, to),
    addWorkingDays: (date: string, n: number) => addWorkingDays(calendar, date, n),
  };
}
