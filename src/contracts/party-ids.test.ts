import { describe, expect, it } from 'vitest';
import { checkResidentIdNumber, checkUnifiedSocialCreditCode, ZResidentIdNumber } from './party-ids.js';

// The vectors of ../shared/data/procedure-law.md §7 (synthetic codes, checked there by two implementations).
describe('统一社会信用代码 (GB 32100)', () => {
  it.each(['91110108MA01XY7K9D', '12440300000000019G', '914403000000004570'])('accepts %s', (code) => {
    expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: true });
  });
  it.each([
    ['91110108MA01XY7K9A', '校验位'],
    ['124403000O0000019G', '18 位'],
  ])('refuses %s', (code, reason) => {
    const result = checkUnifiedSocialCreditCode(code);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.reason).toContain(reason);
  });
});

describe('公民身份号码 (GB 11643)', () => {
  it.each(['110103201602290158', '11010420120101006X'])('accepts %s', (id) => {
    expect(checkResidentIdNumber(id)).toEqual({ valid: true });
  });
  it.each([
    ['110103201602290150', '校验位'],
    ['11010320160230015X', '出生日期'],
    ['11010420120101006x', '大写 X'],
  ])('refuses %s', (id, reason) => {
    const result = checkResidentIdNumber(id);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.reason).toContain(reason);
  });
  it('the zod schema answers with the reason', () => {
    const parsed = ZResidentIdNumber.safeParse('110103201602290150');
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe('身份证号校验位不正确');
  });
});
