/**
 * Chinese labels and tag colours for the list's vocabularies (categories, ranks, fields, severities).
 */
import { ITEM_FIELD_LABELS, type TRank, type TSeverity } from '@contracts/power-list.js';

const CATEGORY_COLOURS: Record<string, string> = {
  行政处罚: 'volcano',
  行政强制: 'orange',
  行政检查: 'blue',
  行政确认: 'cyan',
  行政许可: 'geekblue',
  行政征收: 'gold',
  行政给付: 'lime',
  行政裁决: 'magenta',
  行政奖励: 'green',
  其他行政权力: 'purple',
};

/** antd Tag colour of a power category (权力分类); unknown categories are grey. */
export function categoryColour(category: string): string {
  return CATEGORY_COLOURS[category] ?? 'default';
}

const RANK_COLOURS: Record<TRank, string> = {
  法律: 'red',
  法规: 'orange',
  规章: 'blue',
  规范性文件: 'default',
};

/** antd Tag colour of a citation's source rank (【法律】…). */
export function rankColour(rank: TRank): string {
  return RANK_COLOURS[rank];
}

/** Chinese column name of an item field; unknown field names are shown as they are. */
export function fieldLabel(field: string): string {
  return (ITEM_FIELD_LABELS as Record<string, { zh: string } | undefined>)[field]?.zh ?? field;
}

/** Severity of a linter finding in words and as an antd Alert type. */
export const SEVERITY_VIEW: Record<TSeverity, { label: string; alertType: 'error' | 'warning' | 'info' }> = {
  error: { label: '错误', alertType: 'error' },
  warning: { label: '警告', alertType: 'warning' },
  info: { label: '提示', alertType: 'info' },
};

/** Password guidance shown under new-password fields, before the server has a chance to refuse. */
export const PASSWORD_HINT = '至少 12 个字符，可用一句好记的话；不能是常见密码，不能包含用户名，不能是重复字符或连续序列。';
