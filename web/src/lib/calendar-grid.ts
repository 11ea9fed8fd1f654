/**
 * The calendar page's month grids: weeks from Monday to Sunday (as Chinese wall calendars print
 * them), blank cells before the 1st and after the last day, and runs of holidays for the list
 * under the grids.
 */
import type { TCalendarDay } from '@contracts/calendar.js';

export interface MonthGrid {
  month: number;
  /** rows of 7 cells, Monday first; null = a cell outside the month */
  weeks: (TCalendarDay | null)[][];
}

/** 0 = Monday … 6 = Sunday, for a YYYY-MM-DD date. */
function mondayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The 12 month grids of a year's days (the API's `days`, in date order). */
export function monthGrids(days: readonly TCalendarDay[]): MonthGrid[] {
  const grids: MonthGrid[] = [];
  for (let month = 1; month <= 12; month++) {
    const inMonth = days.filter((d) => Number(d.date.slice(5, 7)) === month);
    if (inMonth.length === 0) continue;
    const cells: (TCalendarDay | null)[] = [...Array<null>(mondayIndex(inMonth[0]?.date ?? '')).fill(null), ...inMonth];
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (TCalendarDay | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    grids.push({ month, weeks });
  }
  return grids;
}

export interface HolidayRun {
  name: string;
  kind: 'holiday' | 'adjusted-workday';
  first: string;
  last: string;
  days: number;
}

/** Consecutive holidays of one name as one run (国庆节 10-01 至 10-07, 7 天); 调休 days each on their own. */
export function holidayRuns(days: readonly TCalendarDay[]): HolidayRun[] {
  const runs: HolidayRun[] = [];
  for (const day of days) {
    if (day.kind !== 'holiday' && day.kind !== 'adjusted-workday') continue;
    const name = day.name ?? (day.kind === 'holiday' ? '节假日' : '调休上班');
    const last = runs.at(-1);
    const next = new Date(`${last?.last ?? '1970-01-01'}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    if (last && day.kind === 'holiday' && last.kind === 'holiday' && last.name === name && next.toISOString().slice(0, 10) === day.date) {
      last.last = day.date;
      last.days++;
    } else runs.push({ name, kind: day.kind, first: day.date, last: day.date, days: 1 });
  }
  return runs;
}
