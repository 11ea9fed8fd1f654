import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  BUSINESS_ROLES,
  checkRoleAssignment,
  isRoleId,
  isSeparatedAdminRole,
  isTotpRequired,
  ROLE_IDS,
  type RoleId,
  roleLabel,
  SEPARATED_ADMIN_ROLES,
} from './roles.js';

function refusal(existing: RoleId[], role: RoleId): DomainError {
  try {
    checkRoleAssignment(existing, role);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${role} to be refused next to ${existing.join(',')}`);
}

describe('roles', () => {
  it('names every role in Chinese', () => {
    expect(roleLabel('officer')).toBe('执法人员');
    expect(roleLabel('legal-reviewer')).toBe('法制审核员');
    expect(roleLabel('security-auditor')).toBe('安全审计员');
    for (const role of ROLE_IDS) expect(roleLabel(role)).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('recognises role ids and the three separated administrators', () => {
    expect(isRoleId('head')).toBe(true);
    expect(isRoleId('root')).toBe(false);
    expect(isRoleId('toString')).toBe(false);
    expect(ROLE_IDS.filter(isSeparatedAdminRole)).toEqual(['system-admin', 'security-admin', 'security-auditor']);
  });

  it('requires TOTP exactly when an administrator role is held', () => {
    expect(isTotpRequired(['officer', 'head'])).toBe(false);
    expect(isTotpRequired([])).toBe(false);
    for (const admin of SEPARATED_ADMIN_ROLES) expect(isTotpRequired([admin])).toBe(true);
  });
});

describe('checkRoleAssignment (三员分立)', () => {
  it('refuses a second administrator role for every pair of the three', () => {
    for (const held of SEPARATED_ADMIN_ROLES) {
      for (const requested of SEPARATED_ADMIN_ROLES) {
        if (held === requested) continue;
        const error = refusal([held], requested);
        expect(error.code).toBe('conflict');
        expect(error.message).toContain('三员分立');
        expect(error.message).toContain(roleLabel(requested));
      }
    }
  });

  it('refuses mixing an administrator role with a business role, both ways', () => {
    expect(refusal(['system-admin'], 'officer').code).toBe('conflict');
    expect(refusal(['supervisor'], 'security-auditor').message).toContain('专用账号');
  });

  it('refuses giving an applicant account an internal role', () => {
    expect(refusal(['applicant'], 'officer').code).toBe('conflict');
    expect(refusal(['head'], 'applicant').message).toContain('申请单位用户');
  });

  it('lets business roles combine and a role be granted again on another organisation', () => {
    expect(() => checkRoleAssignment([...BUSINESS_ROLES], 'officer')).not.toThrow();
    expect(() => checkRoleAssignment(['officer'], 'legal-reviewer')).not.toThrow();
    expect(() => checkRoleAssignment(['security-auditor'], 'security-auditor')).not.toThrow();
    expect(() => checkRoleAssignment([], 'system-admin')).not.toThrow();
  });
});
