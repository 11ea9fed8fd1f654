/** The browser tests' English detector catches what it must and lets product names through. */
import { describe, expect, it } from 'vitest';
import { englishIn } from './helpers/english-check.js';

describe('englishIn', () => {
  it('finds rule ids, action ids and English sentences', () => {
    expect(englishIn('校验提示 stale-citation 已修订')).toEqual(['stale-citation']);
    expect(englishIn('操作 role.grant')).toEqual(['role.grant']);
    expect(englishIn('登记库备注：adds a duty to file promptly')).toEqual(['adds a duty to file promptly']);
  });

  it('lets usernames through', () => {
    expect(englishIn('王安全（wang.anquan）')).toEqual([]);
  });

  it('lets Chinese text with product and format names through', () => {
    expect(englishIn('下载清单（Excel） TSV（UTF-8 或 GBK）、XLSX、JSON，最大 20 MB')).toEqual([]);
    expect(englishIn('用身份验证器（如 FreeOTP、Google Authenticator、Microsoft Authenticator）扫描')).toEqual([]);
    expect(englishIn('运维人员在服务器上执行 quanze user reset-totp --username 用户名，本人下次登录时重新绑定')).toEqual([]);
  });
});
