/**
 * Authorization as data: one policy per action (`resource.verb`), evaluated in one place.
 *
 * Services call `assertAllowed` before they read or write; routes only name the action they serve.
 * A policy says who may act:
 * - `public`: anyone, signed in or not (the published list, the legal-source registry);
 * - `signed-in`: any signed-in account (its own password and TOTP);
 * - `roles`: accounts holding one of the listed roles on an organisation that reaches the resource.
 *
 * How far a grant reaches is the narrower of the grant's scope and the policy's `reach`:
 * with `reach: 'subtree'` a grant on 广西 with subtree scope reaches 柳州 and 柳江; with
 * `reach: 'organisation'` the same grant acts on 广西 itself only (a provincial officer reads
 * the cities' cases but does not write them).
 *
 * Decisions worth knowing (DOMAIN.md §5, 三员分立):
 * - none of the three administrators reads or writes cases;
 * - the security auditor reads the audit and access logs and nothing else that needs a role;
 * - registry edits (legal sources) and list imports are configuration backed by legal review:
 *   the system administrator and the legal reviewer may do them.
 */
import { DomainError, ERROR_CODES } from '../errors.js';
import { isInSubtree, type OrgTree } from './organisations.js';
import { BUSINESS_ROLES, type GrantScope, type RoleGrant, type RoleId, roleLabel } from './roles.js';

/** Who may perform an action. */
export type PolicyRule = { who: 'public' } | { who: 'signed-in' } | { who: 'roles'; roles: readonly RoleId[]; reach: GrantScope };

/** One row of the policy table. */
export interface Policy {
  /** what the action allows, in Chinese, for the roles UI */
  description: string;
  rule: PolicyRule;
}

/** The policy table: action → who may perform it. */
export const POLICIES = {
  'powerlist.read': { description: '查阅已公布的权责清单', rule: { who: 'public' } },
  'powerlist.import': {
    description: '导入新版本的权责清单',
    rule: { who: 'roles', roles: ['system-admin', 'legal-reviewer'], reach: 'organisation' },
  },
  'powerlist.lint': {
    description: '检查权责清单的质量问题（截断、引用错误、类别不符等）',
    rule: { who: 'roles', roles: [...BUSINESS_ROLES, 'system-admin'], reach: 'subtree' },
  },
  'legalSources.read': { description: '查阅法律依据库', rule: { who: 'public' } },
  'legalSources.write': {
    description: '维护法律依据库（新增、修订、废止法律法规条文）',
    rule: { who: 'roles', roles: ['system-admin', 'legal-reviewer'], reach: 'subtree' },
  },
  'organisations.read': { description: '查阅组织机构', rule: { who: 'public' } },
  'organisations.write': {
    description: '新增和修改组织机构',
    rule: { who: 'roles', roles: ['system-admin'], reach: 'subtree' },
  },
  'users.read': { description: '查阅用户账号', rule: { who: 'roles', roles: ['system-admin'], reach: 'subtree' } },
  'users.create': { description: '创建用户账号', rule: { who: 'roles', roles: ['system-admin'], reach: 'subtree' } },
  'users.update': {
    description: '修改用户账号信息、重置密码、解除锁定',
    rule: { who: 'roles', roles: ['system-admin'], reach: 'subtree' },
  },
  'users.disable': { description: '停用用户账号', rule: { who: 'roles', roles: ['system-admin'], reach: 'subtree' } },
  'roles.read': { description: '查阅角色授权情况', rule: { who: 'roles', roles: ['security-admin'], reach: 'subtree' } },
  'roles.assign': {
    description: '授予和收回角色权限',
    rule: { who: 'roles', roles: ['security-admin'], reach: 'subtree' },
  },
  'officers.readPublic': {
    description: '查阅公示的执法人员信息（姓名、执法证号、有效期）',
    rule: { who: 'public' },
  },
  'officers.read': {
    description: '查阅执法人员档案及利害关系申报',
    rule: { who: 'roles', roles: [...BUSINESS_ROLES, 'system-admin'], reach: 'subtree' },
  },
  'officers.write': {
    description: '登记执法证件信息和利害关系申报',
    rule: { who: 'roles', roles: ['system-admin', 'head'], reach: 'organisation' },
  },
  'cases.read': {
    description: '查阅案件及其证据、文书',
    rule: { who: 'roles', roles: BUSINESS_ROLES, reach: 'subtree' },
  },
  'cases.write': {
    description: '办理案件：立案、记录证据、制作文书、审核、审批',
    rule: { who: 'roles', roles: ['officer', 'legal-reviewer', 'head'], reach: 'organisation' },
  },
  'audit.read': { description: '查阅审计日志', rule: { who: 'roles', roles: ['security-auditor'], reach: 'subtree' } },
  'audit.verify': {
    description: '校验审计日志哈希链的完整性',
    rule: { who: 'roles', roles: ['security-auditor'], reach: 'subtree' },
  },
  'accessLog.read': {
    description: '查阅访问日志（登录、登出、失败尝试）',
    rule: { who: 'roles', roles: ['security-auditor'], reach: 'subtree' },
  },
  'settings.read': { description: '查阅系统配置', rule: { who: 'roles', roles: ['system-admin'], reach: 'subtree' } },
  'settings.write': {
    description: '修改系统配置（节假日日历、会话时限等）',
    rule: { who: 'roles', roles: ['system-admin'], reach: 'subtree' },
  },
  'session.create': { description: '登录', rule: { who: 'public' } },
  'account.manageOwn': {
    description: '管理本人账号：修改密码、绑定动态口令、登出',
    rule: { who: 'signed-in' },
  },
} as const satisfies Record<string, Policy>;

/** An action name such as 'cases.read'. Every HTTP route and CLI command names one. */
export type Action = keyof typeof POLICIES;

/** Every action, in table order. */
export const ACTIONS = Object.keys(POLICIES) as Action[];

/** Whether a string names a known action (for route tables and tests). */
export function isAction(value: string): value is Action {
  return Object.hasOwn(POLICIES, value);
}

/** The policy row of an action. */
export function policyFor(action: Action): Policy {
  return POLICIES[action];
}

/** A signed-in account as authorization sees it; null stands for the anonymous public. */
export interface Actor {
  id: string;
  grants: readonly RoleGrant[];
}

export interface AuthorizeOptions {
  actor: Actor | null;
  action: Action;
  /**
   * The organisation owning the resource; null for resources that belong to no organisation
   * (e.g. the shared legal-source registry), where holding a listed role anywhere is enough.
   */
  resourceOrgId: string | null;
  orgTree: OrgTree;
}

export type AuthorizeResult = { allowed: true } | { allowed: false; code: 'unauthenticated' | 'forbidden'; reason: string };

/** Decides whether the actor may perform the action on a resource of the given organisation. */
export function authorize({ actor, action, resourceOrgId, orgTree }: AuthorizeOptions): AuthorizeResult {
  const rule: PolicyRule = POLICIES[action].rule;
  if (rule.who === 'public') return { allowed: true };
  if (actor === null) return { allowed: false, code: 'unauthenticated', reason: '请先登录。' };
  if (rule.who === 'signed-in') return { allowed: true };

  const relevant = actor.grants.filter((grant) => rule.roles.includes(grant.role));
  if (relevant.length === 0) {
    const labels = rule.roles.map(roleLabel).join('、');
    return { allowed: false, code: 'forbidden', reason: `您没有执行此操作的权限（需要以下角色之一：${labels}）。` };
  }
  if (resourceOrgId === null) return { allowed: true };
  if (relevant.some((grant) => grantReaches(grant, rule.reach, resourceOrgId, orgTree))) return { allowed: true };
  return { allowed: false, code: 'forbidden', reason: '您的角色授权范围不包括该组织机构。' };
}

/**
 * Checks authorization and throws when it is refused.
 * @throws DomainError 'unauthenticated' for the anonymous public on a protected action,
 *   'forbidden' for a signed-in account without a reaching grant.
 */
export function assertAllowed(options: AuthorizeOptions): void {
  const result = authorize(options);
  if (!result.allowed) {
    throw new DomainError(result.code === 'unauthenticated' ? ERROR_CODES.unauthenticated : ERROR_CODES.forbidden, result.reason);
  }
}

/**
 * The organisations on which the actor may perform a role-based action, for filtering lists in
 * queries (`WHERE org_id IN (…)`). 'all' for public and signed-in actions the actor may perform.
 */
export function reachableOrgIds(actor: Actor | null, action: Action, orgTree: OrgTree): 'all' | Set<string> {
  const rule: PolicyRule = POLICIES[action].rule;
  if (rule.who === 'public') return 'all';
  if (actor === null) return new Set();
  if (rule.who === 'signed-in') return 'all';
  const result = new Set<string>();
  for (const grant of actor.grants) {
    if (!rule.roles.includes(grant.role)) continue;
    for (const orgId of orgTree.byId.keys()) {
      if (grantReaches(grant, rule.reach, orgId, orgTree)) result.add(orgId);
    }
  }
  return result;
}

/** A grant reaches an organisation within the narrower of its own scope and the policy's reach. */
function grantReaches(grant: RoleGrant, reach: GrantScope, orgId: string, orgTree: OrgTree): boolean {
  if (grant.orgId === orgId) return orgTree.byId.has(orgId);
  if (grant.scope === 'organisation' || reach === 'organisation') return false;
  return isInSubtree(orgId, grant.orgId, orgTree);
}
