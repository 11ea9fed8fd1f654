import type { TRoleDefinition } from '@contracts/users.js';
import { describe, expect, it } from 'vitest';
import { policyMatrix } from './policy-matrix.js';

const roles: TRoleDefinition[] = [
  {
    id: 'officer',
    label: '执法人员',
    description: '办理案件',
    separatedAdmin: false,
    actions: [
      { action: 'cases.write', description: '办理案件', reach: 'organisation' },
      { action: 'cases.read', description: '查阅案件', reach: 'subtree' },
    ],
  },
  {
    id: 'system-admin',
    label: '系统管理员',
    description: '账号与配置',
    separatedAdmin: true,
    actions: [
      { action: 'users.create', description: '创建用户账号', reach: 'subtree' },
      { action: 'powerlist.import', description: '导入权责清单', reach: 'organisation' },
    ],
  },
  {
    id: 'security-auditor',
    label: '安全审计员',
    description: '审计',
    separatedAdmin: true,
    actions: [{ action: 'audit.read', description: '查阅审计日志', reach: 'subtree' }],
  },
  {
    id: 'head',
    label: '负责人',
    description: '审批',
    separatedAdmin: false,
    actions: [{ action: 'cases.read', description: '查阅案件', reach: 'subtree' }],
  },
];

describe('policyMatrix', () => {
  it('has one row per action with the reach of every role that may perform it', () => {
    const rows = policyMatrix(roles);
    const casesRead = rows.find((row) => row.action === 'cases.read');
    expect(casesRead?.reach).toEqual({ officer: 'subtree', head: 'subtree' });
    expect(rows.find((row) => row.action === 'powerlist.import')?.reach).toEqual({ 'system-admin': 'organisation' });
    expect(rows).toHaveLength(5);
  });

  it('groups rows by resource: list, cases, users, audit', () => {
    expect(policyMatrix(roles).map((row) => row.action)).toEqual([
      'powerlist.import',
      'cases.read',
      'cases.write',
      'users.create',
      'audit.read',
    ]);
  });

  it('is empty for an empty catalogue', () => {
    expect(policyMatrix([])).toEqual([]);
  });
});
