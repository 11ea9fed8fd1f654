/**
 * Where each role's work is, so that signing in (without an explicit `next`) lands there rather
 * than on the public list: the system administrator on 用户管理, the security administrator on
 * 角色与权限, the auditor on 审计日志, the business roles on the case workbench (`/cases`) — while
 * the app has no case pages yet, on the list they work from.
 */
import type { TRoleId } from '@contracts/access.js';

/**
 * Whether the app was built with case pages. Vite resolves the glob at build time; an empty match
 * means the workbench does not exist yet.
 */
const HAS_CASE_PAGES = Object.keys(import.meta.glob(['../pages/cases/**/*.tsx', '../pages/cases*.tsx'])).length > 0;

/** The first page of each role's work; earlier entries win for accounts with several roles. */
const LANDING_BY_ROLE: readonly { role: TRoleId; path: string }[] = [
  { role: 'system-admin', path: '/admin/users' },
  { role: 'security-admin', path: '/admin/roles' },
  { role: 'security-auditor', path: '/admin/audit' },
  { role: 'officer', path: '/cases' },
  { role: 'legal-reviewer', path: '/cases' },
  { role: 'head', path: '/cases' },
  { role: 'supervisor', path: '/cases' },
];

/** The landing page of an account holding `roles`; '/' (the public list) for none. */
export function workLandingPath(roles: readonly TRoleId[], hasCasePages = HAS_CASE_PAGES): string {
  const held = new Set(roles);
  const landing = LANDING_BY_ROLE.find((entry) => held.has(entry.role));
  if (!landing) return '/';
  if (landing.path === '/cases' && !hasCasePages) return '/';
  return landing.path;
}
