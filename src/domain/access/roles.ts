/**
 * Roles (角色) and the rule of separated administrators (三员分立).
 *
 * A role is granted to an account on an organisation, either on that organisation alone or on its
 * whole subtree (a regional supervisor granted on 广西 with subtree scope sees the cities below).
 * What each role may do lives in policies.ts; this file only names the roles and decides which
 * combinations one account may hold.
 */
import { DomainError, ERROR_CODES } from '../errors.js';

/** Every role, with its Chinese label and a one-line description for the roles UI. */
export const ROLES = {
  /** 执法人员: runs cases — files, records evidence, drafts documents */
  officer: { label: '执法人员', description: '办理案件：立案、调查取证、制作文书' },
  /** 法制审核员: reviews a case before the decision */
  'legal-reviewer': { label: '法制审核员', description: '在作出决定前对案件进行法制审核' },
  /** 负责人: decides and signs */
  head: { label: '负责人', description: '审批并签发行政执法决定' },
  /** 监察员: watches deadlines and findings, follows up accountability */
  supervisor: { label: '监察员', description: '监督办案时限和执法问题，跟进责任追究' },
  /** 申请单位用户: an agency or operator of classified systems that submits requests */
  applicant: { label: '申请单位用户', description: '提交申请事项并查询办理进度' },
  /** 系统管理员: accounts and configuration; cannot read cases or the audit log */
  'system-admin': { label: '系统管理员', description: '管理用户账号和系统配置，不能查阅案件和审计日志' },
  /** 安全管理员: assigns roles and permissions; cannot read cases */
  'security-admin': { label: '安全管理员', description: '分配角色和权限，不能查阅案件' },
  /** 安全审计员: reads the audit and access logs only */
  'security-auditor': { label: '安全审计员', description: '仅查阅审计日志和访问日志' },
} as const satisfies Record<string, { label: string; description: string }>;

export type RoleId = keyof typeof ROLES;

/** All role ids, in display order. */
export const ROLE_IDS = Object.keys(ROLES) as RoleId[];

/** The three separated administrator roles (三员). No account holds two of them. */
export const SEPARATED_ADMIN_ROLES = ['system-admin', 'security-admin', 'security-auditor'] as const satisfies readonly RoleId[];

/** The roles of the body's own enforcement staff; one account may hold several of them. */
export const BUSINESS_ROLES = ['officer', 'legal-reviewer', 'head', 'supervisor'] as const satisfies readonly RoleId[];

/** How far a grant reaches: the organisation itself, or the organisation and everything below it. */
export type GrantScope = 'organisation' | 'subtree';

/** One role held by an account on an organisation. */
export interface RoleGrant {
  role: RoleId;
  orgId: string;
  scope: GrantScope;
}

/** Whether a string is a known role id (for input from files, the CLI and the database). */
export function isRoleId(value: string): value is RoleId {
  return Object.hasOwn(ROLES, value);
}

/** Whether the role is one of the three separated administrator roles (三员). */
export function isSeparatedAdminRole(role: RoleId): boolean {
  return (SEPARATED_ADMIN_ROLES as readonly RoleId[]).includes(role);
}

/** The Chinese label of a role (执法人员, 安全审计员 …). */
export function roleLabel(role: RoleId): string {
  return ROLES[role].label;
}

/** Whether an account holding these roles must sign in with a TOTP code (mandatory for the 三员). */
export function isTotpRequired(roles: readonly RoleId[]): boolean {
  return roles.some(isSeparatedAdminRole);
}

/**
 * Which family of roles a role belongs to. An account holds roles of one family only: the business
 * roles combine freely, but each administrator role stands alone — otherwise a system administrator
 * who is also an officer could read cases, and the separation would exist on paper only — and an
 * applicant (an outside body) holds no internal role, so nobody handles a request they filed.
 */
function roleFamily(role: RoleId): string {
  if (isSeparatedAdminRole(role)) return role;
  if (role === 'applicant') return 'applicant';
  return 'business';
}

/**
 * Checks that an account holding `existingRoles` (on any organisation) may also receive `newRole`.
 * Granting a role the account already holds (e.g. on another organisation) is allowed.
 * @throws DomainError 'conflict' with a Chinese message when the combination breaks 三员分立 or
 *   mixes an applicant account with internal roles.
 */
export function checkRoleAssignment(existingRoles: readonly RoleId[], newRole: RoleId): void {
  for (const held of new Set(existingRoles)) {
    if (held === newRole || roleFamily(held) === roleFamily(newRole)) continue;
    throw new DomainError(ERROR_CODES.conflict, roleConflictMessage(held, newRole), {
      issues: [{ path: ['role'], message: roleConflictMessage(held, newRole) }],
    });
  }
}

function roleConflictMessage(held: RoleId, requested: RoleId): string {
  const heldLabel = roleLabel(held);
  const requestedLabel = roleLabel(requested);
  if (isSeparatedAdminRole(held) && isSeparatedAdminRole(requested)) {
    return `该账号已是${heldLabel}，按照“三员分立”要求，不能再授予${requestedLabel}角色。系统管理员、安全管理员、安全审计员须由不同账号担任。`;
  }
  if (isSeparatedAdminRole(held) || isSeparatedAdminRole(requested)) {
    const admin = isSeparatedAdminRole(held) ? heldLabel : requestedLabel;
    return `该账号已是${heldLabel}，不能再授予${requestedLabel}角色：${admin}须使用专用账号，不得兼任其他角色。`;
  }
  return `该账号已是${heldLabel}，不能再授予${requestedLabel}角色：申请单位用户不得兼任本机关内部角色。`;
}
