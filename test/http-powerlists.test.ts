/** The public power-list API over real HTTP: shapes, problem+json errors, OpenAPI, headers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZItemResponse, ZPowerListResponse, ZProblem, ZSearchResponse, ZVersionsResponse } from '../src/contracts/api.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('public power-list API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers });

  it('serves the current list in the contract shape', async () => {
    const response = await get('/api/v1/powerlists/current');
    expect(response.status).toBe(200);
    const body = ZPowerListResponse.parse(await response.json());
    expect(body.list.title).toBe('柳州市国家保密局权责清单');
    expect(body.list.items).toHaveLength(7);
  });

  it('lists versions and serves one by number', async () => {
    const versions = ZVersionsResponse.parse(await (await get('/api/v1/powerlists/versions')).json());
    expect(versions.versions.map((v) => v.no)).toEqual([1]);
    const v1 = await get('/api/v1/powerlists/versions/1');
    expect(ZPowerListResponse.parse(await v1.json()).version.no).toBe(1);
  });

  it('serves an item with its findings, and searches', async () => {
    const item = ZItemResponse.parse(await (await get('/api/v1/powerlists/items/1')).json());
    expect(item.item.name).toBe('对非法获取、持有国家秘密载体的处罚');
    expect(item.findings.every((f) => f.item === 1)).toBe(true);
    const search = ZSearchResponse.parse(await (await get(`/api/v1/powerlists/items?q=${encodeURIComponent('载体')}`)).json());
    expect(search.items.map((i) => i.no)).toContain(1);
  });

  it('answers bad input with problem+json and field paths, never a 500', async () => {
    const cases: [string, number][] = [
      ['/api/v1/powerlists/items/abc', 400],
      ['/api/v1/powerlists/items/0', 400],
      ['/api/v1/powerlists/items/99', 404],
      ['/api/v1/powerlists/versions/99', 404],
      [`/api/v1/powerlists/items?q=${'长'.repeat(200)}`, 400],
      ['/api/v1/powerlists/export?format=exe', 400],
      ['/api/v1/nothing-here', 404],
    ];
    for (const [path, status] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = ZProblem.parse(await response.json());
      expect(problem.status).toBe(status);
      expect(problem.detail).toBeTruthy();
      if (status === 400) expect(problem.errors?.[0]?.path).toMatch(/^(params|querystring)\./);
    }
  });

  it('exports the list as xlsx, tsv and json', async () => {
    const xlsx = await get('/api/v1/powerlists/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const tsv = await (await get('/api/v1/powerlists/export?format=tsv')).text();
    expect(tsv).toContain('序号\t权力分类');
    const json = (await (await get('/api/v1/powerlists/export?format=json')).json()) as { items: unknown[] };
    expect(json.items).toHaveLength(7);
  });

  it('publishes an OpenAPI document and its viewer', async () => {
    const doc = (await (await get('/api/docs/json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/powerlists/current', '/api/v1/powerlists/items/{no}']));
    const viewer = await get('/api/docs/');
    expect(viewer.status).toBe(200);
    expect(await viewer.text()).toContain('swagger');
  });

  it('sends security headers and a request id', async () => {
    const response = await get('/api/v1/powerlists/current');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('static files and the web app', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('never serves a file outside the web root, however the path is spelled', async () => {
    const attempts = [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/api/v1/powerlists/items/..%2f..%2f..%2fetc%2fpasswd',
    ];
    for (const attempt of attempts) {
      // fetch() normalises dot segments; send the raw path with node:http instead.
      const { status, body } = await rawGet(server.baseUrl, attempt);
      expect(body, attempt).not.toContain('root:x:0:0');
      expect(body, attempt).not.toContain('"name": "quanze"');
      expect(status, attempt).toBeGreaterThanOrEqual(400);
    }
  });
});

async function rawGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const http = await import('node:http');
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: rawPath, method: 'GET', headers: { accept: 'application/json' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}
