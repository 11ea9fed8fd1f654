import { describe, expect, it } from 'vitest';
import {
  certificateStatusOn,
  type EnforcementCertificate,
  hasConflictWith,
  isCertificateValidOn,
  isIsoDate,
  officerEligibilityIssues,
} from './certificates.js';

function certificate(overrides: Partial<EnforcementCertificate> = {}): EnforcementCertificate {
  return { number: '桂A0200123', issuingBody: '广西壮族自治区人民政府', validFrom: '2024-03-01', validTo: '2029-02-28', ...overrides };
}

describe('isCertificateValidOn', () => {
  it('counts both the first and the last day as valid', () => {
    const cert = certificate();
    expect(isCertificateValidOn(cert, '2024-03-01')).toBe(true);
    expect(isCertificateValidOn(cert, '2029-02-28')).toBe(true);
    expect(isCertificateValidOn(cert, '2026-11-26')).toBe(true);
  });

  it('is not valid the day before or the day after', () => {
    const cert = certificate();
    expect(certificateStatusOn(cert, '2024-02-29')).toBe('not-yet-valid');
    expect(certificateStatusOn(cert, '2029-03-01')).toBe('expired');
    expect(isCertificateValidOn(cert, '2029-03-01')).toBe(false);
  });

  it('stops being valid on the day of revocation', () => {
    const cert = certificate({ revokedOn: '2026-06-15' });
    expect(isCertificateValidOn(cert, '2026-06-14')).toBe(true);
    expect(certificateStatusOn(cert, '2026-06-15')).toBe('revoked');
  });

  it('refuses dates that are not real YYYY-MM-DD dates', () => {
    expect(() => isCertificateValidOn(certificate(), '2026-02-30')).toThrow(expect.objectContaining({ code: 'validation' }));
    expect(() => isCertificateValidOn(certificate(), '2026/11/26')).toThrow(/YYYY-MM-DD/);
    expect(() => isCertificateValidOn(certificate({ validTo: '2029-2-28' }), '2026-11-26')).toThrow(/YYYY-MM-DD/);
  });
});

describe('isIsoDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-12-31')).toBe(true);
  });
});

describe('conflicts of interest', () => {
  const officer = {
    certificate: certificate(),
    conflicts: [{ partyId: 'party-7', reason: '近亲属任该单位负责人', declaredOn: '2026-01-05' }],
  };

  it('finds a declared conflict with a party', () => {
    expect(hasConflictWith(officer, 'party-7')).toBe(true);
    expect(hasConflictWith(officer, 'party-8')).toBe(false);
  });

  it('explains why an officer may not act', () => {
    expect(officerEligibilityIssues(officer, { on: '2026-11-26', partyIds: ['party-8'] })).toEqual([]);
    const issues = officerEligibilityIssues(officer, { on: '2029-03-01', partyIds: ['party-7'] });
    expect(issues.map((i) => i.code)).toEqual(['expired', 'conflict-of-interest']);
    expect(issues[0]?.message).toContain('2029-02-28');
    expect(issues[1]?.message).toContain('回避');
    expect(officerEligibilityIssues({ certificate: null, conflicts: [] }, { on: '2026-11-26', partyIds: [] })[0]?.code).toBe(
      'no-certificate',
    );
  });
});
