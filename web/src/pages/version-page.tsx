/**
 * One version of the list: what changed against the previous version, and its items.
 */
import type { TPowerListDiff } from '@contracts/power-list.js';
import { Alert, Breadcrumb, Card, Collapse, Empty, List, Result, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { ListSummaryCard } from '../components/list-summary-card.js';
import { type PowerListRow, PowerListTable } from '../components/power-list-table.js';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { TextChangeView } from '../components/text-change-view.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useVersion } from '../hooks/use-power-list.js';
import { describeFieldChange } from '../lib/field-change.js';
import { fieldLabel } from '../lib/labels.js';

const { Text } = Typography;

function DiffDetails({ diff, versionNo }: { diff: TPowerListDiff; versionNo: number }) {
  const isEmpty = diff.added.length + diff.removed.length + diff.changed.length === 0 && diff.titleChanged === null;
  if (isEmpty) return <Text type="secondary">与上一版相比内容没有变化。</Text>;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="version-diff">
      {diff.titleChanged && (
        <Alert type="info" title={`清单名称由“${diff.titleChanged.before}”改为“${diff.titleChanged.after}”`} showIcon />
      )}
      {diff.added.length > 0 && (
        <div>
          <Text strong style={{ color: '#389e0d' }}>
            新增 {diff.added.length} 项
          </Text>
          <List
            size="small"
            dataSource={diff.added}
            renderItem={(entry) => (
              <List.Item>
                <Link to={`/items/${entry.no}?version=${versionNo}`}>
                  第{entry.no}项 {entry.name}
                </Link>
              </List.Item>
            )}
          />
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <Text strong style={{ color: '#cf1322' }}>
            删除 {diff.removed.length} 项
          </Text>
          <List
            size="small"
            dataSource={diff.removed}
            renderItem={(entry) => (
              <List.Item>
                <Text delete>
                  原第{entry.no}项 {entry.name}
                </Text>
              </List.Item>
            )}
          />
        </div>
      )}
      {diff.changed.length > 0 && (
        <div>
          <Text strong style={{ color: '#d48806' }}>
            修改 {diff.changed.length} 项
          </Text>
          <Collapse
            size="small"
            style={{ marginTop: 8 }}
            defaultActiveKey={diff.changed.length <= 5 ? diff.changed.map((_, index) => index) : []}
            items={diff.changed.map((change, index) => ({
              key: index,
              label: (
                <Space size={6} wrap>
                  <span>
                    {change.noAfter !== null ? `第${change.noAfter}项` : `原第${change.noBefore}项`} {change.name}
                  </span>
                  {change.changes.map((fieldChange) => (
                    <Tag key={fieldChange.field}>{fieldLabel(fieldChange.field)}</Tag>
                  ))}
                </Space>
              ),
              children: (
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  {change.changes.map((fieldChange) => (
                    <div key={fieldChange.field}>
                      <Text strong>{fieldLabel(fieldChange.field)}</Text>
                      <ul style={{ margin: '4px 0 0', paddingLeft: 20, lineHeight: 1.8 }}>
                        {describeFieldChange(fieldChange.before, fieldChange.after).map((line, index) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
                          <li key={index}>
                            {line.label && <Text type="secondary">{line.label}：</Text>}
                            <TextChangeView change={line.change} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                  {change.noAfter !== null && <Link to={`/items/${change.noAfter}?version=${versionNo}`}>查看本版该事项</Link>}
                </Space>
              ),
            }))}
          />
        </div>
      )}
    </Space>
  );
}

/** The version page (route `/versions/:no`). */
export function VersionPage() {
  const params = useParams();
  const versionNo = params.no && /^\d{1,9}$/.test(params.no) ? Number(params.no) : null;
  const query = useVersion(versionNo);
  useDocumentTitle(versionNo ? `第${versionNo}版` : '版本');

  const rows = useMemo<PowerListRow[]>(() => {
    if (!query.data) return [];
    const counts = new Map<number, number>();
    for (const finding of query.data.list.findings) {
      if (finding.item !== null) counts.set(finding.item, (counts.get(finding.item) ?? 0) + 1);
    }
    return query.data.list.items.map((item) => ({
      no: item.no,
      category: item.category,
      name: item.name,
      subItem: item.subItem,
      duties: item.duties,
      findingCount: counts.get(item.no) ?? 0,
      matches: [],
    }));
  }, [query.data]);

  const notFound = <Result status="404" title="未找到该版本" extra={<Link to="/versions">返回版本记录</Link>} />;
  if (versionNo === null) return notFound;
  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return notFound;
    return <LoadError title="版本加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }

  const { organisation, version, list, diff } = query.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'versions', title: <Link to="/versions">版本记录</Link> },
          { key: 'version', title: `第${version.no}版` },
        ]}
      />
      <ListSummaryCard title={list.title} organisation={organisation} version={version} />
      <Card variant="borderless" title="与上一版相比" style={{ marginBottom: 16 }}>
        {diff ? <DiffDetails diff={diff} versionNo={version.no} /> : <Text type="secondary">这是首次导入的版本。</Text>}
      </Card>
      <Card variant="borderless" title="本版事项" styles={{ body: { padding: 0 } }}>
        <PowerListTable rows={rows} versionNo={version.isCurrent ? null : version.no} emptyText={<Empty description="本版没有事项" />} />
      </Card>
    </>
  );
}
