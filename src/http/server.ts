/**
 * The HTTP server: security headers, zod validation, problem+json errors, sessions and CSRF
 * (auth/), per-address rate limits on sign-in, uploads, the OpenAPI document and its viewer at
 * /api/docs, the JSON API under /api/v1 — every route naming its policy — and the built web app.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { PROJECT_ROOT } from '../config/env.js';
import { POWERLIST_UPLOAD_LIMIT_BYTES } from '../contracts/powerlist-import.js';
import type { SessionTimeouts } from '../services/auth/session-tokens.js';
import { ANONYMOUS, createContext, DEFAULT_SESSION_TIMEOUTS, type ServiceContext, type ServiceSettings } from '../services/context.js';
import type { Db } from '../services/database-lifecycle.js';
import { registerAuthHooks } from './auth/auth-hooks.js';
import { collectRoutePolicies } from './auth/route-policies.js';
import { SESSION_COOKIE } from './auth/session-cookie.js';
import { handleError, handleFrameworkError, handleNotFound } from './error-handler.js';
import { inputHygieneHook, stripControlCharacters } from './input-hygiene.js';
import { LOG_SERIALIZERS } from './log-serializers.js';
import { registerOperations } from './operations.js';
import { registerPublicReadCache } from './public-read-cache.js';
import { auditRoutes } from './routes/audit/audit.routes.js';
import { accountRoutes } from './routes/auth/account.routes.js';
import { adminInvitationRoutes } from './routes/auth/admin-invitations.routes.js';
import { authRoutes } from './routes/auth/auth.routes.js';
import { calendarRoutes } from './routes/calendar/calendar.routes.js';
import { caseRoutes } from './routes/cases/cases.routes.js';
import { legalSourceRoutes } from './routes/legal-sources/legal-sources.routes.js';
import { officerRoutes } from './routes/officers/officers.routes.js';
import { organisationRoutes } from './routes/organisations/organisations.routes.js';
import { powerListRoutes } from './routes/powerlists/powerlists.routes.js';
import { powerListImportRoutes } from './routes/powerlists/powerlists-import.routes.js';
import { procedureRoutes } from './routes/procedures/procedures.routes.js';
import { roleRoutes } from './routes/roles/roles.routes.js';
import { userRoutes } from './routes/users/users.routes.js';
import { registerSecurityHeaders, registerTransportSecurity } from './transport-security.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the use-case context of this request: database, clock, id generator, actor */
    ctx: ServiceContext;
  }
}

export interface BuildServerOptions {
  db: Db;
  orgCode: string;
  logLevel?: string;
  /** folder of the built web app; defaults to dist/web of the project */
  webRoot?: string;
  /** hash of new audit records (default SM3) */
  auditHash?: ServiceSettings['auditHash'];
  sessionTimeouts?: SessionTimeouts;
  /** sign-in and setup attempts allowed per client address per minute (default 10) */
  loginRateLimitPerMinute?: number;
  /** trust X-Forwarded-* from these reverse proxies: a hop count or their addresses (never `true`: any client could pick its address) */
  trustProxy?: boolean | number | string[];
  /** bearer token that unlocks /metrics from anywhere; without one only loopback may read it (operations.ts) */
  metricsToken?: string | null;
  /** the clock of every request's use cases; tests move it to expire sessions */
  clock?: () => Date;
}

/**
 * Fastify's trustProxy for our setting. A hop count becomes "trust the nearest N hops" (Express's
 * meaning): this Fastify fails a bare number closed, as the count cannot tell a proxy from a client
 * that connects directly — so it is only safe when the server is reachable through the proxies alone
 * (docs/operators.md); a list of the proxies' addresses is the safe form.
 */
function fastifyTrustProxy(setting: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** Largest JSON body we accept; file uploads have their own limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Build the Fastify app (not listening yet). */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      serializers: LOG_SERIALIZERS,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    genReqId: () => crypto.randomUUID(),
    // Malformed URLs are refused by the router before any hook: as problem+json like every other refusal.
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  // helmet's headers, worked out once at start rather than on every request (transport-security.ts).
  await registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd (CSS-in-JS) and mermaid inject <style> elements; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Sent only over TLS, with HSTS (transport-security.ts): on plain HTTP it blanks the page.
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  registerTransportSecurity(app);

  const settings: ServiceSettings = {
    homeOrgCode: options.orgCode,
    auditHash: options.auditHash ?? 'sm3',
    sessionTimeouts: options.sessionTimeouts ?? DEFAULT_SESSION_TIMEOUTS,
  };
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  // A callback hook, not an async one: it runs on every request, and a promise per request is not free.
  app.addHook('onRequest', (request, reply, done) => {
    const userAgent = request.headers['user-agent'];
    request.ctx = createContext(options.db, ANONYMOUS, {
      ...(options.clock ? { clock: options.clock } : {}),
      request: {
        requestId: request.id,
        sourceIp: request.ip,
        userAgent: typeof userAgent === 'string' ? stripControlCharacters(userAgent).slice(0, 500) : null,
      },
      settings,
    });
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('preValidation', inputHygieneHook);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: POWERLIST_UPLOAD_LIMIT_BYTES, files: 1, fields: 10, parts: 12 } });
  collectRoutePolicies(app);
  registerAuthHooks(app);
  registerOperations(app, { db: options.db, metricsToken: options.metricsToken ?? null });
  // Before compression: the public-read cache keeps the JSON text, compress then encodes it per client.
  registerPublicReadCache(app, { db: options.db, orgCode: options.orgCode });
  await app.register(compress, { global: true, threshold: 1024, brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Quanze 权责 API',
        version: '1',
        description:
          '权责清单的导入、公示与运行接口。错误均以 RFC 9457 problem+json 返回。登录后凭 HttpOnly 会话 Cookie 访问；所有 POST/PUT/PATCH/DELETE 请求须在 x-csrf-token 请求头中携带登录时返回的 CSRF 令牌。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(powerListRoutes, { prefix: '/api/v1/powerlists', orgCode: options.orgCode });
  await app.register(powerListImportRoutes, { prefix: '/api/v1/powerlists', orgCode: options.orgCode });
  await app.register(authRoutes, { prefix: '/api/v1/auth', loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10 });
  await app.register(accountRoutes, { prefix: '/api/v1/account' });
  await app.register(adminInvitationRoutes, {
    prefix: '/api/v1/admin-invitations',
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10,
  });
  await app.register(userRoutes, { prefix: '/api/v1/users' });
  await app.register(roleRoutes, { prefix: '/api/v1/roles' });
  await app.register(officerRoutes, { prefix: '/api/v1/officers' });
  await app.register(auditRoutes, { prefix: '/api/v1/audit' });
  await app.register(organisationRoutes, { prefix: '/api/v1/organisations' });
  await app.register(legalSourceRoutes, { prefix: '/api/v1/legal-sources' });
  await app.register(caseRoutes, { prefix: '/api/v1/cases' });
  await app.register(procedureRoutes, { prefix: '/api/v1/procedures' });
  await app.register(calendarRoutes, { prefix: '/api/v1/calendar' });
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));

  const webRoot = options.webRoot ?? path.join(PROJECT_ROOT, 'dist', 'web');
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (isPage && hasWeb) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return handleNotFound(request, reply);
  });

  return app;
}
