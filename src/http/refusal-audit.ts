/**
 * Which refused requests the error handler audits (besides 403s, which recordAccessDenied covers
 * for signed-in accounts, and sign-in failures, which the sign-in use case records itself): too
 * many requests (429), anonymous requests to signed-in endpoints (401) and rejected uploads (413,
 * 415, 422 of a file). One record per address, status and code per minute at most, with the count
 * of the ones folded into it, so that an attacker's flood costs a handful of records.
 */
import type { FastifyRequest } from 'fastify';
import { recordRefusal } from '../services/audit/record-refusal.js';

const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;
const UPLOAD_REFUSALS = new Set(['too-large', 'malformed-file', 'unsupported-format']);

interface Window {
  startedAt: number;
  suppressed: number;
}
/** The throttle's windows, per database the server serves (a process may run several servers, e.g. in tests). */
const windowsByServer = new WeakMap<object, Map<string, Window>>();

/** Whether a refusal with this status and code is one to audit here. */
export function isAuditedRefusal(request: FastifyRequest, status: number, code: string | undefined): boolean {
  if (status === 429) return true;
  if (status === 401) {
    // Sign-in failures are audited by the sign-in itself; the web app's "am I signed in?" is no refusal.
    const action = request.routeOptions.config?.action;
    return action !== 'session.create' && !(request.method === 'GET' && request.url.split('?')[0] === '/api/v1/auth/me');
  }
  if (status === 413 || status === 415) return true;
  return code !== undefined && UPLOAD_REFUSALS.has(code);
}

/** Audits the refusal unless a like one from the same address was audited within the minute. */
export async function auditRefusal(request: FastifyRequest, status: number, code: string | undefined, reason: string): Promise<void> {
  if (!request.ctx || !isAuditedRefusal(request, status, code)) return;
  let windows = windowsByServer.get(request.ctx.db);
  if (windows === undefined) {
    windows = new Map();
    windowsByServer.set(request.ctx.db, windows);
  }
  // The server's clock (a test's fixed one too), not the machine's: the window must not end mid-test.
  const now = request.ctx.clock().getTime();
  const key = `${request.ip}|${status}|${code ?? ''}`;
  const window = windows.get(key);
  if (window && now - window.startedAt < WINDOW_MS) {
    window.suppressed++;
    return;
  }
  if (windows.size >= MAX_KEYS) windows.clear();
  windows.set(key, { startedAt: now, suppressed: 0 });
  await recordRefusal(request.ctx, {
    status,
    code: code ?? String(status),
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    action: request.routeOptions.config?.action ?? null,
    reason,
    suppressed: window?.suppressed ?? 0,
  }).catch((error: unknown) => request.log.error({ err: error }, 'could not audit a refused request'));
}
