/** The procedures the list's items run through (/api/v1/procedures) — public, like the list. */
import type { TProcedure, TProcedureListResponse } from '@contracts/cases.js';
import { getJson } from './http.js';

/** Every item of the current list with its procedure template and supervision coverage. */
export function fetchProcedures(signal?: AbortSignal): Promise<TProcedureListResponse> {
  return getJson('/api/v1/procedures', signal);
}

/** The procedure of one item of the current list: steps, actions with their forms, coverage table. */
export function fetchProcedure(itemNo: number, signal?: AbortSignal): Promise<TProcedure> {
  return getJson(`/api/v1/procedures/${encodeURIComponent(String(itemNo))}`, signal);
}
