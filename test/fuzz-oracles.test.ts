/** The endpoint fuzzer's oracles (test/fuzz/body-oracles.ts) catch leaks and let the fuzzer's own echoes through. */
import { describe, expect, it } from 'vitest';
import { checkResponse, EchoAllowance } from './fuzz/body-oracles.js';

const json = (statusCode: number, body: unknown, type = 'application/json; charset=utf-8') => ({
  statusCode,
  headers: { 'content-type': type },
  rawPayload: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('fuzz oracles', () => {
  it('catch a 500, a stack trace, a source path, SQL, a database error and an internal error name', () => {
    const leaky = json(500, { m: 'SELECT id FROM users', e: 'SQLITE_CONSTRAINT', s: 'TypeError: x\n    at foo (/work/main/src/a.ts:1:2)' });
    const found = checkResponse('GET /api/v1/x', leaky, new EchoAllowance()).map((p) => p.split(' in body')[0]?.split(' with ')[0]);
    expect(found).toEqual(
      expect.arrayContaining([
        'status 500',
        'stack frame',
        'source path',
        'SQL',
        'SQL error',
        'internal error',
        '500 body is no problem document: {"m":"SELECT id FROM users","e":"SQLITE_CONSTRAINT","s":"TypeError: x\\n    at foo (/work/main/src/a.ts:1:2)"}',
      ]),
    );
  });

  it('require problem+json with the response status and a Chinese detail for every 4xx', () => {
    const problem = { type: 'about:blank', title: '请求有误', status: 400, detail: '请求参数不符合要求' };
    expect(checkResponse('GET /x', json(400, problem, 'application/problem+json; charset=utf-8'), new EchoAllowance())).toEqual([]);
    expect(checkResponse('GET /x', json(400, problem), new EchoAllowance())).toHaveLength(1);
    expect(checkResponse('GET /x', json(404, problem, 'application/problem+json'), new EchoAllowance())).toEqual([
      'problem status 400 ≠ response status 404',
    ]);
    const english = { ...problem, detail: "Body is not valid JSON but content-type is set to 'application/json'" };
    expect(checkResponse('GET /x', json(400, english, 'application/problem+json'), new EchoAllowance())[0]).toMatch(/not in Chinese/);
  });

  it('let through what the fuzzer itself sent, even when a later answer shows it (an audit record of the query)', () => {
    const echoes = new EchoAllowance();
    echoes.learn(["/api/v1/audit/records?action=%25'%20UNION%20SELECT%20NULL%2C%20NULL%20--"]);
    const body = { items: [{ details: { filters: { action: "%' UNION SELECT NULL, NULL --" }, from: '2026' } }] };
    expect(checkResponse('GET /api/v1/audit/records', json(200, body), echoes)).toEqual([]);
    expect(checkResponse('GET /api/v1/audit/records', json(200, body), new EchoAllowance())).toEqual([]);
    const unsent = { items: [{ note: 'SELECT secret FROM users' }] };
    expect(checkResponse('GET /api/v1/audit/records', json(200, unsent), echoes)).toHaveLength(1);
  });
});
