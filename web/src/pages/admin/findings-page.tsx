/**
 * 校验问题总览 (`/admin/findings`, the list's maintainers): every finding of the current list in
 * one table — filter by problem type, item and severity, export what is shown as CSV — instead of
 * opening item after item. The filters live in the URL (?rule=&item=&severity=).
 */
import { DownloadOutlined } from '@ant-design/icons';
import type { TFinding } from '@contracts/power-list.js';
import { Button, Card, Flex, Segmented, Select, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { FindingsTable } from '../../components/findings-table.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError, PageLoading } from '../../components/query-feedback.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useCurrentList } from '../../hooks/use-power-list.js';
import { countBySeverity, findingRuleLabel } from '../../lib/finding-rules.js';
import { type FindingsFilter, filterFindings, findingsToCsv } from '../../lib/findings-export.js';
import { SEVERITY_VIEW } from '../../lib/labels.js';

const SEVERITIES = ['error', 'warning', 'info'] as const;

function filterFromSearch(params: URLSearchParams): FindingsFilter {
  const item = params.get('item');
  const severity = params.get('severity');
  return {
    rule: params.get('rule') || null,
    item: item && /^\d{1,6}$/.test(item) ? Number(item) : null,
    severity: (SEVERITIES as readonly string[]).includes(severity ?? '') ? (severity as TFinding['severity']) : null,
  };
}

/** Starts a download of `text` as a file, in the browser. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The overview page. */
export function FindingsPage() {
  useDocumentTitle('校验问题总览');
  const current = useCurrentList();
  const [params, setParams] = useSearchParams();
  const filter = filterFromSearch(params);
  const set = (key: keyof FindingsFilter, value: string | number | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const findings = current.data?.list.findings ?? [];
  const shown = useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const itemNames = useMemo(() => new Map((current.data?.list.items ?? []).map((item) => [item.no, item.name])), [current.data]);

  if (current.isPending) return <PageLoading rows={8} />;
  if (current.isError) return <LoadError error={current.error} onRetry={() => current.refetch()} />;

  const { version } = current.data;
  const counts = countBySeverity(findings);
  const rules = [...new Set(findings.map((finding) => finding.rule))];
  const items = [...new Set(findings.map((finding) => finding.item).filter((item): item is number => item !== null))].sort((a, b) => a - b);

  return (
    <>
      <PageHeading
        title="校验问题总览"
        audience="清单维护人员"
        description={`第${version.no}版清单的全部自动检查结果（原文截断、依据引用、类别不符等），供维护人员逐条核对。公众页面不显示这些内容。`}
        actions={
          <Button
            icon={<DownloadOutlined />}
            disabled={shown.length === 0}
            onClick={() => download(findingsToCsv(shown, itemNames), `校验问题-第${version.no}版.csv`, 'text/csv;charset=utf-8')}
            data-testid="findings-export"
          >
            导出（CSV）
          </Button>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={32} wrap>
          <Statistic title="全部" value={findings.length} suffix="条" />
          {SEVERITIES.map((severity) => (
            <Statistic key={severity} title={SEVERITY_VIEW[severity].label} value={counts[severity]} suffix="条" />
          ))}
        </Flex>
      </Card>
      <Card variant="borderless">
        <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="findings-filters">
          <Select
            allowClear
            placeholder="全部问题类型"
            style={{ width: 240 }}
            value={filter.rule ?? undefined}
            onChange={(value) => set('rule', value ?? null)}
            options={rules.map((rule) => ({
              value: rule,
              label: `${findingRuleLabel(rule)}（${findings.filter((finding) => finding.rule === rule).length}）`,
            }))}
            aria-label="问题类型"
            data-testid="findings-rule"
          />
          <Select
            allowClear
            placeholder="全部事项"
            style={{ width: 280 }}
            value={filter.item ?? undefined}
            onChange={(value) => set('item', value ?? null)}
            options={items.map((no) => ({ value: no, label: `第${no}项 ${itemNames.get(no) ?? ''}` }))}
            aria-label="事项"
            data-testid="findings-item"
          />
          <Segmented
            value={filter.severity ?? 'all'}
            onChange={(value) => set('severity', value === 'all' ? null : String(value))}
            options={[
              { value: 'all', label: '全部' },
              ...SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_VIEW[severity].label })),
            ]}
            data-testid="findings-severity"
          />
        </Flex>
        <Typography.Paragraph type="secondary" data-testid="findings-count">
          显示 {shown.length} 条，共 {findings.length} 条
        </Typography.Paragraph>
        <FindingsTable findings={shown} />
      </Card>
    </>
  );
}
