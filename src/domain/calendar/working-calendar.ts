/**
 * The working-day calendar: which days a bureau works. Pure — the base data (the chinese-days
 * package's holidays and 调休 working days) and the administrator's overrides are loaded outside
 * the domain (src/services/calendar) and handed in as plain data.
 *
 * A year the data does not cover is NOT a year of ordinary weeks: the State Council publishes each
 * year's arrangement late in the year before, and until it is entered every day of that year is
 * `unknown`. Counting plain Mondays to Fridays there would silently give wrong deadlines.
 */
import { addDays, isIsoDate, weekdayOf } from './shanghai-time.js';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

/** A day whose kind is known. `name`: the holiday (国庆节, 春节 …) or, for a 调休 day, e.g. 国庆节调休上班. */
export interface CalendarDay {
  date: string;
  kind: DayKind;
  name?: string;
}

/** A day in a year the calendar data does not cover. */
export interface UnknownDay {
  date: string;
  kind: 'unknown';
  year: number;
}

/** The base data: holidays and 调休 working days by date, and the years the data covers completely. */
export interface WorkingCalendarData {
  years: number[];
  /** date → holiday name (days off within a holiday break, weekends in the break included) */
  holidays: Record<string, string>;
  /** date → the holiday the weekend working day makes up for */
  adjustedWorkdays: Record<string, string>;
}

/** An administrator's entry: this date is a day off (holiday) or a working day, whatever the base says. */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/**
 * The administrator's overrides: single days, plus years declared complete (the import of a year's
 * State Council arrangement covers the whole year; entering one correction does not).
 */
export interface CalendarOverrideSet {
  days: readonly CalendarOverride[];
  coveredYears: readonly number[];
}

export const NO_OVERRIDES: CalendarOverrideSet = { days: [], coveredYears: [] };

export interface WorkingCalendar {
  /** the kind of a day, or unknown (with its year) when the data does not cover it */
  dayOf(date: string): CalendarDay | UnknownDay;
  /** the whole year is known (base data or an administrator's declaration) */
  isCovered(year: number): boolean;
  /** the covered years, ascending */
  readonly coveredYears: readonly number[];
}

/** A working day: an ordinary weekday or a 调休 working weekend day. */
export function isWorkingKind(kind: DayKind | 'unknown'): boolean {
  return kind === 'workday' || kind === 'adjusted-workday';
}

function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** The adjusted-workday name for a holiday: 国庆节 → 国庆节调休上班. */
function adjustedName(holiday: string | undefined): string {
  if (!holiday) return '调休上班';
  return holiday.endsWith('调休上班') ? holiday : `${holiday}调休上班`;
}

/** Builds the calendar from the base data and the overrides (an override wins over the base). */
export function createWorkingCalendar(base: WorkingCalendarData, overrides: CalendarOverrideSet = NO_OVERRIDES): WorkingCalendar {
  const covered = new Set<number>([...base.years, ...overrides.coveredYears]);
  const byDate = new Map<string, CalendarOverride>();
  for (const entry of overrides.days) {
    if (!isIsoDate(entry.date)) throw new RangeError(`calendar override with a bad date: ${entry.date}`);
    byDate.set(entry.date, entry);
  }
  const coveredYears = [...covered].sort((a, b) => a - b);

  // The calendar never changes once built (an import builds a new one), so each day is worked out
  // once: deadlines and the supervision rules ask for the same few hundred days again and again.
  const memo = new Map<string, CalendarDay | UnknownDay>();
  function dayOf(date: string): CalendarDay | UnknownDay {
    const known = memo.get(date);
    if (known) return known;
    const day = computeDay(date);
    if (memo.size < 20_000) memo.set(date, day);
    return day;
  }

  function computeDay(date: string): CalendarDay | UnknownDay {
    if (!isIsoDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
    const override = byDate.get(date);
    const weekend = isWeekend(date);
    if (override) {
      if (override.kind === 'holiday') return { date, kind: 'holiday', name: override.name };
      return weekend
        ? { date, kind: 'adjusted-workday', name: adjustedName(override.name) }
        : { date, kind: 'workday', ...(override.name ? { name: override.name } : {}) };
    }
    const year = Number(date.slice(0, 4));
    if (!covered.has(year)) return { date, kind: 'unknown', year };
    const holiday = base.holidays[date];
    if (holiday !== undefined) return { date, kind: 'holiday', name: holiday };
    const adjusted = base.adjustedWorkdays[date];
    if (adjusted !== undefined)
      return weekend ? { date, kind: 'adjusted-workday', name: adjustedName(adjusted) } : { date, kind: 'workday' };
    return weekend ? { date, kind: 'weekend' } : { date, kind: 'workday' };
  }

  return { dayOf, isCovered: (year) => covered.has(year), coveredYears };
}

/** Every day of a year, in order. */
export function daysOfYear(year: number): string[] {
  const out: string[] = [];
  for (let date = `${String(year).padStart(4, '0')}-01-01`; date.startsWith(String(year).padStart(4, '0')); date = addDays(date, 1))
    out.push(date);
  return out;
}

/**
 * The dates whose kind (or holiday name) differs between two calendars, within `years` — what an
 * import changed, so running deadlines that touch those dates can be counted again.
 */
export function changedDates(before: WorkingCalendar, after: WorkingCalendar, years: Iterable<number>): string[] {
  const out: string[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    for (const date of daysOfYear(year)) {
      const a = before.dayOf(date);
      const b = after.dayOf(date);
      if (a.kind !== b.kind || ('name' in a ? a.name : undefined) !== ('name' in b ? b.name : undefined)) out.push(date);
    }
  }
  return out;
}

/**
 * The kind of a day in the shape the supervision rules read (src/domain/supervision/rules.ts
 * SupervisionCalendar.dayKind).
 */
export function dayKindOf(calendar: WorkingCalendar, date: string): { kind: DayKind | 'unknown'; name?: string } {
  const day = calendar.dayOf(date);
  if (day.kind === 'unknown') return { kind: 'unknown' };
  return day.name ? { kind: day.kind, name: day.name } : { kind: day.kind };
}

/** Why a day is not a working day, in Chinese: 周末 / 法定节假日（国庆节）/ 节假日数据缺失（2027年）. */
export function nonWorkingReason(day: CalendarDay | UnknownDay): string {
  if (day.kind === 'unknown') return `节假日数据缺失（${day.year}年）`;
  if (day.kind === 'holiday') return `法定节假日（${day.name ?? '节假日'}）`;
  if (day.kind === 'weekend') return '周末';
  return '工作日';
}

/**
 * `n` working days after `from` (before it when n < 0); `from` itself for n = 0. Null when a day
 * the count needs lies in a year the calendar does not cover.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: string, n: number): string | null {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = from;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    const kind = calendar.dayOf(day).kind;
    if (kind === 'unknown') return null;
    if (isWorkingKind(kind)) left--;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to` (0 on the same day, negative when `to` is
 * earlier); null when a day between lies in a year the calendar does not cover.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number | null {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  const [a, b] = sign === 1 ? [from, to] : [to, from];
  let n = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) {
    const kind = calendar.dayOf(day).kind;
    if (kind === 'unknown') return null;
    if (isWorkingKind(kind)) n++;
  }
  return sign * n;
}

/** The first working day on or after `date`; null when the search runs into an uncovered year. */
export function nextWorkingDayFrom(calendar: WorkingCalendar, date: string): string | null {
  // No real arrangement has a month without a working day; the bound only guards bad overrides.
  for (let day = date, i = 0; i < 366; day = addDays(day, 1), i++) {
    const kind = calendar.dayOf(day).kind;
    if (kind === 'unknown') return null;
    if (isWorkingKind(kind)) return day;
  }
  return null;
}
