import { describe, expect, it } from 'vitest';
import { describeAuditDetails, describeDetailValue } from './audit-details.js';

describe('describeAuditDetails', () => {
  it('labels a role grant in Chinese, with the role and scope in words', () => {
    const fields = describeAuditDetails({ username: 'liu.fazhi', role: 'legal-reviewer', orgCode: 'lz', scope: 'subtree', via: 'cli' });
    expect(fields.map((f) => `${f.label}：${f.value}`)).toEqual([
      '用户名：liu.fazhi',
      '角色：法制审核员',
      '机构：lz',
      '授权范围：本机构及下级机构',
      '途径：服务器命令行',
    ]);
  });

  it('says a change as before and after, and booleans as 是/否', () => {
    expect(describeDetailValue('displayName', { before: '李四', after: '李斯' })).toBe('由“李四”改为“李斯”');
    expect(describeDetailValue('external', false)).toBe('否');
  });

  it('labels nested search filters and keeps unknown keys out of English', () => {
    const [filters, other] = describeAuditDetails({ filters: { actor: 'admin', changesOnly: 'true' }, somethingNew: 1 });
    expect(filters?.value).toBe('操作人：admin，只看变更：true');
    expect(other?.label).toBe('其他信息');
  });
});
