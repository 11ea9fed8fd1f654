/**
 * Date and time fields in Beijing time, whatever the browser's own time zone: the native
 * `datetime-local` and `date` inputs give wall-clock text, which is read as Asia/Shanghai (UTC+8
 * all year: China keeps no daylight saving time) and sent to the API as an ISO instant.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-11-26T14:05` (Beijing wall clock) → `2026-11-26T06:05:00.000Z`; null for anything else. */
export function beijingLocalToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - BEIJING_OFFSET_MS;
  const date = new Date(utc);
  // Date.UTC rolls 2026-02-30 over into March; such input is refused rather than moved.
  if (Number.isNaN(date.getTime()) || isoToBeijingLocal(date.toISOString()).slice(0, 16) !== local.trim().slice(0, 16)) return null;
  return date.toISOString();
}

/** `2026-11-26T06:05:00.000Z` → `2026-11-26T14:05` for a datetime-local input; '' when unparsable. */
export function isoToBeijingLocal(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

/** Today's date in Beijing, YYYY-MM-DD (for default dates of forms). */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** An ISO instant in Beijing time with seconds: 2026-11-26 14:05:33, for logs people compare exactly. */
export function formatBeijingSeconds(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
