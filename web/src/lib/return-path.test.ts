import { describe, expect, it } from 'vitest';
import { loginPath, safeReturnPath } from './return-path.js';

describe('safeReturnPath', () => {
  it('keeps a path of this site with its query and fragment', () => {
    expect(safeReturnPath('/admin/audit?actor=alice&offset=20')).toBe('/admin/audit?actor=alice&offset=20');
    expect(safeReturnPath('/items/3#legal-bases')).toBe('/items/3#legal-bases');
  });

  it('refuses other sites, schemes and protocol-relative tricks', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'admin',
      '/\t/evil.example',
    ]) {
      expect(safeReturnPath(next)).toBe('/');
    }
  });

  it('does not return to the sign-in or setup page, and uses the fallback for nothing', () => {
    expect(safeReturnPath('/login?next=/admin')).toBe('/');
    expect(safeReturnPath('/setup#token=abc', '/admin')).toBe('/admin');
    expect(safeReturnPath(null, '/account')).toBe('/account');
    expect(safeReturnPath('/loginx')).toBe('/loginx');
  });
});

describe('loginPath', () => {
  it('carries the return path encoded', () => {
    expect(loginPath('/admin/users?status=disabled')).toBe('/login?next=%2Fadmin%2Fusers%3Fstatus%3Ddisabled');
  });

  it('omits a return to the home page or to an unsafe target', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('https://evil.example')).toBe('/login');
    expect(loginPath(undefined)).toBe('/login');
  });
});
