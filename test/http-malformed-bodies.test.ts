/**
 * Bodies Fastify itself refuses (not JSON, empty, of a media type nobody parses) are answered in
 * Chinese like every other refusal, not in the framework's English (found by the endpoint fuzzer,
 * test/fuzz); a `__proto__` key is refused, never merged; half a surrogate pair is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblem } from '../src/contracts/api.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('malformed request bodies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each([
    ['application/json', '{', 400, '不是有效的 JSON'],
    ['application/json', '', 400, '请求内容为空'],
    ['application/json', '{"__proto__":{"isAdmin":true}}', 400, '不是有效的 JSON'],
    ['application/xml', '<a/>', 415, '不支持该请求内容类型'],
  ] as const)('%s %j → %i in Chinese', async (contentType, payload, status, words) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = ZProblem.parse(response.json());
    expect(problem.detail).toContain(words);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses half a surrogate pair with 400 (the audit record of a write holding one answered 500)', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"\\udfff\\ud800","password":"Quanze-Integration-Passphrase-2026"}',
    });
    expect(response.statusCode).toBe(400);
    const problem = ZProblem.parse(response.json());
    expect(problem.detail).toContain('代理项');
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.username']);
  });
});
