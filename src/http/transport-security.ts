/**
 * Headers that only make sense over TLS. `upgrade-insecure-requests` (CSP) and HSTS tell the browser
 * to fetch everything over https; sent on a plain-HTTP installation (`http://server-name:3000/`) they
 * make every script and stylesheet fail, and the page stays blank. So both go out only when the
 * request really arrived over TLS: on an encrypted socket, or — with `QUANZE_TRUST_PROXY` — when
 * the trusted reverse proxy says `X-Forwarded-Proto: https` (Fastify's `request.protocol`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** HSTS for half a year, subdomains included (helmet's default policy, sent only over TLS). */
export const HSTS_VALUE = 'max-age=15552000; includeSubDomains';

/** Whether the request came over TLS, directly or via a trusted proxy. */
export function arrivedOverTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** Adds `upgrade-insecure-requests` and HSTS to responses of requests that arrived over TLS. */
export function registerTransportSecurity(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!arrivedOverTls(request)) return payload;
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) {
      reply.header('content-security-policy', `${csp.replace(/;\s*$/, '')};upgrade-insecure-requests`);
    }
    reply.header('strict-transport-security', HSTS_VALUE);
    return payload;
  });
}
