/**
 * URLs the router refuses before any hook runs still get problem+json (found by the endpoint
 * fuzzer, test/fuzz): broken percent-encoding and over-long path parameters used to answer with
 * Fastify's own JSON and its internal error code (FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblem } from '../src/contracts/api.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('malformed URLs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each([
    ['GET', '/api/v1/powerlists/items/%', 400],
    ['POST', '/api/v1/cases/%E5%90/links', 400],
    ['GET', '/api/v1/users/%ED%A0%80', 400],
    ['POST', `/api/v1/cases/${'9'.repeat(400)}/assignments`, 414],
  ] as const)('%s %s → %i problem+json', async (method, url, status) => {
    const response = await server.app.inject({ method, url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = ZProblem.parse(response.json());
    expect(problem.status).toBe(status);
    expect(response.body).not.toMatch(/FST_ERR|is not a valid url|exceeding the max param length/);
  });
});
