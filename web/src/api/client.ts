/**
 * Typed access to the public power-list API (/api/v1/powerlists/…). Responses are typed by the shared
 * contracts; failures become an ApiError whose message is the server's Chinese problem detail.
 */
import type { TItemResponse, TPowerListResponse, TSearchResponse, TVersionsResponse } from '@contracts/api.js';
import { getJson, withQuery } from './http.js';

export { ApiError } from './http.js';

const API_BASE = '/api/v1/powerlists';

/** The current version of the organisation's list. */
export function fetchCurrentList(signal?: AbortSignal): Promise<TPowerListResponse> {
  return getJson(`${API_BASE}/current`, signal);
}

/** All imported versions, newest first as the server orders them. */
export function fetchVersions(signal?: AbortSignal): Promise<TVersionsResponse> {
  return getJson(`${API_BASE}/versions`, signal);
}

/** One version of the list with its difference against the previous version. */
export function fetchVersion(versionNo: number, signal?: AbortSignal): Promise<TPowerListResponse> {
  return getJson(`${API_BASE}/versions/${encodeURIComponent(String(versionNo))}`, signal);
}

/** One item with its linter findings, from the current version unless `versionNo` is given. */
export function fetchItem(itemNo: number, versionNo?: number | null, signal?: AbortSignal): Promise<TItemResponse> {
  return getJson(withQuery(`${API_BASE}/items/${encodeURIComponent(String(itemNo))}`, { version: versionNo }), signal);
}

/** Options of a search over item names, duties and citation texts. */
export interface SearchItemsOptions {
  q?: string | null;
  category?: string | null;
  version?: number | null;
}

/** Chinese substring search over the items of a version. */
export function searchItems(options: SearchItemsOptions, signal?: AbortSignal): Promise<TSearchResponse> {
  return getJson(withQuery(`${API_BASE}/items`, { q: options.q?.trim(), category: options.category, version: options.version }), signal);
}
