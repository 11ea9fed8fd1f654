/**
 * The installation's working calendar: the chinese-days base data (2004–2026) merged with the
 * administrator's entries and declared years from the database. This is what every deadline and
 * every supervision rule counts with — the case services call `loadWorkingCalendar(ctx)`.
 *
 * Cached in the process, keyed on the newest import's id (a uuid v7, so two databases in one test
 * process never share an entry): one indexed one-row query per call, and a change made by another
 * process (the CLI beside a running server) is picked up on the next call.
 */
import {
  type CalendarOverrideSet,
  createWorkingCalendar,
  NO_OVERRIDES,
  type WorkingCalendar,
} from '../../domain/calendar/working-calendar.js';
import type { Db } from '../../store/database.js';
import { latestCalendarRevision, listCalendarOverrides, listCoveredYears } from '../../store/repositories/calendar.repository.js';
import type { ServiceContext } from '../context.js';
import { chineseDaysData } from './chinese-days-data.js';

const cache = new Map<string, WorkingCalendar>();
const BASE_KEY = 'base';

/** The administrator's entries and declared years as plain data. */
export async function loadCalendarOverrides(db: Db): Promise<CalendarOverrideSet> {
  const [rows, years] = await Promise.all([listCalendarOverrides(db), listCoveredYears(db)]);
  if (rows.length === 0 && years.length === 0) return NO_OVERRIDES;
  return {
    days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name })),
    coveredYears: years.map((y) => y.year),
  };
}

/** The working calendar the installation counts with (base data + overrides), cached until the next import. */
export async function loadWorkingCalendar(ctx: Pick<ServiceContext, 'db'>): Promise<WorkingCalendar> {
  const latest = await latestCalendarRevision(ctx.db);
  return workingCalendarAt(ctx.db, latest?.id ?? null);
}

/**
 * The working calendar as of the import `revisionId` (null: none yet), for a caller that has read
 * the newest import's id itself (a case write reads it with the case row). `db` must see that
 * import: overrides are loaded from it when the revision is not cached.
 */
export async function workingCalendarAt(db: Db, revisionId: string | null): Promise<WorkingCalendar> {
  const key = revisionId ?? BASE_KEY;
  const hit = cache.get(key);
  if (hit) return hit;
  const calendar = createWorkingCalendar(chineseDaysData(), revisionId !== null ? await loadCalendarOverrides(db) : NO_OVERRIDES);
  // A handful of revisions per year: the map stays tiny, but keep it bounded anyway.
  if (cache.size > 32) cache.clear();
  cache.set(key, calendar);
  return calendar;
}

/** Drops the cached calendars (tests; an import needs no call — its new revision id misses the cache). */
export function clearWorkingCalendarCache(): void {
  cache.clear();
}
