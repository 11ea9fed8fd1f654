/**
 * The findings overview's filters and its CSV export (UTF-8 with BOM, so that Excel opens the
 * Chinese text correctly). Cells that start like a formula are prefixed, so a spreadsheet never
 * runs text from a list file.
 */
import type { TFinding } from '@contracts/power-list.js';
import { findingRuleLabel } from './finding-rules.js';
import { fieldLabel, SEVERITY_VIEW } from './labels.js';

/** What the overview filters by; null means all. */
export interface FindingsFilter {
  rule: string | null;
  item: number | null;
  severity: TFinding['severity'] | null;
}

/** The findings that pass the filter. */
export function filterFindings(findings: readonly TFinding[], filter: FindingsFilter): TFinding[] {
  return findings.filter(
    (finding) =>
      (filter.rule === null || finding.rule === filter.rule) &&
      (filter.item === null || finding.item === filter.item) &&
      (filter.severity === null || finding.severity === filter.severity),
  );
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The findings as CSV text: 事项, 事项名称, 位置, 问题类型, 严重程度, 说明. */
export function findingsToCsv(findings: readonly TFinding[], itemNames: ReadonlyMap<number, string>): string {
  const header = ['事项', '事项名称', '位置', '问题类型', '严重程度', '说明'];
  const rows = findings.map((finding) => [
    finding.item === null ? '全表' : `第${finding.item}项`,
    finding.item === null ? '' : (itemNames.get(finding.item) ?? ''),
    finding.field === null ? '' : `${fieldLabel(finding.field)}${finding.entry != null ? ` 第${finding.entry + 1}条` : ''}`,
    findingRuleLabel(finding.rule),
    SEVERITY_VIEW[finding.severity].label,
    finding.message,
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
