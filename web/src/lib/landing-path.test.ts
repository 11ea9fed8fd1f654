import { describe, expect, it } from 'vitest';
import { workLandingPath } from './landing-path.js';

describe('workLandingPath', () => {
  it('sends each administrator to their own section', () => {
    expect(workLandingPath(['system-admin'])).toBe('/admin/users');
    expect(workLandingPath(['security-admin'])).toBe('/admin/roles');
    expect(workLandingPath(['security-auditor'])).toBe('/admin/audit');
  });

  it('sends business roles to the case workbench when it exists, else to the list', () => {
    expect(workLandingPath(['legal-reviewer', 'officer'], true)).toBe('/cases');
    expect(workLandingPath(['supervisor'], false)).toBe('/');
  });

  it('keeps the public list for accounts without a role', () => {
    expect(workLandingPath([], true)).toBe('/');
    expect(workLandingPath(['applicant'], true)).toBe('/');
  });
});
