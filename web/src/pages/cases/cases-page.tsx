/**
 * 我的案件: the officer's workbench — their own cases or all cases of the organisation, filtered by
 * item, step, status, deadline and a search; each row shows the next action the caller may take,
 * the nearest deadline as 黄牌/红牌 or its due day, and the number of supervision findings. Phones
 * get cards instead of the wide table.
 */
import { PlusOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import type { TCaseSummary } from '@contracts/cases.js';
import {
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CaseListFilter } from '../../api/cases-api.js';
import { CaseStatusTag, DeadlineBadge } from '../../components/cases/case-bits.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError } from '../../components/query-feedback.js';
import { RequireSession } from '../../components/require-session.js';
import { useCases } from '../../hooks/use-cases.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useProcedure, useProcedures } from '../../hooks/use-procedures.js';
import { useSession } from '../../hooks/use-session.js';
import { formatDate } from '../../lib/format-date.js';

const { Text } = Typography;

type Scope = 'mine' | 'all';
const PAGE_SIZE = 20;

/** The filters, kept in the address so a filtered view can be bookmarked and shared. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const isOfficer = session?.roles.some((role) => role.role === 'officer') ?? false;
  const scope: Scope =
    params.get('scope') === 'all' || params.get('scope') === 'mine' ? (params.get('scope') as Scope) : isOfficer ? 'mine' : 'all';
  const itemNo = Number(params.get('item')) || undefined;
  const status = (['open', 'closed', 'all'] as const).find((value) => value === params.get('status')) ?? 'open';
  const due = (['soon', 'overdue'] as const).find((value) => value === params.get('due'));
  const query: CaseListFilter = {
    status,
    itemNo,
    step: (itemNo && params.get('step')) || undefined,
    due,
    q: params.get('q') || undefined,
    officer: scope === 'mine' ? 'me' : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
  const set = (changes: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    // Any filter change starts again on page 1.
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { query, scope, isOfficer, set };
}

function NextAction({ row }: { row: TCaseSummary }) {
  if (row.status === 'closed') return <Text type="secondary">—</Text>;
  if (!row.nextAction) return <Text type="secondary">{row.step ? `待他人办理（${row.step.name}）` : '—'}</Text>;
  return (
    <Link to={`/cases/${row.id}#next-step`} data-testid="next-action">
      {row.nextAction.label}
    </Link>
  );
}

function Findings({ count }: { count: number }) {
  if (count === 0) return <Text type="secondary">0</Text>;
  return (
    <Tag color="orange" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid="finding-count">
      {count} 条
    </Tag>
  );
}

function DeadlineCell({ row }: { row: TCaseSummary }) {
  return row.nextDeadline ? <DeadlineBadge deadline={row.nextDeadline} /> : <Text type="secondary">—</Text>;
}

function CaseTable({
  rows,
  total,
  page,
  loading,
  onPage,
}: {
  rows: TCaseSummary[];
  total: number;
  page: number;
  loading: boolean;
  onPage: (page: number) => void;
}) {
  const columns: TableColumnsType<TCaseSummary> = [
    {
      title: '案号',
      key: 'number',
      width: 190,
      render: (_, row) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/cases/${row.id}`} data-testid="case-link">
            {row.number}
          </Link>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {formatDate(row.openedAt)}创建
          </Text>
        </Space>
      ),
    },
    {
      title: '事项 / 当事人',
      key: 'item',
      render: (_, row) => (
        <div style={{ minWidth: 0 }}>
          <div>
            <Text type="secondary">第{row.item.no}项 </Text>
            {row.item.name}
          </div>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {row.partyNames.length > 0 ? row.partyNames.join('、') : '无当事人'} · 承办：
            {row.officerNames.length > 0 ? row.officerNames.join('、') : '未指派'}
          </Text>
        </div>
      ),
    },
    {
      title: '当前环节',
      key: 'step',
      width: 130,
      render: (_, row) => (row.status === 'open' ? (row.step?.name ?? '—') : <CaseStatusTag status={row.status} outcome={row.outcome} />),
    },
    { title: '下一步', key: 'next', width: 170, render: (_, row) => <NextAction row={row} /> },
    { title: '期限', key: 'deadline', width: 180, render: (_, row) => <DeadlineCell row={row} /> },
    { title: '监察发现', key: 'findings', width: 90, align: 'center', render: (_, row) => <Findings count={row.findingCount} /> },
  ];
  return (
    <Table<TCaseSummary>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      size="middle"
      onRow={(row) => ({ 'data-testid': 'case-row', 'data-number': row.number }) as React.HTMLAttributes<HTMLElement>}
      pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: onPage, showTotal: (n) => `共 ${n} 件` }}
      locale={{ emptyText: <Empty description="没有符合条件的案件" /> }}
    />
  );
}

function CaseCards({
  rows,
  total,
  page,
  loading,
  onPage,
}: {
  rows: TCaseSummary[];
  total: number;
  page: number;
  loading: boolean;
  onPage: (page: number) => void;
}) {
  return (
    <List<TCaseSummary>
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: <Empty description="没有符合条件的案件" /> }}
      pagination={total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total, onChange: onPage, size: 'small', simple: true } : false}
      renderItem={(row) => (
        <Card size="small" style={{ marginBottom: 10 }} data-testid="case-row" data-number={row.number}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Link to={`/cases/${row.id}`} style={{ fontWeight: 600 }} data-testid="case-link">
              {row.number}
            </Link>
            {row.status === 'open' ? (
              <Tag color="processing">{row.step?.name ?? '办理中'}</Tag>
            ) : (
              <CaseStatusTag status={row.status} outcome={row.outcome} />
            )}
          </Flex>
          <div style={{ margin: '6px 0 2px' }}>
            <Text type="secondary">第{row.item.no}项 </Text>
            {row.item.name}
          </div>
          <Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }}>
            {row.partyNames.length > 0 ? row.partyNames.join('、') : '无当事人'} · 承办：
            {row.officerNames.length > 0 ? row.officerNames.join('、') : '未指派'}
          </Text>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <span>
              下一步：
              <NextAction row={row} />
            </span>
            <Space size={6}>
              <DeadlineCell row={row} />
              {row.findingCount > 0 && <Findings count={row.findingCount} />}
            </Space>
          </Flex>
        </Card>
      )}
    />
  );
}

function Workbench() {
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.md === false;
  const navigate = useNavigate();
  const { can } = useSession();
  const { query, scope, isOfficer, set } = useFilters();
  const [search, setSearch] = useState(query.q ?? '');
  const procedures = useProcedures();
  const itemProcedure = useProcedure(query.itemNo ?? null);
  const cases = useCases(query);
  const title = scope === 'mine' ? '我的案件' : '本单位案件';
  useDocumentTitle(title);

  const itemOptions = useMemo(
    () => (procedures.data?.procedures ?? []).map((p) => ({ value: p.item.no, label: `第${p.item.no}项 ${p.item.name}` })),
    [procedures.data],
  );
  const stepOptions = (itemProcedure.data?.steps ?? []).map((step) => ({ value: step.id, label: step.name }));

  return (
    <>
      <PageHeading
        title={title}
        description="按办理期限和下一步事项安排工作；黄牌表示即将到期，红牌表示已到期或超期，点击可查看期限如何计算。"
        actions={
          can('cases.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')} data-testid="new-case">
              新建案件
            </Button>
          ) : undefined
        }
      />
      <Card variant="borderless" style={{ marginBottom: 12 }} styles={{ body: { padding: isNarrow ? 12 : 16 } }}>
        <Flex gap={10} wrap align="center">
          <Segmented<Scope>
            value={scope}
            onChange={(value) => set({ scope: value })}
            options={[
              ...(isOfficer ? [{ value: 'mine' as const, label: '我承办的' }] : []),
              { value: 'all' as const, label: '本单位全部' },
            ]}
            data-testid="scope"
          />
          <Segmented
            value={query.due ?? 'any'}
            onChange={(value) => set({ due: value === 'any' ? undefined : value })}
            options={[
              { value: 'any', label: '全部期限' },
              { value: 'soon', label: '即将到期' },
              { value: 'overdue', label: '已超期' },
            ]}
            data-testid="due-filter"
          />
          <Select
            style={{ width: isNarrow ? '100%' : 260 }}
            allowClear
            placeholder="全部事项"
            value={query.itemNo}
            options={itemOptions}
            onChange={(value?: number) => set({ item: value, step: undefined })}
            data-testid="item-filter"
          />
          <Select
            style={{ width: isNarrow ? 'calc(50% - 5px)' : 140 }}
            allowClear
            placeholder={query.itemNo ? '全部环节' : '先选事项再选环节'}
            disabled={!query.itemNo}
            value={query.step}
            options={stepOptions}
            onChange={(value?: string) => set({ step: value })}
            data-testid="step-filter"
          />
          <Select
            style={{ width: isNarrow ? 'calc(50% - 5px)' : 120 }}
            value={query.status}
            onChange={(value) => set({ status: value === 'open' ? undefined : value })}
            options={[
              { value: 'open', label: '办理中' },
              { value: 'closed', label: '已办结' },
              { value: 'all', label: '全部状态' },
            ]}
            data-testid="status-filter"
          />
          <Input.Search
            style={{ width: isNarrow ? '100%' : 240 }}
            allowClear
            placeholder="案号、当事人或事项名称"
            enterButton={<SearchOutlined aria-label="搜索" />}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => set({ q: value.trim() })}
            data-testid="case-search"
          />
        </Flex>
      </Card>
      {cases.isError ? (
        <LoadError title="案件加载失败" error={cases.error} onRetry={() => cases.refetch()} />
      ) : isNarrow ? (
        <CaseCards
          rows={cases.data?.cases ?? []}
          total={cases.data?.total ?? 0}
          page={query.page ?? 1}
          loading={cases.isPending || cases.isFetching}
          onPage={(page) => set({ page })}
        />
      ) : (
        <Card variant="borderless" styles={{ body: { padding: 0 } }}>
          <CaseTable
            rows={cases.data?.cases ?? []}
            total={cases.data?.total ?? 0}
            page={query.page ?? 1}
            loading={cases.isPending || cases.isFetching}
            onPage={(page) => set({ page })}
          />
        </Card>
      )}
    </>
  );
}

/** Route `/cases`. */
export function CasesPage() {
  return (
    <RequireSession anyOf={['cases.read']}>
      <Workbench />
    </RequireSession>
  );
}
