import type { TFinding } from '@contracts/power-list.js';
import { describe, expect, it } from 'vitest';
import { filterFindings, findingsToCsv } from './findings-export.js';

const finding = (over: Partial<TFinding>): TFinding => ({
  rule: 'truncated-cell',
  severity: 'warning',
  item: 1,
  field: null,
  entry: null,
  message: '第1项内容被截断',
  messageEn: 'cell truncated',
  ...over,
});

describe('findings overview', () => {
  const findings = [finding({}), finding({ item: 2, rule: 'stale-citation' }), finding({ item: 2, severity: 'error', message: '=cmd' })];

  it('filters by rule, item and severity together', () => {
    expect(filterFindings(findings, { rule: null, item: 2, severity: null })).toHaveLength(2);
    expect(filterFindings(findings, { rule: 'stale-citation', item: 2, severity: null })).toHaveLength(1);
    expect(filterFindings(findings, { rule: null, item: null, severity: 'error' })).toHaveLength(1);
  });

  it('exports Chinese CSV with a BOM, rule names not ids, and formula-safe cells', () => {
    const csv = findingsToCsv(findings, new Map([[1, '对非法获取…的处罚']]));
    expect(csv.startsWith('\uFEFF事项,事项名称,位置,问题类型,严重程度,说明\r\n')).toBe(true);
    expect(csv).toContain('第1项,对非法获取…的处罚,,内容被截断,警告,第1项内容被截断');
    expect(csv).toContain("'=cmd");
    expect(csv).not.toContain('stale-citation');
    expect(csv).not.toContain('cell truncated');
  });
});
