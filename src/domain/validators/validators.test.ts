import { describe, expect, it } from 'vitest';
import { ZResidentIdNumber, ZUnifiedSocialCreditCode } from '../../contracts/party-ids.js';
import { checkResidentIdNumber } from './resident-id-number.js';
import { checkUnifiedSocialCreditCode } from './unified-social-credit-code.js';

// ALL the vectors of ../shared/data/procedure-law.md §7 (synthetic codes), through the domain's door.
describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91110108MA01XY7K9D', true, ''],
    ['12440300000000019G', true, ''],
    ['914403000000004570', true, ''], // Σ mod 31 = 0 → check character 0
    ['91110108MA01XY7K9A', false, '校验位'],
    ['124403000O0000019G', false, '不含 I、O、S、V、Z'],
  ])('%s → valid %s', (code, valid, reason) => {
    const result = checkUnifiedSocialCreditCode(code);
    expect(result.valid).toBe(valid);
    if (!result.valid) expect(result.reason).toContain(reason);
  });

  it('the zod schema trims and names the reason', () => {
    expect(ZUnifiedSocialCreditCode.parse(' 91110108MA01XY7K9D ')).toBe('91110108MA01XY7K9D');
    const parsed = ZUnifiedSocialCreditCode.safeParse('91110108MA01XY7K9A');
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe('统一社会信用代码校验位不正确');
  });
});

describe('公民身份号码 (GB 11643-1999)', () => {
  it.each([
    ['110103201602290158', true, ''], // leap day
    ['11010420120101006X', true, ''], // check X
    ['110103201602290150', false, '校验位'],
    ['11010320160230015X', false, '出生日期'], // 2016-02-30
    ['11010420120101006x', false, '大写 X'], // lower-case x refused (a policy decision, stated)
  ])('%s → valid %s', (id, valid, reason) => {
    const result = checkResidentIdNumber(id);
    expect(result.valid).toBe(valid);
    if (!result.valid) expect(result.reason).toContain(reason);
  });

  it('a 15-digit old number is refused', () => {
    expect(checkResidentIdNumber('110103160229015').valid).toBe(false);
  });

  it('the zod schema refuses with the reason', () => {
    expect(ZResidentIdNumber.safeParse('11010320160230015X').success).toBe(false);
    expect(ZResidentIdNumber.parse('11010420120101006X')).toBe('11010420120101006X');
  });
});
