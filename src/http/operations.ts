/**
 * Operating endpoints, outside /api/v1 (no session, no policy — a load balancer or Prometheus has
 * neither): GET /healthz (the process answers), GET /readyz (the database answers and carries every
 * migration of this release; 503 otherwise) and GET /metrics (Prometheus text format). Also the
 * per-request latency histogram and the HTTP-level counts of imports and case transitions.
 *
 * /metrics says how busy the bureau is, so it is not public: with QUANZE_METRICS_TOKEN set it wants
 * `Authorization: Bearer <token>`; without one it answers only connections from this machine's
 * loopback that came through no proxy (no X-Forwarded-For), so a reverse proxy on the same host does
 * not publish it by accident.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, ERROR_CODES } from '../domain/errors.js';
import type { Db } from '../services/database-lifecycle.js';
import { checkReadiness } from '../services/operations/check-readiness.js';
import { countImport, countTransition, METRICS_CONTENT_TYPE, observeRequest, renderMetrics } from '../services/operations/metrics.js';

export interface OperationsOptions {
  db: Db;
  /** bearer token for /metrics; null: loopback only */
  metricsToken: string | null;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** Whether this request may read /metrics. */
export function mayReadMetrics(request: FastifyRequest, token: string | null): boolean {
  if (token !== null) {
    const header = request.headers.authorization ?? '';
    return header.startsWith('Bearer ') && sameSecret(header.slice('Bearer '.length), token);
  }
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
}

export function registerOperations(app: FastifyInstance, options: OperationsOptions): void {
  // Stopping: Node closes the connections that are idle when the server stops listening; one whose
  // response was still being written goes idle a moment later and would then hold the process (and
  // a graceful shutdown) until its keep-alive timeout. Close such connections as their responses end.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A callback hook, not an async one: it runs on every reply, and a promise per reply is not free.
  app.addHook('onResponse', (request, reply, done) => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    observeRequest(request.method, route, status, reply.elapsedTime / 1000);
    if (request.method === 'POST') {
      if (route === '/api/v1/cases/:id/transitions' && status === 200) {
        const action = (request.body as { action?: unknown } | undefined)?.action;
        countTransition(typeof action === 'string' ? action : 'other');
      } else if (route === '/api/v1/powerlists/import') {
        countImport(status === 201 ? 'published' : status === 200 ? 'dry-run' : status < 500 ? 'refused' : 'failed');
      }
    }
    done();
  });

  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    const readiness = await checkReadiness(options.db);
    return reply
      .code(readiness.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: readiness.ready ? 'ready' : 'not-ready', ...readiness });
  });

  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    if (!mayReadMetrics(request, options.metricsToken))
      throw new DomainError(ERROR_CODES.forbidden, '监控指标只对本机或持有 QUANZE_METRICS_TOKEN 的采集端开放。');
    const text = await renderMetrics(options.db);
    return reply.header('cache-control', 'no-store').type(METRICS_CONTENT_TYPE).send(text);
  });
}
