/**
 * Names shared by the access contracts (auth, users, audit) and the web app: role ids with their
 * Chinese labels, grant scopes and policy action names. The domain (src/domain/access) owns the
 * meaning of these names; src/domain/access/contract-sync.test.ts keeps both lists identical.
 */
import { z } from 'zod';

/** Every role id (DOMAIN.md §5), in display order. */
export const ROLE_ID_VALUES = [
  'officer',
  'legal-reviewer',
  'head',
  'supervisor',
  'applicant',
  'system-admin',
  'security-admin',
  'security-auditor',
] as const;
export const ZRoleId = z.enum(ROLE_ID_VALUES, { error: '未知的角色' });
export type TRoleId = z.infer<typeof ZRoleId>;

/** Chinese labels of the roles, for tables and forms. */
export const ROLE_LABELS: Record<TRoleId, string> = {
  officer: '执法人员',
  'legal-reviewer': '法制审核员',
  head: '负责人',
  supervisor: '监察员',
  applicant: '申请单位用户',
  'system-admin': '系统管理员',
  'security-admin': '安全管理员',
  'security-auditor': '安全审计员',
};

/** The three separated administrator roles (三员分立): no account holds two of them. */
export const SEPARATED_ADMIN_ROLE_IDS = ['system-admin', 'security-admin', 'security-auditor'] as const satisfies readonly TRoleId[];

/** How far a role grant reaches: the organisation alone, or it and every organisation below it. */
export const ZGrantScope = z.enum(['organisation', 'subtree'], { error: '授权范围应为 organisation（本机构）或 subtree（本机构及下级）' });
export type TGrantScope = z.infer<typeof ZGrantScope>;

/** Chinese labels of the grant scopes. */
export const GRANT_SCOPE_LABELS: Record<TGrantScope, string> = { organisation: '本机构', subtree: '本机构及下级机构' };

/** Every policy action (src/domain/access/policies.ts); routes and the UI name these. */
export const ACTION_VALUES = [
  'powerlist.read',
  'powerlist.import',
  'powerlist.lint',
  'legalSources.read',
  'legalSources.write',
  'organisations.read',
  'organisations.write',
  'users.read',
  'users.create',
  'users.update',
  'users.disable',
  'roles.read',
  'roles.assign',
  'officers.readPublic',
  'officers.read',
  'officers.write',
  'cases.read',
  'cases.write',
  'audit.read',
  'audit.verify',
  'accessLog.read',
  'settings.read',
  'settings.write',
  'session.create',
  'account.manageOwn',
] as const;
export const ZAction = z.enum(ACTION_VALUES);
export type TAction = z.infer<typeof ZAction>;

/** An organisation as other resources refer to it. */
export const ZOrgRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
});
export type TOrgRef = z.infer<typeof ZOrgRef>;

/** An organisation code as typed in forms and query strings (gx, lz, lj …). */
export const ZOrgCode = z
  .string({ error: '请填写机构代码' })
  .trim()
  .regex(/^[a-z0-9-]{1,32}$/, '机构代码只能包含小写字母、数字和连字符，最长 32 个字符');

/** A UUID path parameter. */
export const ZIdParams = z.object({ id: z.uuid({ error: '编号格式不正确' }) });

/** A calendar date written YYYY-MM-DD. */
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
