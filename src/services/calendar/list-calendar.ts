/**
 * The calendar administration view: one year's days with their kinds, which years have data, and
 * the administrator's entries — for the 节假日日历 page and `quanze calendar list`.
 */
import type { TCalendarYearResponse } from '../../contracts/calendar.js';
import { shanghaiDateOf } from '../../domain/calendar/shanghai-time.js';
import { daysOfYear } from '../../domain/calendar/working-calendar.js';
import { listCalendarOverrides, listCoveredYears } from '../../store/repositories/calendar.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { chineseDaysData } from './chinese-days-data.js';
import { loadWorkingCalendar } from './load-working-calendar.js';

export async function listCalendar(ctx: ServiceContext, options: { year?: number } = {}): Promise<TCalendarYearResponse> {
  await requireAllowed(ctx, 'settings.read', null);
  const thisYear = Number(shanghaiDateOf(ctx.clock()).slice(0, 4));
  const year = options.year ?? thisYear;
  const [calendar, overrides, declared] = await Promise.all([
    loadWorkingCalendar(ctx),
    listCalendarOverrides(ctx.db),
    listCoveredYears(ctx.db),
  ]);
  const overridden = new Set(overrides.map((o) => o.date));
  const base = chineseDaysData();
  let firstMissingYear = thisYear;
  while (calendar.isCovered(firstMissingYear)) firstMissingYear++;
  return {
    year,
    covered: calendar.isCovered(year),
    coveredYears: [...calendar.coveredYears],
    bundledYears: { package: 'chinese-days 1.5.7', first: base.years[0] ?? 0, last: base.years.at(-1) ?? 0 },
    declaredYears: declared.map((d) => ({ year: d.year, source: d.source, createdBy: d.created_by_name, createdAt: d.created_at })),
    firstMissingYear,
    days: daysOfYear(year).map((date) => {
      const day = calendar.dayOf(date);
      return {
        date,
        kind: day.kind,
        ...('name' in day && day.name ? { name: day.name } : {}),
        override: overridden.has(date),
      };
    }),
    overrides: overrides
      .filter((o) => o.date.startsWith(String(year)))
      .map((o) => ({ date: o.date, kind: o.kind, name: o.name, createdBy: o.created_by_name, createdAt: o.created_at })),
  };
}
