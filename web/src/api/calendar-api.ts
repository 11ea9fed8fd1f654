/**
 * The working-day calendar (/api/v1/calendar): the year view and the system administrator's
 * imports; the deadline calculator is open to everyone.
 */
import type { TCalendarImportRequest, TCalendarImportResponse, TCalendarYearResponse, TDeadlineResponse } from '@contracts/calendar.js';
import { getJson, requestJson, withQuery } from './http.js';

const BASE = '/api/v1/calendar';

/** One year's days, the covered years and the administrator's entries. */
export function fetchCalendarYear(year: number, signal?: AbortSignal): Promise<TCalendarYearResponse> {
  return getJson(withQuery(BASE, { year }), signal);
}

/** Imports entries (or checks them, on a dry run). */
export function importCalendarEntries(request: TCalendarImportRequest): Promise<TCalendarImportResponse> {
  return requestJson(`${BASE}/overrides`, { method: 'POST', body: request });
}

/** Counts n working or calendar days from a date. */
export function fetchDeadline(
  query: { from: string; workingDays?: number; calendarDays?: number },
  signal?: AbortSignal,
): Promise<TDeadlineResponse> {
  return getJson(withQuery(`${BASE}/deadline`, query), signal);
}
