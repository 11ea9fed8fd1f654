/**
 * `upgrade-insecure-requests` and HSTS go out only for requests that arrived over TLS: a plain-HTTP
 * installation opened by its server name must keep loading its scripts over http. Behind a trusted
 * proxy, `X-Forwarded-Proto: https` counts; from an untrusted client it does not.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.js';
import { freshDatabase, type TestDatabase } from './helpers/database.js';

describe('TLS-only headers', () => {
  let database: TestDatabase;
  let direct: FastifyInstance;
  let proxied: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    direct = await buildServer({ db: database.db, orgCode: 'lz', logLevel: 'silent', trustProxy: false });
    proxied = await buildServer({ db: database.db, orgCode: 'lz', logLevel: 'silent', trustProxy: true });
  });

  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await database?.destroy();
  });

  const headersOf = async (app: FastifyInstance, headers: Record<string, string> = {}) => {
    const response = await app.inject({ method: 'GET', url: '/api/health', headers: { host: 'bureau.intranet:3000', ...headers } });
    expect(response.statusCode).toBe(200);
    return response.headers;
  };

  it('sends neither over plain HTTP, but keeps the rest of the CSP', async () => {
    const headers = await headersOf(direct);
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    const headers = await headersOf(direct, { 'x-forwarded-proto': 'https' });
    expect(String(headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('sends both behind a trusted proxy that says https', async () => {
    const headers = await headersOf(proxied, { 'x-forwarded-proto': 'https' });
    expect(String(headers['content-security-policy'])).toMatch(/;\s*upgrade-insecure-requests$/);
    expect(String(headers['content-security-policy'])).toContain("script-src 'self'");
    expect(headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
  });

  it('sends neither behind a trusted proxy that says http', async () => {
    const headers = await headersOf(proxied, { 'x-forwarded-proto': 'http' });
    expect(String(headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toBeUndefined();
  });
});
