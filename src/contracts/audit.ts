/**
 * Wire shapes of the audit log for the security auditor (安全审计员): search and chain verification
 * (/api/v1/audit/…), shared by the server and web/. The log is append-only: there is no endpoint
 * that edits or deletes a record.
 */
import { z } from 'zod';
import { ZOrgCode } from './access.js';

const ZInstant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601，例如 2026-11-26T08:00:00Z' });

/** GET /api/v1/audit/records?… — every filter is optional; newest first. */
export const ZAuditSearchQuery = z.object({
  /** one organisation's chain; default: every organisation the auditor reaches */
  org: ZOrgCode.optional(),
  /** an account id, a username, or the actor's display name at the time */
  actor: z.string().trim().max(100, '操作人不能超过 100 个字符').optional(),
  /** an action or its prefix: 'session.' matches every sign-in event */
  action: z.string().trim().max(100, '操作类型不能超过 100 个字符').optional(),
  targetType: z.string().trim().max(50, '对象类型不能超过 50 个字符').optional(),
  targetId: z.string().trim().max(100, '对象编号不能超过 100 个字符').optional(),
  requestId: z.string().trim().max(100, '请求编号不能超过 100 个字符').optional(),
  /** from this instant, inclusive */
  from: ZInstant.optional(),
  /** before this instant, exclusive */
  to: ZInstant.optional(),
  /** 'true': only records that changed something (no sign-ins, reads or searches; audit-kinds.ts) */
  changesOnly: z.enum(['true', 'false'], { error: '只看变更应为 true 或 false' }).optional(),
  limit: z.coerce.number().int().min(1, '每页至少 1 条').max(500, '每页最多 500 条').default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type TAuditSearchQuery = z.input<typeof ZAuditSearchQuery>;

/** One audit record as stored (ADR 0001), with its organisation's code and name. */
export const ZAuditRecord = z.object({
  id: z.string(),
  organisation: z.object({ code: z.string(), name: z.string() }),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** the target's name for people (an account's name and username, a version's number …), when known */
  targetName: z.string().nullable().optional(),
  prevHash: z.string(),
  hash: z.string(),
  alg: z.enum(['sm3', 'sha256']),
});
export type TAuditRecord = z.infer<typeof ZAuditRecord>;

export const ZAuditSearchResponse = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  records: z.array(ZAuditRecord),
});
export type TAuditSearchResponse = z.infer<typeof ZAuditSearchResponse>;

/** GET /api/v1/audit/verify?org=lz — recompute the chains (all reachable ones by default). */
export const ZAuditVerifyQuery = z.object({ org: ZOrgCode.optional() });

/** The verdict on one organisation's chain. */
export const ZChainVerdict = z.object({
  organisation: z.object({ code: z.string(), name: z.string() }),
  ok: z.boolean(),
  /** records verified intact (before the break, when broken) */
  count: z.number().int(),
  /** the head recorded for the chain */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** when broken: where and why */
  brokenAt: z.number().int().nullable(),
  recordId: z.string().nullable(),
  /** anchor-mismatch: the parent organisation's chain anchored another head (audit.anchor) than this chain now holds */
  reason: z.enum(['hash-mismatch', 'sequence-gap', 'prev-mismatch', 'org-mismatch', 'head-mismatch', 'anchor-mismatch']).nullable(),
  message: z.string(),
});
export type TChainVerdict = z.infer<typeof ZChainVerdict>;

export const ZAuditVerifyResponse = z.object({
  ok: z.boolean(),
  verifiedAt: z.string(),
  chains: z.array(ZChainVerdict),
});
export type TAuditVerifyResponse = z.infer<typeof ZAuditVerifyResponse>;

/** GET /api/v1/audit/reads — who read which protected records (the read log, off the chain) */
export const ZReadLogQuery = z.object({
  org: ZOrgCode.optional(),
  /** an account id */
  actor: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  limit: z.coerce.number().int().min(1, '每页至少 1 条').max(500, '每页最多 500 条').default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type TReadLogQuery = z.input<typeof ZReadLogQuery>;

export const ZReadLogEntry = z.object({
  id: z.string(),
  organisation: z.object({ code: z.string(), name: z.string() }),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const ZReadLogResponse = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  reads: z.array(ZReadLogEntry),
});
export type TReadLogResponse = z.infer<typeof ZReadLogResponse>;

/**
 * The actions the access features record, with Chinese labels for the auditor's search form.
 * Other features add theirs (case.open …); a record's `action` is any string.
 */
export const AUDIT_ACTION_LABELS = {
  'setup.link-issued': '生成初始化链接',
  'setup.complete': '完成系统初始化',
  'admin-invitation.issue': '生成管理员邀请链接（三员初始化）',
  'admin-invitation.open': '打开管理员邀请链接',
  'admin-invitation.accept': '接受管理员邀请，设置密码和动态口令',
  'session.login': '登录',
  'session.login-failed': '登录失败',
  'session.login-refused': '登录被拒绝（账号锁定或停用）',
  'session.logout': '登出',
  'session.logout-everywhere': '登出全部会话',
  'session.expire': '会话超时结束',
  'access.denied': '越权访问被拒绝',
  'account.password-change': '修改本人密码',
  'account.totp-enrol': '绑定动态口令',
  'user.create': '创建用户',
  'user.list': '查阅用户列表',
  'user.read': '查阅用户',
  'user.update': '修改用户信息',
  'user.password-reset': '重置用户密码',
  'user.unlock': '解除账号锁定',
  'user.totp-reset': '重置动态口令',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'role.list': '查阅角色授权',
  'role.grant': '授予角色',
  'role.grant-refused': '授予角色被拒绝',
  'role.revoke': '收回角色',
  'officer.list': '查阅执法人员',
  'officer.read': '查阅执法人员档案',
  'officer.candidate-list': '查阅可登记为执法人员的账号',
  'officer.register': '登记执法人员',
  'officer.certificate-update': '更新执法证',
  'officer.certificate-revoke': '吊销或注销执法证',
  'officer.conflict-declare': '申报利害关系',
  'officer.conflict-withdraw': '撤回利害关系申报',
  'organisation.create': '新增组织机构',
  'organisation.update': '修改组织机构',
  'powerlist.import': '导入权责清单',
  'legal-registry.seed': '初始化法律依据库',
  'legal-registry.change': '修改法律依据库（新增版本、效力状态、条款对应）',
  'legal-registry.import': '导入法律依据库',
  'case.opened': '新建案件',
  'case.advanced': '办理案件环节',
  'case.officers-assigned': '指派承办执法人员',
  'case.linked': '关联案件',
  'case.deadlines-recomputed': '日历变更后重新计算案件期限',
  'case.deadline-adjusted': '延长或中止案件期限',
  'case.access-refused': '访问其他机构案件被拒绝',
  'calendar.import': '导入或修改节假日日历',
  'audit.search': '查阅审计日志',
  'audit.verify': '校验审计日志',
  'audit.anchor': '在上级机构审计链中登记下级审计链的链头',
  'audit.checkpoint': '生成审计链签名检查点',
  'user.disable-administrator': '停用三员账号（须告知第三名管理员）',
  'access.refused': '请求被拒绝（未登录、过于频繁或上传文件被拒）',
  'account.password-change-failed': '修改密码时当前密码不正确',
} as const satisfies Record<string, string>;
export type TAuditAction = keyof typeof AUDIT_ACTION_LABELS;
