/**
 * Date and time fields in Beijing time, whatever the browser's own time zone: the native
 * `datetime-local` and `date` inputs give wall-clock text, which is read as Asia/Shanghai and sent
 * to the API as an ISO instant. A thin layer over the one Asia/Shanghai helper the server uses
 * (src/contracts/shanghai-time.ts), so the web and the case engine agree on "which day". Imported by
 * relative path, as audit-details.ts does, so the unit tests run without the vite alias.
 */
import { shanghaiDateOf, shanghaiLocalOf, shanghaiLocalToInstant } from '../../../src/contracts/shanghai-time.js';

/** `2026-11-26T14:05` (Beijing wall clock) → `2026-11-26T06:05:00.000Z`; null for anything else. */
export function beijingLocalToIso(local: string): string | null {
  return shanghaiLocalToInstant(local)?.toISOString() ?? null;
}

/** `2026-11-26T06:05:00.000Z` → `2026-11-26T14:05` for a datetime-local input; '' when unparsable. */
export function isoToBeijingLocal(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : shanghaiLocalOf(new Date(time)).slice(0, 16);
}

/** Today's date in Beijing, YYYY-MM-DD (for default dates of forms). */
export function beijingToday(now: Date = new Date()): string {
  return shanghaiDateOf(now);
}

/** An ISO instant in Beijing time with seconds: 2026-11-26 14:05:33, for logs people compare exactly. */
export function formatBeijingSeconds(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : shanghaiLocalOf(new Date(time)).replace('T', ' ');
}
