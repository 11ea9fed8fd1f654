/**
 * THE one Asia/Shanghai date helper. The bureaus work on Beijing time, so "which day" and "what
 * hour" are always asked of the Asia/Shanghai wall clock, never of UTC or the machine's zone.
 *
 * It lives in the contracts (pure, no imports) so the server, the domain (src/domain/calendar
 * re-exports it) and the web app share one implementation. China has kept UTC+8 all year since
 * 1991 (no daylight saving time), so a fixed offset is exact for every date the product handles and
 * needs no time-zone database — the same answer in Node, in a browser and in a test.
 *
 * Dates are `YYYY-MM-DD` strings (calendar dates, no zone); instants are `Date`s.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Sunday … 6 = Saturday (as Date#getDay). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Midnight UTC of a date, in ms; one parse and one round-trip check (deadlines call this in loops). */
function utcMidnight(date: string): number {
  const match = DATE_RE.exec(date);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]) - 1;
    const d = Number(match[3]);
    const time = Date.UTC(y, m, d);
    const check = new Date(time);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m && check.getUTCDate() === d) return time;
  }
  throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
}

/** The calendar date of an instant in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The wall-clock hour and minute of an instant in Asia/Shanghai. */
export function shanghaiClockOf(instant: Date): { hour: number; minute: number } {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return { hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** The instant a Shanghai calendar day begins (00:00 Beijing time = 16:00 UTC the day before). */
export function startOfShanghaiDay(date: string): Date {
  return new Date(utcMidnight(date) - OFFSET_MS);
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** The weekday of a date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): Weekday {
  return new Date(utcMidnight(date)).getUTCDay() as Weekday;
}

/** Orders two dates: -1, 0 or 1 (YYYY-MM-DD compares as text, checked here once). */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2026-11-26T14:05[:33]` read as Beijing wall-clock time → the instant; null when it is no real time. */
export function shanghaiLocalToInstant(local: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return null;
  const [, date, h, mi, s] = match as unknown as [string, string, string, string, string | undefined];
  if (!isIsoDate(date) || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  return new Date(utcMidnight(date) - OFFSET_MS + ((Number(h) * 60 + Number(mi)) * 60 + Number(s ?? 0)) * 1000);
}

/** An instant as Beijing wall-clock text, `YYYY-MM-DDTHH:mm:ss` (cut it to the precision needed). */
export function shanghaiLocalOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19);
}
