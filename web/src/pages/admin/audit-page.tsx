/**
 * 审计日志 (`/admin/audit`, security auditor): search by actor, action, target and time, page by
 * page, with every record's details and hashes; and 校验哈希链, which recomputes the chains and names
 * the first broken record. The log can only be read: nothing here edits or deletes it. The search
 * lives in the URL, so it survives a reload and can be passed to a colleague.
 */
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { AUDIT_ACTION_LABELS, type TAuditRecord, type TAuditVerifyResponse } from '@contracts/audit.js';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ADMIN_SECTIONS } from '../../components/admin-sections.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError } from '../../components/query-feedback.js';
import { ServerErrorAlert, serverErrorOf } from '../../components/server-errors.js';
import { useAuditSearch, useVerifyAudit } from '../../hooks/use-admin.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useSession } from '../../hooks/use-session.js';
import {
  AUDIT_PAGE_SIZES,
  type AuditFilter,
  auditFilterFromSearch,
  auditFilterToSearch,
  auditQueryOf,
  describeVerdict,
} from '../../lib/audit-search.js';
import { beijingLocalToIso, formatBeijingSeconds, isoToBeijingLocal } from '../../lib/beijing-time.js';

const { Text } = Typography;
const SECTION = ADMIN_SECTIONS[2];
const LABELS: Readonly<Record<string, string>> = AUDIT_ACTION_LABELS;

/** Action families: a prefix matches every action of the family. */
const ACTION_FAMILIES = [
  { value: 'session.', label: '登录与会话（全部）' },
  { value: 'user.', label: '用户账号（全部）' },
  { value: 'role.', label: '角色授权（全部）' },
  { value: 'officer.', label: '执法人员（全部）' },
  { value: 'audit.', label: '审计日志的查阅与校验（全部）' },
  { value: 'legal-registry.', label: '法律依据库（全部）' },
];

const ACTION_OPTIONS = [...ACTION_FAMILIES, ...Object.entries(LABELS).map(([value, label]) => ({ value, label }))].map((option) => ({
  value: option.value,
  label: (
    <Flex justify="space-between" gap={8}>
      <span>{option.label}</span>
      <Text type="secondary" style={{ fontSize: 12 }}>
        {option.value}
      </Text>
    </Flex>
  ),
  search: `${option.value} ${option.label}`,
}));

const TARGET_TYPE_OPTIONS = [
  'user',
  'session',
  'role-grant',
  'officer',
  'organisation',
  'powerlist',
  'legal-registry',
  'audit-log',
  'endpoint',
].map((value) => ({ value }));

interface SearchForm {
  org?: string;
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  requestId?: string;
  from?: string;
  to?: string;
}

function formValuesOf(filter: AuditFilter): SearchForm {
  return {
    org: filter.org ?? undefined,
    actor: filter.actor ?? '',
    action: filter.action ?? '',
    targetType: filter.targetType ?? '',
    targetId: filter.targetId ?? '',
    requestId: filter.requestId ?? '',
    from: filter.from ? isoToBeijingLocal(filter.from) : '',
    to: filter.to ? isoToBeijingLocal(filter.to) : '',
  };
}

function filterOf(values: SearchForm, pageSize: number): AuditFilter {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    org: values.org ?? null,
    actor: text(values.actor),
    action: text(values.action),
    targetType: text(values.targetType),
    targetId: text(values.targetId),
    requestId: text(values.requestId),
    from: values.from ? beijingLocalToIso(values.from) : null,
    to: values.to ? beijingLocalToIso(values.to) : null,
    page: 1,
    pageSize,
  };
}

function SearchPanel({ filter, onSearch }: { filter: AuditFilter; onSearch: (next: AuditFilter) => void }) {
  const [form] = Form.useForm<SearchForm>();
  const isNarrow = Grid.useBreakpoint().md === false;
  const hasAdvanced = [filter.targetType, filter.targetId, filter.org, filter.from, filter.to, filter.requestId].some(
    (value) => value !== null,
  );
  const [showMore, setShowMore] = useState(hasAdvanced);
  // On phones the less used conditions fold away; their values stay in the form.
  const advanced = isNarrow && !showMore ? { display: 'none' } : undefined;
  useEffect(() => {
    form.setFieldsValue(formValuesOf(filter));
  }, [filter, form]);
  return (
    <Form<SearchForm>
      form={form}
      layout="vertical"
      onFinish={(values) => onSearch(filterOf(values, filter.pageSize))}
      data-testid="audit-search"
    >
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="actor" label="操作人" tooltip="用户名、操作时记录的姓名（须完全一致）或账号编号">
            <Input allowClear placeholder="用户名、姓名或账号编号" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="action" label="操作类型" tooltip="可输入前缀，如 session. 匹配全部登录与会话记录">
            <AutoComplete
              allowClear
              options={ACTION_OPTIONS}
              placeholder="如 user.create 或 session."
              showSearch={{
                filterOption: (input, option) => (option?.search ?? '').toLowerCase().includes(input.toLowerCase()),
              }}
              popupMatchSelectWidth={320}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={3} style={advanced}>
          <Form.Item name="targetType" label="对象类型">
            <AutoComplete allowClear options={TARGET_TYPE_OPTIONS} placeholder="如 user" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={3} style={advanced}>
          <Form.Item name="targetId" label="对象编号">
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} style={advanced}>
          <Form.Item name="org" label="机构">
            <OrgSelect allowClear placeholder="授权范围内全部机构" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} style={advanced}>
          <Form.Item name="from" label="起始时间（北京时间）">
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} style={advanced}>
          <Form.Item name="to" label="截止时间（不含）">
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} style={advanced}>
          <Form.Item name="requestId" label="请求编号">
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} lg={6}>
          <Form.Item label={isNarrow ? undefined : ' '} colon={false}>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search-submit">
                查询
              </Button>
              <Button onClick={() => onSearch(filterOf({}, filter.pageSize))}>重置</Button>
              {isNarrow && (
                <Button type="link" onClick={() => setShowMore(!showMore)}>
                  {showMore ? '收起条件' : '更多条件'}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

function VerifyResult({ result }: { result: TAuditVerifyResponse }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', marginTop: 12 }} data-testid="verify-result" data-ok={String(result.ok)}>
      <Text type="secondary" style={{ fontSize: 12 }}>
        校验时间：{formatBeijingSeconds(result.verifiedAt)}（北京时间） · 共 {result.chains.length} 条哈希链
      </Text>
      {result.chains.map((chain) => {
        const view = describeVerdict(chain);
        return (
          <Alert
            key={chain.organisation.code}
            type={view.type}
            showIcon
            title={view.title}
            data-testid="verdict"
            description={
              <div>
                {view.lines.map((line) => (
                  <div key={line}>{line}</div>
                ))}
                {chain.head && (
                  <Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    链头：第 {chain.head.seq} 条 · {chain.head.hash}
                  </Text>
                )}
              </div>
            }
          />
        );
      })}
    </Space>
  );
}

function VerifyCard({ org }: { org: string | null }) {
  const verify = useVerifyAudit();
  const { can } = useSession();
  if (!can('audit.verify')) return null;
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div style={{ flex: '1 1 320px' }}>
          <Text strong>哈希链完整性校验</Text>
          <div>
            <Text type="secondary" style={{ fontSize: 13 }}>
              重新计算每条记录的哈希并与链上登记比对，记录被改动、删除或调换顺序时，指出第一条断开的记录。
            </Text>
          </div>
        </div>
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => verify.mutate(org)}
          loading={verify.isPending}
          data-testid="verify-chain"
        >
          校验哈希链
        </Button>
      </Flex>
      {verify.isError && (
        <div style={{ marginTop: 12 }}>
          <ServerErrorAlert error={serverErrorOf(verify.error)} title="校验未能完成" />
        </div>
      )}
      {verify.data && <VerifyResult result={verify.data} />}
    </Card>
  );
}

function RecordDetails({ record }: { record: TAuditRecord }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 96 } }}>
      <Descriptions.Item label="记录编号">{record.id}</Descriptions.Item>
      <Descriptions.Item label="操作人编号">{record.actorId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="请求编号">{record.requestId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="来源地址">{record.sourceIp ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="详情">
        <pre className="qz-json">{JSON.stringify(record.details, null, 2)}</pre>
      </Descriptions.Item>
      <Descriptions.Item label={`哈希（${record.alg.toUpperCase()}）`}>
        <Text code style={{ wordBreak: 'break-all' }}>
          {record.hash}
        </Text>
      </Descriptions.Item>
      <Descriptions.Item label="前一条哈希">
        <Text code style={{ wordBreak: 'break-all' }}>
          {record.prevHash}
        </Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

const COLUMNS: TableColumnsType<TAuditRecord> = [
  {
    title: '时间',
    dataIndex: 'at',
    width: 168,
    render: (at: string) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatBeijingSeconds(at)}</span>,
  },
  {
    title: '操作人',
    dataIndex: 'actorName',
    width: 140,
    render: (name: string) => <span data-testid="audit-actor">{name}</span>,
  },
  {
    title: '操作',
    dataIndex: 'action',
    width: 210,
    render: (action: string) => (
      <div>
        <div>{LABELS[action] ?? action}</div>
        <Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {action}
        </Text>
      </div>
    ),
  },
  {
    title: '对象',
    key: 'target',
    responsive: ['md'],
    render: (_value, record) => (
      <div style={{ fontSize: 13 }}>
        <div>{record.targetType}</div>
        {record.targetId && (
          <Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {record.targetId}
          </Text>
        )}
      </div>
    ),
  },
  { title: '机构', dataIndex: ['organisation', 'name'], responsive: ['xl'], width: 140 },
  {
    title: '序号',
    dataIndex: 'seq',
    width: 70,
    align: 'right',
    responsive: ['lg'],
    render: (seq: number) => <Text type="secondary">#{seq}</Text>,
  },
];

/** Phones: when and who in one column, what in the other. */
const NARROW_COLUMNS: TableColumnsType<TAuditRecord> = [
  {
    title: '时间 / 操作人',
    dataIndex: 'at',
    render: (at: string, record) => (
      <div>
        <div style={{ fontVariantNumeric: 'tabular-nums', fontSize: 13 }}>{formatBeijingSeconds(at)}</div>
        <Text type="secondary" style={{ fontSize: 13 }} data-testid="audit-actor">
          {record.actorName}
        </Text>
      </div>
    ),
  },
  {
    title: '操作',
    dataIndex: 'action',
    render: (action: string) => (
      <div>
        <div>{LABELS[action] ?? action}</div>
        <Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
          {action}
        </Text>
      </div>
    ),
  },
];

/** The audit page. */
export function AuditPage() {
  useDocumentTitle('审计日志');
  const [search, setSearch] = useSearchParams();
  const filter = auditFilterFromSearch(search);
  const records = useAuditSearch(auditQueryOf(filter));
  const go = (next: AuditFilter) => setSearch(auditFilterToSearch(next));
  const isNarrow = Grid.useBreakpoint().md === false;

  return (
    <>
      <PageHeading
        title={SECTION?.label ?? '审计日志'}
        audience={SECTION?.audience}
        description="审计日志只能查阅，不能修改或删除；查询和校验本身也会记入日志。时间均为北京时间。"
      />
      <VerifyCard org={filter.org} />
      <Card variant="borderless">
        <SearchPanel filter={filter} onSearch={go} />
        {records.isError ? (
          <LoadError error={records.error} onRetry={() => records.refetch()} />
        ) : (
          <Table<TAuditRecord>
            rowKey="id"
            size="small"
            loading={records.isFetching}
            columns={isNarrow ? NARROW_COLUMNS : COLUMNS}
            dataSource={records.data?.records ?? []}
            expandable={{ expandedRowRender: (record) => <RecordDetails record={record} /> }}
            locale={{ emptyText: '没有符合条件的记录' }}
            onRow={(record) => ({ 'data-testid': 'audit-row', 'data-action': record.action }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: records.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: AUDIT_PAGE_SIZES.map(String),
              showTotal: (total) => `共 ${total} 条`,
              onChange: (page, pageSize) => go({ ...filter, page: pageSize === filter.pageSize ? page : 1, pageSize }),
            }}
          />
        )}
      </Card>
    </>
  );
}
