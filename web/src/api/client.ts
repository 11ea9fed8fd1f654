/**
 * Typed access to the public power-list API (/api/v1/powerlists/…). Responses are typed by the shared
 * contracts; failures become an ApiError whose message is the server's Chinese problem detail.
 */
import type { TItemResponse, TPowerListResponse, TProblem, TSearchResponse, TVersionsResponse } from '@contracts/api.js';

const API_BASE = '/api/v1/powerlists';

/** A failed API call: `message` is fit to show to people, `problem` is the server's problem+json. */
export class ApiError extends Error {
  /** HTTP status, 0 when the server could not be reached */
  readonly status: number;
  readonly problem: TProblem | null;

  constructor(message: string, status: number, problem: TProblem | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** Fallback wording when the server sends no problem detail. */
function messageForStatus(status: number): string {
  if (status === 404) return '未找到请求的内容，可能已被删除或地址有误。';
  if (status === 400 || status === 422) return '请求参数不正确，请检查后重试。';
  if (status === 401) return '请先登录后再访问。';
  if (status === 403) return '您没有权限访问该内容。';
  if (status === 429) return '访问过于频繁，请稍后再试。';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试。';
  return `请求失败（HTTP ${status}）。`;
}

function isProblem(value: unknown): value is TProblem {
  return typeof value === 'object' && value !== null && typeof (value as { title?: unknown }).title === 'string';
}

/** Turns a non-2xx response into an ApiError, reading problem+json when the server sent it. */
async function toApiError(response: Response): Promise<ApiError> {
  let problem: TProblem | null = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) problem = body;
    } catch {
      // A malformed error body is reported with the status wording below.
    }
  }
  const message = problem?.detail?.trim() || messageForStatus(response.status);
  return new ApiError(message, response.status, problem);
}

/** GETs a JSON resource of the API; throws ApiError on network failure or non-2xx status. */
async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('无法连接服务器，请检查网络后重试。', 0, null);
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

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
