/**
 * 案件: one case — its number, item and the list version it runs under, where it is among the
 * procedure's steps, the next step's form, deadlines with how they were counted, supervision
 * findings quoting the list's clauses, parties, officers and their certificates, linked cases and
 * the timeline of everything done.
 */
import { HistoryOutlined, LinkOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import type { TCase, TCaseDeadline, TCaseFinding, TProcedure } from '@contracts/cases.js';
import { shanghaiDateOf } from '@contracts/shanghai-time.js';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Grid,
  List,
  Modal,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { problemCode } from '../../api/cases-api.js';
import { ApiError } from '../../api/http.js';
import { NextStep } from '../../components/cases/action-form.js';
import { CaseStatusTag, ClauseText, DeadlineBadge, DeadlineExplanation } from '../../components/cases/case-bits.js';
import { DeadlineAdjustDialog, type DeadlineAdjustment } from '../../components/cases/deadline-adjust-dialog.js';
import { asFactsSchema, type FactsSchema } from '../../components/cases/facts-form.js';
import { CategoryTag } from '../../components/category-tag.js';
import { LoadError, PageLoading } from '../../components/query-feedback.js';
import { RequireSession } from '../../components/require-session.js';
import { useOfficers } from '../../hooks/use-admin.js';
import { useAssignOfficers, useCase, useCases, useLinkCase } from '../../hooks/use-cases.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useProcedure, useProcedures } from '../../hooks/use-procedures.js';
import { citationMarker } from '../../lib/citation-notice.js';
import { formatDate, formatDateTime } from '../../lib/format-date.js';
import { officerOption } from './new-case-page.js';

const { Text, Title, Paragraph } = Typography;

const FIELD_LABELS = { legalBases: '实施依据', dutyBases: '责任事项依据', accountabilityBases: '追责依据' } as const;

function Section({ id, title, extra, children }: { id: string; title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card id={id} title={title} extra={extra} variant="borderless" style={{ marginBottom: 16 }} data-testid={`case-${id}`}>
      {children}
    </Card>
  );
}

// ---- facts as people read them ---------------------------------------------------------------

/** Field titles of every form of the procedure, so recorded facts show under their Chinese names. */
function useFieldTitles(procedure: TProcedure | undefined): Map<string, FactsSchema> {
  return useMemo(() => {
    const fields = new Map<string, FactsSchema>();
    const collect = (schema: FactsSchema) => {
      for (const [name, field] of Object.entries(schema.properties ?? {})) if (!fields.has(name)) fields.set(name, field);
    };
    if (!procedure) return fields;
    collect(asFactsSchema(procedure.openingFactsSchema));
    for (const step of procedure.steps) for (const action of step.actions) collect(asFactsSchema(action.factsSchema));
    return fields;
  }, [procedure]);
}

function factValue(value: unknown, field: FactsSchema | undefined, procedure: TProcedure | undefined): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field?.format === 'date-time' && typeof value === 'string') return formatDateTime(value);
  if (typeof value === 'number' && field?.title?.includes('依据')) {
    return procedure?.legalBases.find((basis) => basis.index === value)?.label ?? `第${value + 1}项依据`;
  }
  if (Array.isArray(value)) {
    if (value.every((entry) => typeof entry !== 'object')) return value.join('、');
    const itemFields = field?.items?.properties ?? {};
    return (
      <ol style={{ margin: 0, paddingLeft: 18 }}>
        {value.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: recorded rows have no identity of their own
          <li key={index}>
            {Object.entries(entry as Record<string, unknown>)
              .map(([key, part]) => `${itemFields[key]?.title ?? key}：${typeof part === 'boolean' ? (part ? '是' : '否') : String(part)}`)
              .join('；')}
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return <span className="qz-prose">{String(value)}</span>;
}

function FactsList({
  facts,
  titles,
  procedure,
}: {
  facts: Record<string, unknown>;
  titles: Map<string, FactsSchema>;
  procedure: TProcedure | undefined;
}) {
  const entries = Object.entries(facts);
  if (entries.length === 0) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      styles={{ label: { width: 140, color: 'rgba(0,0,0,0.55)' } }}
      items={entries.map(([key, value]) => ({
        key,
        label: titles.get(key)?.title ?? key,
        children: factValue(value, titles.get(key), procedure),
      }))}
    />
  );
}

// ---- sections --------------------------------------------------------------------------------

function Header({ kase }: { kase: TCase }) {
  const { listVersion } = kase;
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }}>
      <Space size={8} wrap style={{ marginBottom: 6 }}>
        <CategoryTag category={kase.item.category} />
        <CaseStatusTag status={kase.status} outcome={kase.outcome} />
        {kase.findings.length > 0 && (
          <a href="#findings">
            <Tag color="orange" icon={<WarningOutlined />}>
              监察发现 {kase.findings.length} 条
            </Tag>
          </a>
        )}
      </Space>
      <Title level={3} style={{ margin: '0 0 4px' }} data-testid="case-number">
        {kase.number}
      </Title>
      <Paragraph style={{ margin: 0 }}>
        <Link to={`/items/${kase.item.no}`}>
          第{kase.item.no}项 {kase.item.name}
        </Link>
        <Text type="secondary">
          {' '}
          · 按“{kase.template.title}”办理（<Link to={`/procedures/${kase.item.no}`}>办理程序</Link>）
        </Text>
      </Paragraph>
      <Text type="secondary" style={{ fontSize: 13 }} data-testid="list-version">
        依据第{listVersion.no}版权责清单办理
        {listVersion.isCurrent ? '（现行版本）' : ''} · {kase.organisation.name} · {kase.openedBy}于{formatDate(kase.openedAt)}创建
        {kase.closedAt ? ` · ${formatDate(kase.closedAt)}办结` : ''}
      </Text>
      {!listVersion.isCurrent && listVersion.currentNo !== null && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={`清单已更新至第${listVersion.currentNo}版；本案创建时适用第${listVersion.no}版，继续按第${listVersion.no}版办理。`}
          action={<Link to={`/items/${kase.item.no}?version=${listVersion.no}`}>查看第{listVersion.no}版事项</Link>}
          data-testid="newer-list"
        />
      )}
      {kase.citationNotices.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          icon={<HistoryOutlined />}
          title={`本事项引用的法律依据中有 ${kase.citationNotices.length} 条已修订、废止或无法核对，办理时请以现行版本为准。`}
          description={
            <Collapse
              ghost
              size="small"
              style={{ marginInline: -16 }}
              items={[
                {
                  key: 'notices',
                  label: '查看各条依据的现行版本',
                  children: (
                    <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="citation-notices">
                      {kase.citationNotices.map((notice) => {
                        const marker = citationMarker(notice);
                        return (
                          <li key={`${notice.field}-${notice.entry}-${notice.kind}`}>
                            {FIELD_LABELS[notice.field]}：
                            {notice.cited.title.startsWith('《') ? notice.cited.title : `《${notice.cited.title}》`}
                            <Tag color={marker.tag.colour} style={{ marginInlineStart: 6 }}>
                              {marker.tag.label}
                            </Tag>
                            {marker.lines.map((line) => (
                              <div key={line} style={{ fontSize: 13 }}>
                                {line}
                              </div>
                            ))}
                          </li>
                        );
                      })}
                    </ul>
                  ),
                },
              ]}
            />
          }
        />
      )}
    </Card>
  );
}

function StepsBar({ kase, isNarrow }: { kase: TCase; isNarrow: boolean }) {
  const doneCount = kase.steps.filter((step) => step.state === 'done' || step.state === 'skipped').length;
  const currentIndex = kase.steps.findIndex((step) => step.state === 'current');
  const status = (state: TCase['steps'][number]['state']) => (state === 'done' ? 'finish' : state === 'current' ? 'process' : 'wait');
  if (isNarrow) {
    return (
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }} data-testid="case-steps">
        <Flex justify="space-between" align="baseline">
          <Text strong>{kase.status === 'closed' ? '已办结' : `当前环节：${kase.step?.name ?? '—'}`}</Text>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {kase.status === 'closed' ? `共 ${kase.steps.length} 个环节` : `第 ${currentIndex + 1} / ${kase.steps.length} 个环节`}
          </Text>
        </Flex>
        <Progress
          percent={kase.status === 'closed' ? 100 : Math.round((doneCount / Math.max(1, kase.steps.length)) * 100)}
          showInfo={false}
          size="small"
        />
        <Text type="secondary" style={{ fontSize: 12 }}>
          {kase.steps
            .map((step) => (step.state === 'current' ? `【${step.name}】` : step.state === 'skipped' ? `(${step.name})` : step.name))
            .join(' → ')}
        </Text>
      </Card>
    );
  }
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="case-steps">
      <Steps
        size="small"
        current={currentIndex < 0 ? kase.steps.length : currentIndex}
        items={kase.steps.map((step) => ({
          key: step.id,
          title:
            step.state === 'skipped' ? (
              <Text type="secondary" delete>
                {step.name}
              </Text>
            ) : (
              step.name
            ),
          status: status(step.state),
          description: step.state === 'skipped' ? '未经过' : undefined,
        }))}
      />
    </Card>
  );
}

/** A day, or an instant as its Asia/Shanghai day (`2026-11-19T15:00:00Z` → 2026-11-19). */
function shanghaiDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : shanghaiDateOf(new Date(time));
}

function DeadlinesSection({ kase }: { kase: TCase }) {
  const [adjusting, setAdjusting] = useState<{ deadline: TCaseDeadline; kind: DeadlineAdjustment } | null>(null);
  if (kase.deadlines.length === 0) {
    return (
      <Section id="deadlines" title="办理期限">
        <Text type="secondary">当前没有计时中的期限。</Text>
      </Section>
    );
  }
  const { extendDeadlines, suspendDeadlines } = kase.permissions;
  return (
    <Section id="deadlines" title="办理期限">
      <Collapse
        size="small"
        ghost
        style={{ marginInline: -12 }}
        items={kase.deadlines.map((deadline) => ({
          key: deadline.id,
          label: (
            <Flex justify="space-between" gap={8} wrap data-testid="deadline-row" data-deadline={deadline.id}>
              <span>
                <Text strong>{deadline.label}</Text>
                <Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  自 {shanghaiDay(deadline.from)} 起{deadline.due ? `，${deadline.due} 到期` : ''}
                </Text>
              </span>
              <DeadlineBadge deadline={deadline} />
            </Flex>
          ),
          children: (
            <>
              <DeadlineExplanation deadline={deadline} />
              {deadline.state === 'running' && (extendDeadlines || suspendDeadlines) && (
                <Space size={8} wrap style={{ marginTop: 8 }}>
                  {extendDeadlines && (
                    <Button size="small" onClick={() => setAdjusting({ deadline, kind: 'extension' })} data-testid="extend-deadline">
                      延长期限
                    </Button>
                  )}
                  {suspendDeadlines && (
                    <Button size="small" onClick={() => setAdjusting({ deadline, kind: 'suspension' })} data-testid="suspend-deadline">
                      中止计算
                    </Button>
                  )}
                </Space>
              )}
            </>
          ),
        }))}
      />
      <Text type="secondary" style={{ fontSize: 12 }}>
        点击各期限可查看计算过程：哪些日期计入、哪些因周末、法定节假日或中止而不计入。
      </Text>
      {adjusting && (
        <DeadlineAdjustDialog kase={kase} deadline={adjusting.deadline} kind={adjusting.kind} onClose={() => setAdjusting(null)} />
      )}
    </Section>
  );
}

function FindingItem({ finding }: { finding: TCaseFinding }) {
  return (
    <List.Item data-testid="finding" data-rule={finding.rule}>
      <div style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Tag color={finding.severity === 'violation' ? 'red' : 'orange'}>{finding.severity === 'violation' ? '违规' : '提示'}</Tag>
          <Text strong>{finding.title}</Text>
        </Space>
        <div style={{ margin: '4px 0' }}>{finding.message}</div>
        <div style={{ fontSize: 13 }}>
          <ClauseText clause={finding.clause} gap={finding.gap} />
        </div>
        {finding.overrideReason && (
          <div style={{ fontSize: 13 }}>
            <Text type="secondary">继续办理的理由：</Text>
            {finding.overrideReason}
          </div>
        )}
        <Text type="secondary" style={{ fontSize: 12 }}>
          {finding.stepName ? `${finding.stepName} · ` : ''}
          {formatDateTime(finding.at)} · {finding.actorName}
        </Text>
      </div>
    </List.Item>
  );
}

function FindingsSection({ kase }: { kase: TCase }) {
  return (
    <Section
      id="findings"
      title="监察发现"
      extra={kase.findings.length > 0 ? <Tag color="orange">{kase.findings.length} 条</Tag> : undefined}
    >
      {kase.findings.length === 0 ? (
        <Text type="secondary">办理过程未发现违反追责情形的行为。</Text>
      ) : (
        <List size="small" dataSource={kase.findings} renderItem={(finding) => <FindingItem finding={finding} />} />
      )}
    </Section>
  );
}

function PartiesSection({ kase }: { kase: TCase }) {
  return (
    <Section id="parties" title="当事人">
      {kase.parties.length === 0 ? (
        <Text type="secondary">无当事人。</Text>
      ) : (
        <List
          size="small"
          dataSource={kase.parties}
          renderItem={(party) => (
            <List.Item>
              <div>
                <div>
                  {party.name} <Tag>{party.kind === 'organisation' ? '单位' : '个人'}</Tag>
                </div>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {party.kind === 'organisation' ? `统一社会信用代码 ${party.creditCode}` : `居民身份证号码 ${party.idNumber}`}
                </Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}

function AssignDialog({ kase, open, onClose }: { kase: TCase; open: boolean; onClose: () => void }) {
  const officers = useOfficers(kase.organisation.code);
  const assign = useAssignOfficers(kase.id);
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>(kase.officers.map((officer) => officer.id));
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title="指派承办执法人员"
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={assign.isPending}
      okButtonProps={{ disabled: chosen.length === 0 }}
      onOk={() => {
        setError(null);
        assign.mutate(
          { expectedVersion: kase.version, officerIds: chosen },
          {
            onSuccess: () => {
              message.success('已更新承办人员');
              onClose();
            },
            onError: (failure) =>
              setError(
                problemCode(failure) === 'stale-version'
                  ? '本案刚刚已被他人更新，请关闭后刷新页面再指派。'
                  : failure instanceof Error
                    ? failure.message
                    : '指派未成功',
              ),
          },
        );
      }}
      destroyOnHidden
    >
      <Paragraph type="secondary">选择本案的全部承办人员。系统会核对执法证是否有效、是否申报了与当事人的利害关系（回避）。</Paragraph>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={chosen}
        onChange={setChosen}
        loading={officers.isPending}
        options={(officers.data?.officers ?? []).map(officerOption)}
        optionFilterProp="label"
        placeholder="选择执法人员"
        data-testid="assign-select"
      />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} data-testid="assign-error" />}
    </Modal>
  );
}

function OfficersSection({ kase }: { kase: TCase }) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      id="officers"
      title="承办执法人员"
      extra={
        kase.permissions.assign && kase.status === 'open' ? (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setOpen(true)} data-testid="assign-officers">
            指派
          </Button>
        ) : undefined
      }
    >
      {kase.officers.length === 0 ? (
        <Text type="secondary">尚未指派执法人员。</Text>
      ) : (
        <List
          size="small"
          dataSource={kase.officers}
          renderItem={(officer) => (
            <List.Item data-testid="case-officer">
              <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                <span>{officer.name}</span>
                {officer.certificateValidToday ? (
                  <Tag color="green">执法证 {officer.certificateNo} 有效</Tag>
                ) : (
                  <Tag color="red">{officer.certificateNo ? `执法证 ${officer.certificateNo} 无效或过期` : '无执法证'}</Tag>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {kase.status === 'open' && kase.officers.filter((officer) => officer.certificateValidToday).length < 2 && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title="持有效执法证的承办人员不足两名，调查取证、现场检查等环节将无法办理。"
        />
      )}
      {open && <AssignDialog kase={kase} open={open} onClose={() => setOpen(false)} />}
    </Section>
  );
}

function LinkDialog({ kase, open, onClose }: { kase: TCase; open: boolean; onClose: () => void }) {
  const [q, setQ] = useState('');
  const candidates = useCases({ status: 'all', q: q || undefined, page: 1, pageSize: 20 }, open);
  const link = useLinkCase(kase.id);
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const linked = new Set([kase.id, ...kase.links.map((l) => l.caseId)]);
  return (
    <Modal
      open={open}
      title="关联来源案件"
      okText="关联"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={link.isPending}
      okButtonProps={{ disabled: chosen === null }}
      onOk={() => {
        if (!chosen) return;
        setError(null);
        link.mutate(
          { expectedVersion: kase.version, otherCaseId: chosen },
          {
            onSuccess: () => {
              message.success('已关联');
              onClose();
            },
            onError: (failure) => setError(failure instanceof Error ? failure.message : '关联未成功'),
          },
        );
      }}
      destroyOnHidden
    >
      <Paragraph type="secondary">
        选择引出本案的案件，例如发现此隐患的保密检查、发现此泄密线索的隐患案件。两案页面都会显示这一关联。
      </Paragraph>
      <Select
        showSearch
        style={{ width: '100%' }}
        placeholder="输入案号、当事人或事项名称查找"
        filterOption={false}
        onSearch={setQ}
        value={chosen ?? undefined}
        onChange={setChosen}
        loading={candidates.isFetching}
        options={(candidates.data?.cases ?? [])
          .filter((row) => !linked.has(row.id))
          .map((row) => ({ value: row.id, label: `${row.number} · 第${row.item.no}项 ${row.item.name}` }))}
        data-testid="link-select"
      />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Modal>
  );
}

/** The kinds of case a finding of this one may open: an inspection finds hazards and leaks, a hazard a leak. */
const FOLLOW_UPS: Record<string, { templateId: string; label: string }[]> = {
  'secrecy-inspection': [
    { templateId: 'hazard-coercion', label: '新建泄密隐患案件' },
    { templateId: 'leak-investigation', label: '新建泄密案件' },
  ],
  'hazard-coercion': [{ templateId: 'leak-investigation', label: '新建泄密案件' }],
};

function LinksSection({ kase }: { kase: TCase }) {
  const [open, setOpen] = useState(false);
  const procedures = useProcedures();
  const followUps = kase.permissions.open && kase.status === 'open' ? (FOLLOW_UPS[kase.template.id] ?? []) : [];
  const itemOf = (templateId: string) => procedures.data?.procedures.find((p) => p.template?.id === templateId)?.item.no;
  return (
    <Section
      id="links"
      title="关联案件"
      extra={
        <Space size={6} wrap>
          {followUps.map((followUp) => {
            const itemNo = itemOf(followUp.templateId);
            return itemNo ? (
              <Link
                key={followUp.templateId}
                to={`/cases/new?item=${itemNo}&from=${kase.id}`}
                data-testid={`open-follow-up-${followUp.templateId}`}
              >
                <Button size="small">{followUp.label}</Button>
              </Link>
            ) : null;
          })}
          {kase.permissions.link && (
            <Button size="small" icon={<LinkOutlined />} onClick={() => setOpen(true)} data-testid="link-case">
              关联
            </Button>
          )}
        </Space>
      }
    >
      {kase.links.length === 0 ? (
        <Text type="secondary">没有关联案件。</Text>
      ) : (
        <List
          size="small"
          dataSource={kase.links}
          renderItem={(link) => (
            <List.Item data-testid="case-link-row">
              <div>
                <Space size={6} wrap>
                  <Tag color={link.direction === 'to' ? 'blue' : 'purple'}>{link.direction === 'to' ? '来源案件' : '由本案引出'}</Tag>
                  <Link to={`/cases/${link.caseId}`}>{link.number}</Link>
                  {link.status === 'closed' && <Tag>已办结</Tag>}
                </Space>
                <Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  第{link.itemNo}项 {link.itemName}
                </Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {open && <LinkDialog kase={kase} open={open} onClose={() => setOpen(false)} />}
    </Section>
  );
}

function TimelineSection({ kase, procedure }: { kase: TCase; procedure: TProcedure | undefined }) {
  const titles = useFieldTitles(procedure);
  const entries = [...kase.timeline].reverse();
  return (
    <Section id="timeline" title="办理记录" extra={<Text type="secondary">最新在前</Text>}>
      {entries.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: entry.seq,
            color: entry.overrideReason ? 'orange' : 'blue',
            content: (
              <div data-testid="timeline-entry">
                <Flex gap={8} wrap align="baseline">
                  <Text strong>{entry.label}</Text>
                  <Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(entry.at)} · {entry.actorName}
                  </Text>
                </Flex>
                {entry.recordedAt.slice(0, 16) !== entry.at.slice(0, 16) &&
                  Date.parse(entry.recordedAt) - Date.parse(entry.at) > 60_000 && (
                    <Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {formatDateTime(entry.recordedAt)} 补录
                    </Text>
                  )}
                {entry.overrideReason && (
                  <div style={{ fontSize: 13 }}>
                    <Text type="warning">说明理由后继续：</Text>
                    {entry.overrideReason}
                  </div>
                )}
                {Object.keys(entry.facts).length > 0 && (
                  <Collapse
                    ghost
                    size="small"
                    style={{ marginInline: -16 }}
                    items={[
                      {
                        key: 'facts',
                        label: <Text type="secondary">查看登记内容</Text>,
                        children: <FactsList facts={entry.facts} titles={titles} procedure={procedure} />,
                      },
                    ]}
                  />
                )}
              </div>
            ),
          }))}
        />
      )}
    </Section>
  );
}

function OpeningFactsSection({ kase, procedure }: { kase: TCase; procedure: TProcedure | undefined }) {
  const titles = useFieldTitles(procedure);
  if (Object.keys(kase.openingFacts).length === 0) return null;
  return (
    <Section id="opening" title="基本信息">
      <FactsList facts={kase.openingFacts} titles={titles} procedure={procedure} />
    </Section>
  );
}

function CaseDetail({ kase, onReload }: { kase: TCase; onReload: () => void }) {
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.lg === false;
  const procedure = useProcedure(kase.item.no);
  useDocumentTitle(kase.number);
  const nextStep = (
    <Section id="next-step" title={kase.status === 'open' ? `下一步：${kase.step?.name ?? ''}` : '办理情况'}>
      {kase.status === 'open' && kase.step?.description && (
        <Paragraph type="secondary" style={{ fontSize: 13 }}>
          {kase.step.description}
        </Paragraph>
      )}
      <NextStep kase={kase} procedure={procedure.data} onReload={onReload} />
    </Section>
  );
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'cases', title: <Link to="/cases">我的案件</Link> },
          { key: 'case', title: kase.number },
        ]}
      />
      <Header kase={kase} />
      <StepsBar kase={kase} isNarrow={isNarrow} />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          {nextStep}
          {isNarrow && <DeadlinesSection kase={kase} />}
          {isNarrow && <FindingsSection kase={kase} />}
          <OpeningFactsSection kase={kase} procedure={procedure.data} />
          <TimelineSection kase={kase} procedure={procedure.data} />
        </Col>
        <Col xs={24} lg={9}>
          {!isNarrow && <DeadlinesSection kase={kase} />}
          {!isNarrow && <FindingsSection kase={kase} />}
          <OfficersSection kase={kase} />
          <PartiesSection kase={kase} />
          <LinksSection kase={kase} />
        </Col>
      </Row>
    </>
  );
}

function CaseView() {
  const params = useParams();
  const id = params.id ?? null;
  const query = useCase(id);
  if (query.isPending) return <PageLoading rows={12} />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result
          status="404"
          title="未找到该案件"
          subTitle="案件不存在，或不属于您可以查看的机构。"
          extra={
            <Button type="primary">
              <Link to="/cases">返回我的案件</Link>
            </Button>
          }
        />
      );
    }
    return <LoadError title="案件加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  return <CaseDetail kase={query.data} onReload={() => void query.refetch()} />;
}

/** Route `/cases/:id`. */
export function CasePage() {
  return (
    <RequireSession anyOf={['cases.read']}>
      <CaseView />
    </RequireSession>
  );
}
