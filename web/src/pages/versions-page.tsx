/**
 * 版本记录: every imported version of the list with its change counts.
 */
import type { TVersionSummary } from '@contracts/api.js';
import { Card, Empty, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { DiffSummary } from '../components/diff-summary.js';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useVersions } from '../hooks/use-power-list.js';
import { formatDateTime } from '../lib/format-date.js';

const { Title, Text } = Typography;

const COLUMNS: TableColumnsType<TVersionSummary> = [
  {
    title: '版本',
    dataIndex: 'no',
    width: 120,
    render: (no: number, version) => (
      <span>
        <Link to={`/versions/${no}`}>第{no}版</Link> {version.isCurrent && <Tag color="green">现行</Tag>}
      </span>
    ),
  },
  { title: '导入时间', dataIndex: 'importedAt', width: 170, render: (iso: string) => formatDateTime(iso) },
  {
    title: '来源文件',
    dataIndex: 'sourceName',
    responsive: ['md'],
    render: (name: string, version) => (
      <Tooltip title={`SHA-256：${version.sourceSha256}`}>
        <Text style={{ wordBreak: 'break-all' }}>{name}</Text>
      </Tooltip>
    ),
  },
  { title: '事项数', dataIndex: 'itemCount', width: 80, align: 'center' },
  { title: '校验提示', dataIndex: 'findingCount', width: 90, align: 'center', responsive: ['sm'] },
  {
    title: '较上一版',
    dataIndex: 'diffSummary',
    width: 130,
    render: (diff: TVersionSummary['diffSummary']) => <DiffSummary diff={diff} />,
  },
];

/** The versions page (route `/versions`). */
export function VersionsPage() {
  const query = useVersions();
  useDocumentTitle('版本记录');

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError title="版本记录加载失败" error={query.error} onRetry={() => query.refetch()} />;

  const { organisation, versions } = query.data;
  return (
    <Card variant="borderless">
      <Title level={3} style={{ marginTop: 0 }}>
        版本记录
      </Title>
      <Text type="secondary" style={{ display: 'block', marginBottom: 16 }}>
        {organisation.name}权责清单历次导入的版本。清单随法律法规修订动态调整，现行版本为对外公示的版本。
      </Text>
      <Table<TVersionSummary>
        rowKey="no"
        columns={COLUMNS}
        dataSource={versions}
        pagination={versions.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="尚未导入任何版本" /> }}
        onRow={() => ({ 'data-testid': 'version-row' }) as HTMLAttributes<HTMLElement>}
        size="middle"
      />
    </Card>
  );
}
