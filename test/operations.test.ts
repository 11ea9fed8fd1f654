/**
 * Operating the product: /healthz, /readyz (database reachable, migrations current), /metrics
 * (Prometheus text, loopback or token only, latency per route, case transitions counted), logs
 * without personal data, and a stop that lets a request in flight finish before the database closes.
 */

import { once } from 'node:events';
import http from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCase } from '../src/contracts/cases.js';
import { LOG_SERIALIZERS } from '../src/http/log-serializers.js';
import { buildServer } from '../src/http/server.js';
import { metricValue } from '../src/services/operations/metrics.js';
import { act, api, type CaseTeam, createCaseTeam } from './helpers/case-fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const NOW = new Date('2026-10-20T02:00:00Z');
const clock = () => NOW;

describe('operations endpoints', () => {
  let server: TestServer;
  let team: CaseTeam;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    team = await createCaseTeam(server, 'lz', clock);
  });
  afterAll(() => server?.close());

  it('/healthz answers without a session or policy', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('/readyz is ready on a migrated database and names a missing migration with 503', async () => {
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok', pendingMigrations: [] });

    // An operator who restored an older database under this release: the newest migration is missing.
    const last = await server.db
      .selectFrom('kysely_migration' as never)
      .select(['name' as never, 'timestamp' as never])
      .orderBy('name' as never, 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const row = last as unknown as { name: string; timestamp: string };
    await server.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', row.name as never)
      .execute();
    try {
      const notReady = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(notReady.statusCode).toBe(503);
      expect(notReady.json()).toMatchObject({ status: 'not-ready', database: 'ok', pendingMigrations: [row.name] });
    } finally {
      await server.db
        .insertInto('kysely_migration' as never)
        .values(row as never)
        .execute();
    }
  });

  it('/metrics serves the Prometheus text to loopback, with request latency per route template', async () => {
    await server.app.inject({ method: 'GET', url: '/api/v1/powerlists/items/2' });
    const response = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /quanze_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/powerlists\/items\/:no",status_code="200"\} [1-9]/,
    );
    // The seed and the case team wrote to the home chain: its length is read at scrape time.
    expect(response.body).toMatch(/quanze_audit_chain_length\{org="lz"\} [1-9]\d*/);
    expect(response.body).toContain('quanze_process_resident_memory_bytes');
  });

  it('/metrics refuses a request that came through a proxy, and everyone without the token once one is set', async () => {
    const proxied = await server.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(403);
    expect(proxied.headers['content-type']).toContain('application/problem+json');

    const token = 'metrics-token-for-the-test-0123456789';
    const withToken = await buildServer({ db: server.db, orgCode: 'lz', logLevel: 'silent', metricsToken: token });
    try {
      expect((await withToken.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403);
      const wrong = await withToken.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer not-the-token' } });
      expect(wrong.statusCode).toBe(403);
      const right = await withToken.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(right.statusCode).toBe(200);
    } finally {
      await withToken.close();
    }
  });

  it('counts a committed case transition by its action, and not a refused one', async () => {
    const [officer] = team.officers;
    if (!officer) throw new Error('no officer');
    const before = await metricValue('quanze_case_transitions_total', { action: 'not-file' });
    const opened = await api<TCase>(server, 'POST', '/api/v1/cases', officer.session, {
      itemNo: 1,
      parties: [{ kind: 'organisation', name: '某科技有限公司', creditCode: '91110108MA01XY7K9D' }],
      facts: { source: '举报', summary: '指标测试', discoveredOn: '2026-10-19' },
      officerIds: team.officers.map((o) => o.id),
    });
    expect(opened.status).toBe(201);
    const stale = await api(server, 'POST', `/api/v1/cases/${opened.body.id}/transitions`, officer.session, {
      action: 'not-file',
      expectedVersion: opened.body.version + 5,
      facts: { reasons: '经核查，所涉文件不属于国家秘密载体', basisIndex: 0 },
    });
    expect(stale.status).toBe(409);
    expect(await metricValue('quanze_case_transitions_total', { action: 'not-file' })).toBe(before);
    await act(server, officer.session, opened.body, 'not-file', { reasons: '经核查，所涉文件不属于国家秘密载体', basisIndex: 0 });
    expect(await metricValue('quanze_case_transitions_total', { action: 'not-file' })).toBe(before + 1);
  });
});

describe('logs', () => {
  it('carry the route, but no query string, client address or cookie', () => {
    const lines: string[] = [];
    const logger = pino({ serializers: LOG_SERIALIZERS }, { write: (line: string) => lines.push(line) });
    logger.info({
      reqId: 'r-1',
      req: {
        method: 'GET',
        url: '/api/v1/powerlists/items?q=王某',
        routeOptions: { url: '/api/v1/powerlists/items' },
        headers: { cookie: 's=1' },
        socket: { remoteAddress: '198.51.100.7' },
      },
    });
    const line = JSON.parse(lines.join(''));
    expect(line.reqId).toBe('r-1');
    expect(line.req).toEqual({ method: 'GET', url: '/api/v1/powerlists/items', route: '/api/v1/powerlists/items' });
    expect(lines.join('')).not.toMatch(/王某|198\.51\.100\.7|s=1/);
  });

  it('the server answers every request with its id', async () => {
    const server = await startTestServer();
    try {
      const response = await server.app.inject({ method: 'GET', url: '/healthz' });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await server.close();
    }
  });
});

describe('stopping', () => {
  it('lets a request in flight finish, then refuses new connections', async () => {
    const server = await startTestServer();
    const body = JSON.stringify({ username: 'nobody-here', password: 'wrong-password-1234' });
    const url = new URL(server.baseUrl);
    const request = http.request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const responded = once(request, 'response') as Promise<[http.IncomingMessage]>;
    request.write(body.slice(0, 10));
    // The server has the request's headers (it is in flight) before we ask it to stop.
    await once(server.app.server, 'request');
    const closing = server.close();
    request.end(body.slice(10));
    const [response] = await responded;
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    // A real answer from the database (unknown account), not a dropped connection or a 503.
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toHaveProperty('status', 401);
    await closing;
    const refused = await fetch(`${server.baseUrl}/healthz`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).toBe('refused');
  });
});
