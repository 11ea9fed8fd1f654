/**
 * The linter's findings as a table for maintainers: item, where in the item, the problem in
 * words, severity and rule — all in Chinese (rule ids stay machine names).
 */
import type { TFinding } from '@contracts/power-list.js';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { findingRuleLabel } from '../lib/finding-rules.js';
import { fieldLabel, SEVERITY_VIEW } from '../lib/labels.js';

const SEVERITY_COLOUR = { error: 'red', warning: 'orange', info: 'blue' } as const;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** 责任事项 第3条, or — for a finding about the whole list. */
export function findingPlace(finding: TFinding): string {
  if (finding.field === null) return '—';
  const entry = finding.entry ?? null;
  return entry === null ? fieldLabel(finding.field) : `${fieldLabel(finding.field)} 第${entry + 1}条`;
}

/** Findings sorted by severity then item; item numbers link to the item when `linkItems`. */
export function FindingsTable({
  findings,
  linkItems = true,
  pageSize = 20,
}: {
  findings: readonly TFinding[];
  linkItems?: boolean;
  pageSize?: number;
}) {
  const rows = [...findings]
    .map((finding, index) => ({ ...finding, key: index }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.item ?? 0) - (b.item ?? 0));
  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      title: '事项',
      dataIndex: 'item',
      width: 72,
      render: (item: number | null) => (item === null ? '全表' : linkItems ? <Link to={`/items/${item}`}>第{item}项</Link> : `第${item}项`),
    },
    { title: '位置', key: 'place', width: 150, responsive: ['sm'], render: (_value, finding) => findingPlace(finding) },
    {
      title: '问题',
      dataIndex: 'message',
      render: (message: string, finding) => (
        <>
          <div>{message}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {findingRuleLabel(finding.rule)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '严重程度',
      dataIndex: 'severity',
      width: 92,
      render: (severity: TFinding['severity']) => <Tag color={SEVERITY_COLOUR[severity]}>{SEVERITY_VIEW[severity].label}</Tag>,
    },
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      locale={{ emptyText: '没有校验问题' }}
      onRow={(finding) => ({ 'data-testid': 'finding-row', 'data-rule': finding.rule }) as HTMLAttributes<HTMLElement>}
      data-testid="findings-table"
    />
  );
}
