import { describe, expect, it } from 'vitest';
import { groupSecret, normaliseTotpInput, parseOtpauthUri } from './totp-secret.js';

describe('groupSecret', () => {
  it('groups a Base32 secret in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('jbswy3dpehpk3pxpab')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });

  it('drops spaces and padding it is given', () => {
    expect(groupSecret(' JBSW Y3DP== ')).toBe('JBSW Y3DP');
    expect(groupSecret('')).toBe('');
  });
});

describe('parseOtpauthUri', () => {
  it('reads the issuer and the account of an authenticator URI', () => {
    expect(parseOtpauthUri('otpauth://totp/Quanze:admin?secret=JBSWY3DPEHPK3PXP&period=30&issuer=Quanze')).toEqual({
      issuer: 'Quanze',
      account: 'admin',
    });
    expect(parseOtpauthUri('otpauth://totp/%E6%9F%B3%E5%B7%9E:li.si?secret=X')).toEqual({ issuer: '柳州', account: 'li.si' });
  });

  it('answers null for anything that is not an otpauth URI', () => {
    expect(parseOtpauthUri('https://example.org/totp')).toBeNull();
    expect(parseOtpauthUri('not a uri')).toBeNull();
  });
});

describe('normaliseTotpInput', () => {
  it('keeps six digits, accepting spaces and full-width digits', () => {
    expect(normaliseTotpInput('123 456')).toBe('123456');
    expect(normaliseTotpInput('１２３４５６')).toBe('123456');
    expect(normaliseTotpInput('12-34-56-78')).toBe('123456');
  });
});
