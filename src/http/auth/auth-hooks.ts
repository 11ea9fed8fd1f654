/**
 * Who is calling, and may they call this route at all — before the body is read:
 * 1. the session cookie becomes `request.ctx.actor` (an ended session clears the cookie);
 * 2. a state-changing request (POST, PUT, PATCH, DELETE) made with a session must carry that
 *    session's CSRF token in `x-csrf-token` — else 403 problem+json (sign-in and setup excepted:
 *    they act for no session);
 * 3. a route's declared action must be one the actor may perform on some organisation — else
 *    401/403; the service checks again against the resource's organisation. A route under /api/v1
 *    that declares no policy is refused (fail closed);
 * 4. an account whose password an administrator set may only manage its own account (change the
 *    password, sign out) until its owner has changed it — the administrator knows that password.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { isPublicAction } from '../../services/access/describe-action.js';
import { requireActionSomewhere } from '../../services/access/require-action-somewhere.js';
import { CSRF_HEADER, isValidCsrfToken } from '../../services/auth/csrf-token.js';
import { resolveSession } from '../../services/auth/resolve-session.js';
import { API_PREFIX } from './route-policies.js';
import { clearSessionCookie, sessionTokenOf } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the session token of a signed-in request (for the CSRF token in /auth/me) */
    sessionToken: string | null;
    /** why the request's session cookie no longer works, for the 401 message */
    sessionEndedMessage: string | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The action of a person's own account: password, authenticator, session, sign-out. */
const OWN_ACCOUNT_ACTION = 'account.manageOwn';

/** Adds the session, CSRF and route-policy checks to every request. */
export function registerAuthHooks(app: FastifyInstance): void {
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionEndedMessage', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    await resolveActor(request, reply);
    checkCsrf(request);
    await checkRoutePolicy(request);
  });
}

async function resolveActor(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = sessionTokenOf(request);
  if (token === undefined) return;
  const resolved = await resolveSession(request.ctx, token);
  if (resolved.status === 'active') {
    request.ctx = { ...request.ctx, actor: resolved.actor };
    request.sessionToken = token;
    return;
  }
  request.sessionEndedMessage = resolved.message;
  clearSessionCookie(request, reply);
}

function checkCsrf(request: FastifyRequest): void {
  if (!STATE_CHANGING.has(request.method) || request.sessionToken === null) return;
  // Sign-in and setup act for nobody's session (their answer does not depend on who is signed in).
  const config = request.routeOptions.config;
  if (config?.public === true || (config?.action !== undefined && isPublicAction(config.action))) return;
  const header = request.headers[CSRF_HEADER];
  const presented = Array.isArray(header) ? header[0] : header;
  if (isValidCsrfToken(request.sessionToken, presented)) return;
  throw new DomainError(ERROR_CODES.forbidden, '请求缺少有效的 CSRF 令牌，已被拒绝。请刷新页面后重试。', {
    issues: [{ path: ['headers', CSRF_HEADER], message: presented ? 'CSRF 令牌与当前会话不符' : '缺少 CSRF 令牌' }],
  });
}

async function checkRoutePolicy(request: FastifyRequest): Promise<void> {
  const url = request.routeOptions.url;
  if (url === undefined || !url.startsWith(API_PREFIX)) return;
  const config = request.routeOptions.config;
  if (config.public === true) return;
  if (config.action === undefined) {
    // Fail closed: a route that forgot its policy serves nobody.
    request.log.error({ url }, 'API route without a policy');
    throw new DomainError(ERROR_CODES.forbidden, '该接口未配置访问权限，已拒绝访问。');
  }
  const actor = request.ctx.actor;
  if (actor.kind === 'user' && actor.mustChangePassword && config.action !== OWN_ACCOUNT_ACTION && !isPublicAction(config.action)) {
    throw new DomainError(ERROR_CODES.forbidden, '您的密码由管理员设置，请先在“个人设置”中修改密码后再继续操作。');
  }
  try {
    await requireActionSomewhere(request.ctx, config.action);
  } catch (error) {
    // An anonymous caller whose session just ended learns why, not only "please sign in".
    if (error instanceof DomainError && error.code === ERROR_CODES.unauthenticated && request.sessionEndedMessage) {
      throw new DomainError(ERROR_CODES.unauthenticated, request.sessionEndedMessage);
    }
    throw error;
  }
}
