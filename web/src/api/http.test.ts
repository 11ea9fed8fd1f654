import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, onUnauthorized, requestJson, setCsrfToken, setCsrfTokenLoader } from './http.js';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A stand-in for the server: answers are queued, requests are recorded. */
function fakeServer(answers: Response[]) {
  const sent: Sent[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer queued');
    return answer;
  }) as typeof fetch;
  return sent;
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function problem(status: number, detail: string, errors?: { path: string; message: string }[]): Response {
  return json(status, { type: 'about:blank', title: 'x', status, detail, ...(errors ? { errors } : {}) }, 'application/problem+json');
}

const realFetch = globalThis.fetch;

beforeEach(() => {
  setCsrfToken(null);
  setCsrfTokenLoader(null);
});

afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('requestJson', () => {
  it('sends the session CSRF token on state-changing requests only', async () => {
    setCsrfToken('token-1');
    const sent = fakeServer([json(200, { ok: true }), json(201, { id: 'u1' })]);
    await requestJson('/api/v1/users');
    await requestJson('/api/v1/users', { method: 'POST', body: { username: 'li' } });
    expect(sent[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(sent[1]?.headers['x-csrf-token']).toBe('token-1');
    expect(sent[1]?.headers['Content-Type']).toBe('application/json');
    expect(sent[1]?.body).toBe('{"username":"li"}');
  });

  it('loads the token first when none is known, and sends none when told the request acts for no session', async () => {
    let loads = 0;
    setCsrfTokenLoader(async () => {
      loads += 1;
      return 'loaded-token';
    });
    const sent = fakeServer([json(200, {}), json(200, {})]);
    await requestJson('/api/v1/auth/login', { method: 'POST', body: {}, csrf: false });
    await requestJson('/api/v1/roles/grants', { method: 'POST', body: {} });
    expect(sent[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(sent[1]?.headers['x-csrf-token']).toBe('loaded-token');
    expect(loads).toBe(1);
  });

  it('retries once with a fresh token when the server refuses the CSRF token', async () => {
    setCsrfToken('stale');
    setCsrfTokenLoader(async () => 'fresh');
    const sent = fakeServer([
      problem(403, '请求缺少有效的 CSRF 令牌', [{ path: 'headers.x-csrf-token', message: 'CSRF 令牌与当前会话不符' }]),
      new Response(null, { status: 204 }),
    ]);
    await expect(requestJson('/api/v1/roles/grants/1', { method: 'DELETE' })).resolves.toBeUndefined();
    expect(sent.map((request) => request.headers['x-csrf-token'])).toEqual(['stale', 'fresh']);
  });

  it('turns problem+json into an ApiError with the server detail as its message', async () => {
    fakeServer([problem(409, '该账号已是安全审计员，按照“三员分立”要求，不能再授予系统管理员角色。', [{ path: 'role', message: '…' }])]);
    const error = await requestJson('/api/v1/roles/grants', { method: 'POST', body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).message).toContain('三员分立');
    expect((error as ApiError).problem?.errors?.[0]?.path).toBe('role');
  });

  it('falls back to Chinese wording by status when there is no problem body', async () => {
    fakeServer([new Response('gateway', { status: 502, headers: { 'content-type': 'text/plain' } })]);
    await expect(requestJson('/api/v1/users')).rejects.toThrow('服务器暂时无法处理请求');
  });

  it('reports a 401 of a protected call to the listeners, but not one the caller expects', async () => {
    const heard: string[] = [];
    const stop = onUnauthorized((error) => heard.push(error.message));
    fakeServer([problem(401, '登录已超时，请重新登录。'), problem(401, '用户名或密码不正确。')]);
    await expect(requestJson('/api/v1/users')).rejects.toBeInstanceOf(ApiError);
    await expect(
      requestJson('/api/v1/auth/login', { method: 'POST', body: {}, notifyUnauthorized: false, csrf: false }),
    ).rejects.toBeInstanceOf(ApiError);
    stop();
    expect(heard).toEqual(['登录已超时，请重新登录。']);
  });

  it('reports an unreachable server as status 0', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await requestJson('/api/v1/users').catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).message).toContain('无法连接服务器');
  });
});
