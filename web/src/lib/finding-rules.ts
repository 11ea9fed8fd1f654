/**
 * The linter's rules in words, for maintainers (the findings overview, the import preview). Rule
 * ids such as `stale-citation` are machine names and never shown; an id this table does not know
 * yet is shown as 其他问题, not as itself.
 */
import type { TFinding } from '@contracts/power-list.js';

/** Chinese name of each known rule. */
export const FINDING_RULE_LABELS: Readonly<Record<string, string>> = {
  'truncated-cell': '内容被截断',
  'unresolved-same-as': '“同N”无法对应',
  'category-mismatch': '权力类别与追责情形不符',
  'missing-legal-basis': '缺少实施依据',
  'citation-without-article': '引用未写明条款',
  'citation-without-title': '引用未写明法规名称',
  'duplicate-item-name': '事项名称重复',
  'unknown-duty-step': '责任事项无法对应办理环节',
  'empty-column': '责任事项、追责情形或其依据未填写',
  'category-action-mismatch': '权力类别与权力内容不符',
  'unsplit-entries': '多条内容连在一起',
  'renumbered-item': '原表无序号，已按位置编号',
  'extra-columns': '保留了原表的其他栏目',
  'duty-without-step': '责任事项无对应办理环节',
  'step-without-duty': '办理环节无对应责任事项',
  'stale-citation': '引用的法规版本已修订或废止',
  'unresolved-citation': '法律依据库中未登记该引用',
  'citation-status-unknown': '引用法规的效力状态未知',
};

/** The Chinese name of a rule. */
export function findingRuleLabel(rule: string): string {
  return FINDING_RULE_LABELS[rule] ?? '其他问题';
}

/** Findings counted per severity. */
export function countBySeverity(findings: readonly Pick<TFinding, 'severity'>[]): Record<TFinding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
