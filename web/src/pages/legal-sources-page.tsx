/**
 * 法律依据库 (`/legal-sources`, public): the laws, regulations and normative documents the list
 * cites, with their editions and status (现行有效 / 已修订 / 已废止 / 未知) and where articles of a
 * superseded edition are in the current one; the revision history; the registry as JSON. Accounts
 * allowed `legalSources.write` also add editions, set statuses, add mappings and import a registry,
 * and see which list items each change affects.
 */
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import type { TEditionStatus } from '@contracts/legal-sources.js';
import type { TLegalRegistryResponse, TRegistryRevision } from '@contracts/legal-sources-api.js';
import { Button, Card, Empty, Flex, Input, Segmented, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { LEGAL_REGISTRY_EXPORT_URL } from '../api/legal-sources-api.js';
import { RegistryChangeModal, type RegistryChangeTarget } from '../components/legal-sources/registry-change-modal.js';
import { RegistryImportModal } from '../components/legal-sources/registry-import-modal.js';
import { SourceCard } from '../components/legal-sources/source-card.js';
import { PageHeading } from '../components/page-heading.js';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useLegalRegistry, useRegistryRevisions } from '../hooks/use-legal-sources.js';
import { useSession } from '../hooks/use-session.js';
import { formatDateTime } from '../lib/format-date.js';
import { REVISION_KIND_LABELS } from '../lib/legal-source-labels.js';
import { describeRegistryChange } from '../lib/registry-change.js';

const { Text } = Typography;

type StatusFilter = 'all' | 'stale' | 'unknown';

const REVISION_VERBS: Record<TRegistryRevision['kind'], string> = { seed: '载入初始数据', change: '修改', import: '导入' };

function matchesStatus(statuses: readonly TEditionStatus[], filter: StatusFilter): boolean {
  if (filter === 'stale') return statuses.some((status) => status === 'superseded' || status === 'repealed');
  if (filter === 'unknown') return statuses.includes('unknown');
  return true;
}

function RevisionsTab({ titles }: { titles: ReadonlyMap<string, string> }) {
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const revisions = useRegistryRevisions(pageSize, (page - 1) * pageSize, true);
  if (revisions.isError) return <LoadError error={revisions.error} onRetry={() => revisions.refetch()} />;
  const columns: TableColumnsType<TRegistryRevision> = [
    { title: '版次', dataIndex: 'no', width: 72, render: (no: number) => `第 ${no} 版` },
    { title: '方式', dataIndex: 'kind', width: 90, render: (kind: TRegistryRevision['kind']) => <Tag>{REVISION_KIND_LABELS[kind]}</Tag> },
    {
      title: '内容',
      key: 'change',
      render: (_value, revision) =>
        revision.change
          ? describeRegistryChange(revision.change, titles)
          : revision.kind === 'seed'
            ? '法律依据库初始数据'
            : '整体导入法律依据库',
    },
    { title: '修改人', dataIndex: ['changedBy', 'name'], width: 140, responsive: ['md'] },
    { title: '时间', dataIndex: 'changedAt', width: 160, responsive: ['sm'], render: (at: string) => formatDateTime(at) },
  ];
  return (
    <Table<TRegistryRevision>
      rowKey="no"
      size="small"
      loading={revisions.isPending}
      columns={columns}
      dataSource={revisions.data?.revisions ?? []}
      pagination={{
        current: page,
        pageSize,
        total: revisions.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
        hideOnSinglePage: true,
      }}
      data-testid="revisions-table"
    />
  );
}

function SourcesTab({ data, onChange }: { data: TLegalRegistryResponse; onChange: ((target: RegistryChangeTarget) => void) | null }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const needle = search.trim();
  const sources = data.sources.filter(
    (source) =>
      (needle === '' || source.title.includes(needle) || source.aliases.some((alias) => alias.includes(needle))) &&
      matchesStatus(
        source.editions.map((edition) => edition.status),
        status,
      ),
  );
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="按名称查找" allowClear onChange={(event) => setSearch(event.target.value)} style={{ width: 240 }} />
        <Segmented<StatusFilter>
          value={status}
          onChange={setStatus}
          options={[
            { label: `全部 ${data.sources.length}`, value: 'all' },
            { label: '有已修订版本', value: 'stale' },
            { label: '效力未知', value: 'unknown' },
          ]}
        />
      </Flex>
      {sources.length === 0 ? (
        <Empty description="没有符合条件的法律法规" />
      ) : (
        sources.map((source) => <SourceCard key={source.id} source={source} onChange={onChange} />)
      )}
    </>
  );
}

/** The registry page. */
export function LegalSourcesPage() {
  useDocumentTitle('法律依据库');
  const registry = useLegalRegistry();
  const { can } = useSession();
  const canWrite = can('legalSources.write');
  const [changing, setChanging] = useState<RegistryChangeTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const location = useLocation();

  // The item page links here as /legal-sources#source-id: bring that card into view once loaded.
  useEffect(() => {
    if (!registry.data || location.hash.length < 2) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [registry.data, location.hash]);

  if (registry.isPending) return <PageLoading rows={10} />;
  if (registry.isError) return <LoadError title="法律依据库加载失败" error={registry.error} onRetry={() => registry.refetch()} />;

  const data = registry.data;
  const titles = new Map(data.sources.map((source) => [source.id, source.title]));
  const firstSource = data.sources[0];
  return (
    <>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <PageHeading
          title="法律依据库"
          description="权责清单所引用的法律、法规、规章和规范性文件的各个版本及其效力状态，以及旧版本条款在现行版本中的对应条款。法律依据库只记录经核对的事实，未查明的一律标为“未知”。"
          actions={
            <>
              <Button icon={<DownloadOutlined />} href={LEGAL_REGISTRY_EXPORT_URL} download data-testid="registry-export">
                导出 JSON
              </Button>
              {canWrite && (
                <>
                  <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="registry-import">
                    导入 JSON
                  </Button>
                  {firstSource && (
                    <Button
                      type="primary"
                      icon={<EditOutlined />}
                      onClick={() => setChanging({ kind: 'add-edition', sourceId: firstSource.id })}
                      data-testid="registry-change"
                    >
                      修改法律依据库
                    </Button>
                  )}
                </>
              )}
            </>
          }
        />
        <Text type="secondary" style={{ fontSize: 13 }} data-testid="registry-revision">
          法律依据库第 {data.revision.no} 版 · {formatDateTime(data.revision.changedAt)} 由 {data.revision.changedBy.name}
          {REVISION_VERBS[data.revision.kind]}
        </Text>
      </Card>
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'sources',
              label: `法律法规（${data.sources.length}）`,
              children: <SourcesTab data={data} onChange={canWrite ? setChanging : null} />,
            },
            { key: 'revisions', label: '修改记录', children: <RevisionsTab titles={titles} /> },
          ]}
        />
      </Card>
      <RegistryChangeModal
        key={changing ? `${changing.kind}-${changing.sourceId}-${changing.edition ?? ''}` : 'closed'}
        target={changing}
        sources={data.sources}
        revisionNo={data.revision.no}
        onClose={() => setChanging(null)}
      />
      <RegistryImportModal open={importing} revisionNo={data.revision.no} onClose={() => setImporting(false)} />
    </>
  );
}
