/**
 * One version of the list: what changed against the previous version, and its items.
 */
import { Breadcrumb, Card, Empty, Result, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { ListSummaryCard } from '../components/list-summary-card.js';
import { type PowerListRow, PowerListTable } from '../components/power-list-table.js';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { DiffDetails } from '../components/version-diff.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useVersion } from '../hooks/use-power-list.js';

const { Text } = Typography;

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
