import type { TProblem } from '@contracts/api.js';
import { describe, expect, it } from 'vitest';
import { bodyFieldPath, problemFieldErrors } from './problem-fields.js';

function problem(errors: { path: string; message: string }[]): TProblem {
  return { type: 'about:blank', title: '请求有误', status: 400, detail: '请求参数不符合要求，详见 errors。', errors };
}

describe('bodyFieldPath', () => {
  it('drops the body prefix of request-validation paths and keeps use-case paths', () => {
    expect(bodyFieldPath('body.password')).toBe('password');
    expect(bodyFieldPath('password')).toBe('password');
    expect(bodyFieldPath('headers.x-csrf-token')).toBe('headers.x-csrf-token');
    expect(bodyFieldPath('body')).toBe('');
  });
});

describe('problemFieldErrors', () => {
  it('puts every password-policy message under the password field', () => {
    const result = problemFieldErrors(
      problem([
        { path: 'password', message: '密码至少需要 12 个字符，当前为 8 个。' },
        { path: 'password', message: '该密码属于常见弱密码' },
        { path: 'body.username', message: '用户名至少 3 个字符' },
      ]),
      ['username', 'displayName', 'password'],
    );
    expect(result.fields).toEqual({
      password: ['密码至少需要 12 个字符，当前为 8 个。', '该密码属于常见弱密码'],
      username: ['用户名至少 3 个字符'],
    });
    expect(result.other).toEqual([]);
  });

  it('maps a nested path to the nearest field of the form and keeps the rest apart', () => {
    const result = problemFieldErrors(
      problem([
        { path: 'body.change.edition.effective', message: '日期不存在' },
        { path: 'headers.x-csrf-token', message: '缺少 CSRF 令牌' },
        { path: 'token', message: '初始化链接无效或已过期' },
        { path: 'token', message: '初始化链接无效或已过期' },
      ]),
      ['change.edition', 'change.sourceId'],
    );
    expect(result.fields).toEqual({ 'change.edition': ['日期不存在'] });
    expect(result.other).toEqual(['缺少 CSRF 令牌', '初始化链接无效或已过期']);
  });

  it('answers nothing for a problem without issues or no problem at all', () => {
    expect(problemFieldErrors(null, ['password'])).toEqual({ fields: {}, other: [] });
    expect(problemFieldErrors(problem([]), ['password'])).toEqual({ fields: {}, other: [] });
  });
});
