/**
 * An audit record's details as labelled Chinese fields for the auditor (not raw JSON): each known
 * key gets its Chinese name, role ids become role names, codes become words. A key this table does
 * not know keeps a neutral label, and the raw record stays one click away.
 */
import { ROLE_LABELS } from '@contracts/access.js';

/** Chinese names of detail keys written by the use cases (src/services/**: recordAudit details). */
const KEY_LABELS: Readonly<Record<string, string>> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  orgCode: '机构',
  scope: '授权范围',
  userId: '账号编号',
  endedSessions: '结束的会话数',
  endedOtherSessions: '结束的其他会话数',
  failures: '连续失败次数',
  lockedUntil: '锁定至',
  reason: '原因',
  via: '途径',
  external: '申请单位账号',
  secondFactor: '使用动态口令',
  versionNo: '版本号',
  fileName: '文件名',
  sha256: '文件校验值',
  format: '文件格式',
  items: '事项数',
  findings: '校验问题数',
  expiresAt: '有效至',
  replacedInvitations: '作废的旧链接数',
  invitedBy: '邀请人',
  acceptedBy: '接受邀请的账号',
  filters: '查询条件',
  limit: '每页条数',
  offset: '起始位置',
  total: '结果条数',
  count: '条数',
  users: '账号数',
  status: '状态',
  revision: '法律依据库修订号',
  file: '文件',
  sources: '法规数',
  certificateNumber: '执法证号',
  revokedOn: '吊销日期',
  conflictId: '申报编号',
  partyId: '当事人编号',
  partyName: '当事人',
  declaredOn: '申报日期',
  action: '操作',
  code: '代码',
  name: '名称',
  parentCode: '上级机构',
  documentPrefix: '文书字号前缀',
  createdAt: '开始时间',
  lastSeenAt: '最后活动时间',
  policy: '所需权限',
  title: '说明',
  refusals: '拒绝原因',
  actor: '操作人',
  targetType: '对象类型',
  targetId: '对象编号',
  requestId: '请求编号',
  from: '起始时间',
  to: '截止时间',
  org: '机构',
  changesOnly: '只看变更',
  kind: '类型',
  // calendar.import (src/services/calendar/import-calendar-overrides.ts)
  revisionNo: '日历导入序号',
  source: '来源',
  added: '新增条数',
  updated: '修改条数',
  removed: '删除条数',
  newlyCoveredYears: '数据完整的新年份',
  set: '设置的日期',
  removedDates: '删除设置的日期',
  changedDates: '类型有变化的日期',
};

/** Words for code values. */
const VALUE_WORDS: Readonly<Record<string, string>> = {
  organisation: '本机构',
  subtree: '本机构及下级机构',
  cli: '服务器命令行',
  invitation: '一次性邀请链接',
  'unknown-user': '用户名不存在',
  'bad-password': '密码错误',
  'bad-totp': '动态口令错误',
  locked: '账号已锁定',
  disabled: '账号已停用',
  'idle-timeout': '长时间未操作',
  'absolute-timeout': '超过会话最长时限',
  'password-change': '修改了密码',
  'password-reset': '密码被重置',
  'totp-reset': '动态口令被重置',
  active: '在用',
  tsv: 'TSV 表格',
  xlsx: 'Excel 工作簿',
  json: 'JSON',
};

/** One labelled field. */
export interface AuditDetailField {
  key: string;
  label: string;
  value: string;
}

function isRole(value: string): value is keyof typeof ROLE_LABELS {
  return Object.hasOwn(ROLE_LABELS, value);
}

/** A value in words. */
export function describeDetailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (key === 'role' && isRole(value)) return ROLE_LABELS[value];
    if (key === 'action' || key === 'policy') return value;
    return VALUE_WORDS[value] ?? value;
  }
  if (Array.isArray(value)) return value.map((entry) => describeDetailValue(key, entry)).join('；');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('before' in record && 'after' in record) {
      return `由“${describeDetailValue(key, record.before)}”改为“${describeDetailValue(key, record.after)}”`;
    }
    return Object.entries(record)
      .filter(([, entry]) => entry !== null && entry !== undefined && entry !== '')
      .map(([entryKey, entry]) => `${KEY_LABELS[entryKey] ?? '其他'}：${describeDetailValue(entryKey, entry)}`)
      .join('，');
  }
  return String(value);
}

/** The details as labelled fields, in the record's order. */
export function describeAuditDetails(details: Readonly<Record<string, unknown>>): AuditDetailField[] {
  return Object.entries(details).map(([key, value]) => ({
    key,
    label: KEY_LABELS[key] ?? '其他信息',
    value: describeDetailValue(key, value),
  }));
}
