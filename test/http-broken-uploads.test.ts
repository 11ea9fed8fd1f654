/**
 * A multipart upload the parser cannot read is refused with 400 problem+json (found by the endpoint
 * fuzzer, test/fuzz): a body cut off before its closing boundary made the parser throw a plain
 * Error, answered as 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblem } from '../src/contracts/api.js';
import { createAccount, type SignedIn, signIn, systemContext } from './helpers/access-fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('broken multipart uploads', () => {
  let server: TestServer;
  let reviewer: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    const sys = systemContext(server.db);
    reviewer = await signIn(sys, await createAccount(sys, { grants: [{ role: 'legal-reviewer', orgCode: 'lz' }] }));
  });
  afterAll(() => server.close());

  it.each([
    ['two quotes', '""'],
    ['an opening boundary only', '--zzz\r\n'],
    [
      'a file part without its closing boundary',
      '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.tsv"\r\n\r\n序号\t项目名称',
    ],
  ])('%s → 400 problem+json', async (_label, payload) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/powerlists/import',
      headers: { ...reviewer.headers, 'content-type': 'multipart/form-data; boundary=zzz' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ZProblem.parse(response.json())).toMatchObject({ status: 400, code: 'validation' });
  });

  it('still imports a well-formed upload (dry run)', async () => {
    const boundary = 'zzz';
    const payload = [
      `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.tsv"\r\nContent-Type: text/plain\r\n\r\n`,
      '测试清单\n序号\t权力分类\t项目名称\n1\t行政检查\t保密检查\r\n',
      `--${boundary}--\r\n`,
    ].join('');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/powerlists/import',
      headers: { ...reviewer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode).toBe(200);
  });
});
