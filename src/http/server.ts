/**
 * The HTTP server: security headers, zod validation, problem+json errors, the OpenAPI document
 * and its viewer at /api/docs, the JSON API under /api/v1, and the built web app.
 */
import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { PROJECT_ROOT } from '../config/env.js';
import { createContext, type ServiceContext } from '../services/context.js';
import type { Db } from '../services/database-lifecycle.js';
import { handleError, handleNotFound } from './error-handler.js';
import { powerListRoutes } from './routes/powerlists/powerlists.routes.js';

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
}

/** Largest JSON body we accept; file uploads have their own limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Build the Fastify app (not listening yet). */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(helmet, {
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
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = createContext(options.db);
    reply.header('x-request-id', request.id);
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Quanze 权责 API', version: '1', description: '权责清单的导入、公示与运行接口。错误均以 RFC 9457 problem+json 返回。' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(powerListRoutes, { prefix: '/api/v1/powerlists', orgCode: options.orgCode });
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
