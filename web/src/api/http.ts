/**
 * The one place the web app talks HTTP to the API: JSON in and out, problem+json turned into an
 * ApiError with a message fit for people, the session's CSRF token sent on every state-changing
 * request, and a 401 on a protected call reported to whoever listens (the app sends the user to the
 * sign-in page with a return path). The session cookie itself is HttpOnly: scripts never see it.
 */
import type { TProblem } from '@contracts/api.js';

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
  if (status === 409) return '数据已被他人修改，请刷新后重试。';
  if (status === 413) return '提交的内容过大。';
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

// ---- the session's CSRF token --------------------------------------------------------------

/** The header the server reads the CSRF token from (src/services/auth/csrf-token.ts). */
export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;
let csrfTokenLoader: (() => Promise<string | null>) | null = null;

/** Remembers the CSRF token of the current session (from sign-in or /auth/me); null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to obtain a token when none is known yet (the app passes "load /auth/me"). */
export function setCsrfTokenLoader(loader: (() => Promise<string | null>) | null): void {
  csrfTokenLoader = loader;
}

/** Whether the server refused the request for a missing or stale CSRF token. */
function isCsrfRefusal(error: ApiError): boolean {
  return error.status === 403 && (error.problem?.errors ?? []).some((issue) => issue.path.endsWith(CSRF_HEADER));
}

// ---- signed-out notifications ------------------------------------------------------------------

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Calls `listener` whenever a protected call answers 401 (the session ended); returns an unsubscribe. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

// ---- requests --------------------------------------------------------------------------------

/** Options of {@link requestJson}. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** serialised as JSON */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether a 401 means "the session ended, go and sign in" (the default). Sign-in, setup and the
   * session probe answer 401 as part of their normal work and turn this off.
   */
  notifyUnauthorized?: boolean;
  /** Whether to send the session's CSRF token (the default); sign-in and setup act for no session. */
  csrf?: boolean;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (STATE_CHANGING.has(method) && options.csrf !== false) {
    if (csrfToken === null && csrfTokenLoader) csrfToken = await csrfTokenLoader().catch(() => null);
    if (csrfToken !== null) headers[CSRF_HEADER] = csrfToken;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('无法连接服务器，请检查网络后重试。', 0, null);
  }
}

/**
 * Calls the API and returns the JSON answer (undefined for 204). Throws ApiError on a network
 * failure or a non-2xx status. A state-changing request refused for its CSRF token is retried once
 * with a freshly loaded token (the session may have been renewed in another tab).
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (!response.ok) {
    let error = await toApiError(response);
    if (isCsrfRefusal(error) && csrfTokenLoader && options.csrf !== false) {
      csrfToken = await csrfTokenLoader().catch(() => null);
      response = await send(path, options);
      if (response.ok) return readBody<T>(response);
      error = await toApiError(response);
    }
    if (error.status === 401 && options.notifyUnauthorized !== false) {
      for (const listener of unauthorizedListeners) listener(error);
    }
    throw error;
  }
  return readBody<T>(response);
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** GETs a JSON resource of the API. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(path, { signal });
}

/** A path with the non-empty parameters as its query string. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

/** Progress of an upload: bytes sent so far, and whether the server is now working on it. */
export interface UploadProgress {
  loaded: number;
  total: number;
  /** every byte is sent; the answer is awaited (the server parses and checks) */
  processing: boolean;
}

/**
 * POSTs a multipart form with upload progress (fetch reports none), the session's CSRF token and
 * the same error handling as {@link requestJson}. `signal` aborts the upload.
 */
export async function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  if (csrfToken === null && csrfTokenLoader) csrfToken = await csrfTokenLoader().catch(() => null);
  const response = await new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken !== null) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.total, processing: false });
    xhr.upload.onload = () => onProgress({ loaded: 1, total: 1, processing: true });
    xhr.onload = () => {
      const headers = new Headers();
      const type = xhr.getResponseHeader('content-type');
      if (type) headers.set('content-type', type);
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
    };
    xhr.onerror = () => reject(new ApiError('无法连接服务器，请检查网络后重试。', 0, null));
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
  return readBody<T>(response);
}
