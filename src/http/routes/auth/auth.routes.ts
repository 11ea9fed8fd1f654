/**
 * Sign-in, sign-out, the current session and first-run setup (/api/v1/auth). Sign-in and setup are
 * rate-limited per client address on top of the per-account lockout.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZLoginRequest,
  ZLoginResponse,
  ZLogoutEverywhereResponse,
  ZOkResponse,
  ZSessionInfo,
  ZSetupRequest,
  ZSetupResponse,
  ZSetupStatus,
} from '../../../contracts/auth.js';
import { completeSetup } from '../../../services/auth/complete-setup.js';
import { getSessionInfo } from '../../../services/auth/get-session-info.js';
import { getSetupStatus } from '../../../services/auth/get-setup-status.js';
import { login } from '../../../services/auth/login.js';
import { logout } from '../../../services/auth/logout.js';
import { logoutEverywhere } from '../../../services/auth/logout-everywhere.js';
import { clearSessionCookie, setSessionCookie } from '../../auth/session-cookie.js';
import { problemResponses } from '../../problem-responses.js';

export interface AuthRoutesOptions {
  /** sign-in and setup attempts allowed per client address per minute */
  loginRateLimitPerMinute: number;
}

const TAGS = ['登录与会话'];
const errors = problemResponses(400, 401, 403, 409, 429);

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { loginRateLimitPerMinute }) => {
  const rateLimit = { max: loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/login',
    {
      config: { action: 'session.create', rateLimit },
      schema: {
        tags: TAGS,
        summary: '登录（密码；需要时再提交动态口令）',
        description: '成功时设置 HttpOnly 会话 Cookie，并在 session.csrfToken 中返回 CSRF 令牌。',
        body: ZLoginRequest,
        response: { 200: ZLoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await login(request.ctx, request.body);
      if (result.status !== 'signed-in') return result;
      // Signing in as someone else ends the session the browser had.
      if (request.ctx.actor.kind === 'user') await logout(request.ctx);
      setSessionCookie(request, reply, result.token);
      return { status: result.status, session: result.session };
    },
  );

  app.post(
    '/logout',
    { config: { action: 'account.manageOwn' }, schema: { tags: TAGS, summary: '登出', response: { 200: ZOkResponse, ...errors } } },
    async (request, reply) => {
      await logout(request.ctx);
      clearSessionCookie(request, reply);
      return { ok: true as const, message: '已登出。' };
    },
  );

  app.post(
    '/logout-everywhere',
    {
      config: { action: 'account.manageOwn' },
      schema: { tags: TAGS, summary: '登出本账号的全部会话（所有设备）', response: { 200: ZLogoutEverywhereResponse, ...errors } },
    },
    async (request, reply) => {
      const endedSessions = await logoutEverywhere(request.ctx);
      clearSessionCookie(request, reply);
      return { ok: true as const, message: `已登出全部 ${endedSessions} 个会话。`, endedSessions };
    },
  );

  app.get(
    '/me',
    {
      config: { action: 'account.manageOwn' },
      schema: { tags: TAGS, summary: '当前登录的账号、角色、可执行的操作和 CSRF 令牌', response: { 200: ZSessionInfo, ...errors } },
    },
    (request) => getSessionInfo(request.ctx, request.sessionToken ?? ''),
  );

  app.get(
    '/setup',
    { config: { public: true }, schema: { tags: TAGS, summary: '系统是否尚待初始化（尚无任何账号）', response: { 200: ZSetupStatus } } },
    (request) => getSetupStatus(request.ctx),
  );

  app.post(
    '/setup',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: TAGS,
        summary: '首次初始化：用启动时控制台打印的一次性链接创建第一个系统管理员',
        body: ZSetupRequest,
        response: { 201: ZSetupResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await completeSetup(request.ctx, request.body)),
  );
};
