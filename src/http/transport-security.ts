/**
 * Headers that only make sense over TLS. `upgrade-insecure-requests` (CSP) and HSTS tell the browser
 * to fetch everything over https; sent on a plain-HTTP installation (`http://server-name:3000/`) they
 * make every script and stylesheet fail, and the page stays blank. So both go out only when the
 * request really arrived over TLS: on an encrypted socket, or — with `QUANZE_TRUST_PROXY` — when
 * the trusted reverse proxy says `X-Forwarded-Proto: https` (Fastify's `request.protocol`).
 */
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';

/** HSTS for half a year, subdomains included (helmet's default policy, sent only over TLS). */
export const HSTS_VALUE = 'max-age=15552000; includeSubDomains';

/** Whether the request came over TLS, directly or via a trusted proxy. */
export function arrivedOverTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** Adds `upgrade-insecure-requests` and HSTS to responses of requests that arrived over TLS. */
export function registerTransportSecurity(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every reply, and a promise per reply is not free.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!arrivedOverTls(request)) return done(null, payload);
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) {
      reply.header('content-security-policy', `${csp.replace(/;\s*$/, '')};upgrade-insecure-requests`);
    }
    reply.header('strict-transport-security', HSTS_VALUE);
    done(null, payload);
  });
}

/** Headers of the probe's own answer, not helmet's. */
const RESPONSE_OWN_HEADERS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * The headers helmet sends for `options`, worked out once by asking a throwaway Fastify instance
 * with @fastify/helmet registered. @fastify/helmet builds helmet's middleware anew on every request
 * — parsing the CSP directives each time (a sizeable share of a public read's CPU); its headers
 * never depend on the request here (no nonces, no per-route options), so they are computed once
 * and set on every reply. helmet stays the one source of what they are.
 */
export async function securityHeadersOf(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get('/', (_request, reply) => reply.send(''));
    const response = await probe.inject({ method: 'GET', url: '/' });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (!RESPONSE_OWN_HEADERS.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return headers;
  } finally {
    await probe.close();
  }
}

/** Sends helmet's headers for `options` on every reply (see securityHeadersOf). */
export async function registerSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await securityHeadersOf(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
