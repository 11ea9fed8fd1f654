/** Human-readable summaries of lint findings and diffs for the terminal. */
import { ITEM_FIELD_LABELS, type TFinding, type TPowerListDiff } from '../contracts/power-list.js';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

export function countBySeverity(findings: TFinding[]): Record<TFinding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** One line per finding: `[警告] 第1项 duties truncated-cell: message`. */
export function formatFindings(findings: TFinding[]): string {
  return findings
    .map(
      (f) =>
        `[${SEVERITY_LABEL[f.severity]}] ${f.item === null ? '全表' : `第${f.item}项`}${f.field ? ` ${ITEM_FIELD_LABELS[f.field].zh}` : ''} (${f.rule})：${f.message}`,
    )
    .join('\n');
}

export function formatFindingSummary(findings: TFinding[]): string {
  const c = countBySeverity(findings);
  return `${findings.length} 条检查结果（错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}）`;
}

/** Diff as lines: + added, - removed, ~ changed with the fields. */
export function formatDiff(diff: TPowerListDiff): string {
  const lines: string[] = [];
  if (diff.titleChanged) lines.push(`~ 标题：${diff.titleChanged.before} → ${diff.titleChanged.after}`);
  for (const a of diff.added) lines.push(`+ 第${a.no}项 ${a.name}`);
  for (const r of diff.removed) lines.push(`- 第${r.no}项 ${r.name}`);
  for (const c of diff.changed)
    lines.push(`~ 第${c.noAfter ?? c.noBefore}项 ${c.name}：${c.changes.map((x) => ITEM_FIELD_LABELS[x.field].zh).join('、')}`);
  return lines.length ? lines.join('\n') : '两个版本没有差异。';
}
