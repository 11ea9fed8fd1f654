/**
 * 审计日志 (`/admin/audit`, security auditor): search by actor, action, target and time, page by
 * page, with every record's details and hashes; and 校验哈希链, which recomputes the chains and names
 * the first broken record. The log can only be read: nothing here edits or deletes it. The search
 * lives in the URL, so it survives a reload and can be passed to a colleague.
 */
import { MinusSquareOutlined, PlusSquareOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { AUDIT_ACTION_LABELS, type TAuditRecord, type TAuditVerifyResponse } from '@contracts/audit.js';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Row,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ADMIN_SECTIONS } from '../../components/admin-sections.js';
import { DateTimeField } from '../../components/date-field.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError } from '../../components/query-feedback.js';
import { ServerErrorAlert, serverErrorOf } from '../../components/server-errors.js';
import { useAuditSearch, useVerifyAudit } from '../../hooks/use-admin.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useSession } from '../../hooks/use-session.js';
import { describeAuditDetails } from '../../lib/audit-details.js';
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
  label: option.label,
  search: `${option.value} ${option.label}`,
}));

/** The kinds of objects offered in the 对象类型 filter, by their Chinese names (TARGET_TYPE_LABELS below). */
const TARGET_TYPES = [
  'user',
  'session',
  'role-grant',
  'officer',
  'organisation',
  'powerlist-version',
  'legal-registry',
  'audit-log',
  'admin-invitation',
];

interface SearchForm {
  changesOnly?: boolean;
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
    action: filter.action ?? undefined,
    targetType: filter.targetType ?? undefined,
    targetId: filter.targetId ?? '',
    requestId: filter.requestId ?? '',
    from: filter.from ? isoToBeijingLocal(filter.from) : '',
    to: filter.to ? isoToBeijingLocal(filter.to) : '',
    changesOnly: filter.changesOnly === 'true',
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
    changesOnly: values.changesOnly ? 'true' : null,
    page: 1,
    pageSize,
  };
}

function SearchPanel({
  filter,
  onSearch,
  actorOptions,
}: {
  filter: AuditFilter;
  onSearch: (next: AuditFilter) => void;
  /** people seen in the current results, offered in the person filter */
  actorOptions: readonly string[];
}) {
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
          <Form.Item name="actor" label="操作人" tooltip="用户名、操作时记录的姓名（须完全一致）或账号编号；也可点击表格中的姓名">
            <AutoComplete
              allowClear
              options={actorOptions.map((name) => ({ value: name }))}
              placeholder="用户名、姓名或账号编号"
              data-testid="audit-actor-filter"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="action" label="操作类型" tooltip="可选一类操作（如“登录与会话（全部）”）或一种操作；可输入文字查找">
            <Select
              allowClear
              options={ACTION_OPTIONS}
              placeholder="全部操作"
              showSearch={{
                filterOption: (input, option) => (option?.search ?? '').toLowerCase().includes(input.toLowerCase()),
              }}
              popupMatchSelectWidth={320}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={3} style={advanced}>
          <Form.Item name="targetType" label="对象类型">
            <Select
              allowClear
              options={TARGET_TYPES.map((value) => ({ value, label: TARGET_TYPE_LABELS[value] ?? '其他对象' }))}
              placeholder="全部对象"
            />
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
            <DateTimeField />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} style={advanced}>
          <Form.Item name="to" label="截止时间（不含）">
            <DateTimeField />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} style={advanced}>
          <Form.Item name="requestId" label="请求编号">
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Form.Item
            name="changesOnly"
            label="只看变更"
            valuePropName="checked"
            tooltip="不显示登录、查阅、查询和校验，只显示改变了数据的操作"
          >
            <Switch data-testid="audit-changes-only" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={6}>
          <Form.Item label={isNarrow ? undefined : ' '} colon={false}>
            <Space wrap>
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
  const fields = describeAuditDetails(record.details);
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }} data-testid="audit-details">
      {fields.map((field) => (
        <Descriptions.Item key={field.key} label={field.label}>
          <span style={{ wordBreak: 'break-all' }}>{field.value}</span>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="来源地址">{record.sourceIp ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="技术信息">
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'raw',
              label: '记录编号、哈希与原始内容',
              children: (
                <Descriptions size="small" column={1} styles={{ label: { width: 96 } }}>
                  <Descriptions.Item label="记录编号">{record.id}</Descriptions.Item>
                  <Descriptions.Item label="操作代码">{record.action}</Descriptions.Item>
                  <Descriptions.Item label="操作人编号">{record.actorId ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="请求编号">{record.requestId ?? '—'}</Descriptions.Item>
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
                  <Descriptions.Item label="原始内容">
                    <pre className="qz-json">{JSON.stringify(record.details, null, 2)}</pre>
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
          ]}
        />
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Chinese names of the kinds of objects records act on. */
const TARGET_TYPE_LABELS: Readonly<Record<string, string>> = {
  user: '账号',
  session: '会话',
  'role-grant': '角色授权',
  officer: '执法人员',
  'officer-conflict': '利害关系申报',
  organisation: '机构',
  powerlist: '权责清单',
  'powerlist-version': '清单版本',
  'legal-registry': '法律依据库',
  'audit-log': '审计日志',
  endpoint: '接口',
  'setup-token': '初始化链接',
  'admin-invitation': '管理员邀请',
  case: '案件',
};

function TargetCell({ record }: { record: TAuditRecord }) {
  const kind = TARGET_TYPE_LABELS[record.targetType] ?? '其他对象';
  return (
    <div style={{ fontSize: 13 }} data-testid="audit-target">
      {record.targetName ? (
        <>
          <div>{record.targetName}</div>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {kind}
          </Text>
        </>
      ) : (
        <div>{kind}</div>
      )}
    </div>
  );
}

function columnsOf(onActor: (name: string) => void): TableColumnsType<TAuditRecord> {
  return [
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
      render: (name: string) => (
        <Typography.Link onClick={() => onActor(name)} data-testid="audit-actor" title="只看此人的记录">
          {name}
        </Typography.Link>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 210,
      render: (action: string) => <span>{LABELS[action] ?? '其他操作'}</span>,
    },
    {
      title: '对象',
      key: 'target',
      responsive: ['md'],
      render: (_value, record) => <TargetCell record={record} />,
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
}

/** Phones: when and who in one column, what in the other. */
function narrowColumnsOf(onActor: (name: string) => void): TableColumnsType<TAuditRecord> {
  return [
    {
      title: '时间 / 操作人',
      dataIndex: 'at',
      render: (at: string, record) => (
        <div>
          <div style={{ fontVariantNumeric: 'tabular-nums', fontSize: 13 }}>{formatBeijingSeconds(at)}</div>
          <Typography.Link style={{ fontSize: 13 }} onClick={() => onActor(record.actorName)} data-testid="audit-actor">
            {record.actorName}
          </Typography.Link>
        </div>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      render: (action: string, record) => (
        <div>
          <div>{LABELS[action] ?? '其他操作'}</div>
          {record.targetName && (
            <Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {record.targetName}
            </Text>
          )}
        </div>
      ),
    },
  ];
}

/** The audit page. */
export function AuditPage() {
  useDocumentTitle('审计日志');
  const [search, setSearch] = useSearchParams();
  const filter = auditFilterFromSearch(search);
  const records = useAuditSearch(auditQueryOf(filter));
  const go = (next: AuditFilter) => setSearch(auditFilterToSearch(next));
  const isNarrow = Grid.useBreakpoint().md === false;
  const byActor = (name: string) => go({ ...filter, actor: name, page: 1 });
  const actorOptions = [...new Set((records.data?.records ?? []).map((record) => record.actorName))];

  return (
    <>
      <PageHeading
        title={SECTION?.label ?? '审计日志'}
        audience={SECTION?.audience}
        description="审计日志只能查阅，不能修改或删除；查询和校验本身也会记入日志。时间均为北京时间。"
      />
      <VerifyCard org={filter.org} />
      <Card variant="borderless">
        <SearchPanel filter={filter} onSearch={go} actorOptions={actorOptions} />
        {records.isError ? (
          <LoadError error={records.error} onRetry={() => records.refetch()} />
        ) : (
          <Table<TAuditRecord>
            rowKey="id"
            size="small"
            loading={records.isFetching}
            columns={isNarrow ? narrowColumnsOf(byActor) : columnsOf(byActor)}
            dataSource={records.data?.records ?? []}
            expandable={{
              expandedRowRender: (record) => <RecordDetails record={record} />,
              // A 32 px button instead of antd's 17 px square: a finger can hit it on a phone.
              expandIcon: ({ expanded, onExpand, record }) => (
                <Button
                  type="text"
                  size="small"
                  className="qz-expand-button"
                  aria-label={expanded ? '收起详情' : '展开详情'}
                  aria-expanded={expanded}
                  icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
                  onClick={(event) => onExpand(record, event)}
                  style={{ width: 32, height: 32 }}
                  data-testid="audit-expand"
                />
              ),
            }}
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
