/**
 * Where the case engine gets the working calendar from. Until the calendar service with the
 * administrators' overrides is wired in, the chinese-days data alone (years it does not cover are
 * reported as missing, never counted as plain weekdays).
 */
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/index.js';
import { chineseDaysData } from '../calendar/chinese-days-data.js';
import type { ServiceContext } from '../context.js';

let base: WorkingCalendar | null = null;

/** The working calendar in force. */
export async function currentWorkingCalendar(_ctx: ServiceContext): Promise<WorkingCalendar> {
  base ??= createWorkingCalendar(chineseDaysData());
  return base;
}
