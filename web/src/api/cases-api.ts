/**
 * Typed access to the case API (/api/v1/cases): list, open, read, take an action, assign officers,
 * link cases. Refusals come back as ApiError; the 422 of a rule carries `refusals[]` in its problem.
 */
import type { TAdjustDeadlineRequest, TCase, TCaseListResponse, TOpenCaseRequest, TRefusal, TTransitionRequest } from '@contracts/cases.js';
import { ApiError, getJson, requestJson, withQuery } from './http.js';

const BASE = '/api/v1/cases';

/** The list's filters as the workbench holds them (ZCaseListQuery, with plain numbers). */
export interface CaseListFilter {
  status: 'open' | 'closed' | 'all';
  step?: string;
  itemNo?: number;
  /** an officer id, or `me` */
  officer?: string;
  due?: 'overdue' | 'soon';
  q?: string;
  page: number;
  pageSize: number;
}

/** Cases the signed-in account may read, filtered and paged. */
export function fetchCases(query: CaseListFilter, signal?: AbortSignal): Promise<TCaseListResponse> {
  return getJson(
    withQuery(BASE, {
      status: query.status,
      step: query.step,
      itemNo: query.itemNo,
      officer: query.officer,
      due: query.due,
      q: query.q,
      page: query.page,
      pageSize: query.pageSize,
    }),
    signal,
  );
}

/** One case with its timeline, deadlines, findings, links and the caller's available actions. */
export function fetchCase(id: string, signal?: AbortSignal): Promise<TCase> {
  return getJson(`${BASE}/${encodeURIComponent(id)}`, signal);
}

/** Opens a case (201 with the new case). */
export function openCase(request: TOpenCaseRequest): Promise<TCase> {
  return requestJson(BASE, { method: 'POST', body: request });
}

/** Takes an action on a case: 409 stale-version / invalid-transition, 422 rule-violated with refusals. */
export function transitionCase(id: string, request: TTransitionRequest): Promise<TCase> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: request });
}

/** Assigns officers to a case (the whole list of officers the case should have). */
export function assignOfficers(id: string, expectedVersion: number, officerIds: string[]): Promise<TCase> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/assignments`, { method: 'POST', body: { expectedVersion, officerIds } });
}

/** Links another existing case to this one. */
export function linkCase(id: string, expectedVersion: number, otherCaseId: string): Promise<TCase> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/links`, { method: 'POST', body: { expectedVersion, otherCaseId } });
}

/** Extends (a head) or suspends (an officer or head) a running deadline of the case. */
export function adjustDeadline(id: string, deadlineId: string, request: TAdjustDeadlineRequest): Promise<TCase> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/deadlines/${encodeURIComponent(deadlineId)}`, { method: 'POST', body: request });
}

/** The error code of a problem answer (`stale-version`, `rule-violated` …), null for anything else. */
export function problemCode(error: unknown): string | null {
  return error instanceof ApiError ? (error.problem?.code ?? null) : null;
}

/** The refusals of a 422 rule-violated answer; empty for any other error. */
export function refusalsOf(error: unknown): TRefusal[] {
  if (!(error instanceof ApiError) || problemCode(error) !== 'rule-violated') return [];
  return error.problem?.refusals ?? [];
}
