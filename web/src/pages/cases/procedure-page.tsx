/**
 * 办理程序 of one item: the steps its cases run through, each with its actions — who may take them,
 * which supervision rules check them, which documents they need — and the coverage table: each of
 * the item's 追责情形 with the rules that watch it, or 需人工判断 where no rule can.
 */
import { CheckCircleOutlined, EyeOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type TRoleId } from '@contracts/access.js';
import type { TProcedure } from '@contracts/cases.js';
import { Alert, Breadcrumb, Button, Card, Flex, Grid, List, Progress, Result, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/http.js';
import { CategoryTag } from '../../components/category-tag.js';
import { LoadError, PageLoading } from '../../components/query-feedback.js';
import { RequireSession } from '../../components/require-session.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useProcedure } from '../../hooks/use-procedures.js';
import { useSession } from '../../hooks/use-session.js';

const { Text, Title, Paragraph } = Typography;

const SEVERITY: Record<'blocking' | 'overridable' | 'finding', { color: string; label: string }> = {
  blocking: { color: 'red', label: '不满足则不能办理' },
  overridable: { color: 'orange', label: '说明理由后可继续' },
  finding: { color: 'blue', label: '记录为监察发现' },
};

function roleLabel(role: string): string {
  return ROLE_LABELS[role as TRoleId] ?? role;
}

function StepsCard({ procedure }: { procedure: TProcedure }) {
  const stepName = new Map(procedure.steps.map((step) => [step.id, step.name]));
  return (
    <Card title="办理环节" variant="borderless" style={{ marginBottom: 16 }} data-testid="procedure-steps">
      <Paragraph type="secondary" style={{ fontSize: 13 }}>
        按“{procedure.template.title}”办理（{procedure.template.basis}）。标“标准程序”的环节清单未列明，按法定程序补全。
      </Paragraph>
      <Timeline
        items={procedure.steps.map((step, index) => ({
          key: step.id,
          color: step.missingFromList ? 'gray' : 'blue',
          content: (
            <div data-testid="procedure-step">
              <Space size={6} wrap style={{ marginBottom: 4 }}>
                <Text strong>
                  {index + 1}. {step.name}
                </Text>
                {step.dutyNos.filter((no) => no !== null).length > 0 && (
                  <Tag>清单责任事项第{step.dutyNos.filter((no) => no !== null).join('、')}项</Tag>
                )}
                {step.standard && <Tag color="default">标准程序</Tag>}
                {step.needsTwoOfficers && <Tag color="purple">两名以上持证执法人员</Tag>}
              </Space>
              {step.description && (
                <div className="qz-prose" style={{ color: 'rgba(0,0,0,0.65)', marginBottom: 6 }}>
                  {step.description}
                </div>
              )}
              {step.actions.map((action) => (
                <Card key={action.id} size="small" style={{ marginBottom: 8 }} styles={{ body: { padding: '8px 12px' } }}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Text strong>{action.label}</Text>
                    <Text type="secondary" style={{ fontSize: 12 }}>
                      {action.outcome
                        ? `办结：${action.outcome}`
                        : action.to === step.id || action.to === 'same'
                          ? '停留在本环节'
                          : `进入：${stepName.get(action.to) ?? action.to}`}
                    </Text>
                  </Flex>
                  {action.help && <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>{action.help}</div>}
                  <div style={{ fontSize: 13, marginTop: 4 }}>
                    <Text type="secondary">办理人：</Text>
                    {action.roles.map(roleLabel).join('、')}
                  </div>
                  {action.rules.length > 0 && (
                    <div style={{ fontSize: 13, marginTop: 4 }}>
                      <Text type="secondary">监察规则：</Text>
                      <Space size={[4, 4]} wrap>
                        {action.rules.map((rule) => (
                          <Tag key={rule.id} color={SEVERITY[rule.severity].color} title={SEVERITY[rule.severity].label}>
                            {rule.title}
                          </Tag>
                        ))}
                      </Space>
                    </div>
                  )}
                  {action.documents.length > 0 && (
                    <div style={{ fontSize: 13, marginTop: 4 }}>
                      <Text type="secondary">文书：</Text>
                      {action.documents.join('、')}
                    </div>
                  )}
                </Card>
              ))}
            </div>
          ),
        }))}
      />
      <Space size={[12, 4]} wrap style={{ fontSize: 12 }}>
        {Object.values(SEVERITY).map((severity) => (
          <span key={severity.label}>
            <Tag color={severity.color}>规则</Tag>
            {severity.label}
          </span>
        ))}
      </Space>
    </Card>
  );
}

type CoverageRow = TProcedure['coverage']['clauses'][number];

/** The rules that watch one clause, or 需人工判断. */
function CoverageRules({ row }: { row: CoverageRow }) {
  if (row.needsJudgement) {
    return (
      <Tag icon={<EyeOutlined />} color="default">
        需人工判断
      </Tag>
    );
  }
  return (
    <Space size={[4, 4]} wrap>
      {row.rules.map((rule) => (
        <Tag key={rule.id} icon={<CheckCircleOutlined />} color="green">
          {rule.title}
        </Tag>
      ))}
      {row.fallbackRules.map((rule) => (
        <Tag key={rule.id} color="default" title="清单未单列此情形，按“违反法定程序”条款追责">
          {rule.title}（兜底）
        </Tag>
      ))}
    </Space>
  );
}

function CoverageCard({ procedure }: { procedure: TProcedure }) {
  const { coverage } = procedure;
  // Phones get one block per clause: a three-column table would hide the rules off-screen.
  const isNarrow = Grid.useBreakpoint().md === false;
  const percent = coverage.total === 0 ? 0 : Math.round((coverage.covered / coverage.total) * 100);
  return (
    <Card title="追责情形监察覆盖" variant="borderless" style={{ marginBottom: 16 }} data-testid="coverage">
      <Flex align="center" gap={16} wrap style={{ marginBottom: 12 }}>
        <Progress type="circle" size={64} percent={percent} format={() => `${coverage.covered}/${coverage.total}`} />
        <Paragraph style={{ margin: 0, flex: '1 1 260px' }}>
          本事项清单列出 {coverage.total} 条追责情形，其中 <Text strong>{coverage.covered}</Text> 条由系统在办案各环节自动检查；其余
          {coverage.total - coverage.covered} 条需要人工判断。
        </Paragraph>
      </Flex>
      {isNarrow ? (
        <List
          size="small"
          dataSource={coverage.clauses}
          renderItem={(row) => (
            <List.Item data-testid="coverage-row">
              <div style={{ width: '100%' }}>
                <div style={{ marginBottom: 4 }}>
                  <Text type="secondary">{row.no !== null ? `第${row.no}条 ` : ''}</Text>
                  <span className="qz-prose">{row.text}</span>
                </div>
                <CoverageRules row={row} />
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<CoverageRow>
          rowKey={(row) => `${row.no ?? ''}-${row.text}`}
          size="small"
          pagination={false}
          dataSource={coverage.clauses}
          onRow={() => ({ 'data-testid': 'coverage-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '序号', key: 'no', width: 56, render: (_, row) => row.no ?? '—' },
            { title: '追责情形', key: 'text', render: (_, row) => <span className="qz-prose">{row.text}</span> },
            { title: '由哪些规则检查', key: 'rules', width: '42%', render: (_, row) => <CoverageRules row={row} /> },
          ]}
        />
      )}
      {coverage.gaps.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title="清单缺口"
          description={
            <>
              以下监察规则在本事项清单中找不到对应的追责情形，违反时无法援引清单条款：
              {coverage.gaps.map((gap) => gap.title).join('、')}。
            </>
          }
          data-testid="coverage-gaps"
        />
      ) : (
        <Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 13 }}>
          每条监察规则都能在本事项清单中找到对应的追责情形。
        </Text>
      )}
    </Card>
  );
}

function ProcedureDetail({ procedure }: { procedure: TProcedure }) {
  const { can } = useSession();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'list', title: <Link to="/">权责清单</Link> },
          { key: 'item', title: <Link to={`/items/${procedure.item.no}`}>第{procedure.item.no}项</Link> },
          { key: 'procedure', title: '办理程序' },
        ]}
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space size={8} wrap style={{ marginBottom: 8 }}>
          <CategoryTag category={procedure.item.category} />
          <Text type="secondary">第 {procedure.item.no} 项 · 办理程序</Text>
        </Space>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Title level={3} style={{ margin: 0, flex: '1 1 320px' }} data-testid="page-title">
            {procedure.item.name}
          </Title>
          {can('cases.write') && (
            <Button type="primary">
              <Link to={`/cases/new?item=${procedure.item.no}`}>按此事项新建案件</Link>
            </Button>
          )}
        </Flex>
        {procedure.unmappedDuties.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title="清单中以下责任事项未对应到办理环节"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {procedure.unmappedDuties.map((duty) => (
                  <li key={`${duty.no}-${duty.text}`}>
                    {duty.no !== null ? `${duty.no}. ` : ''}
                    {duty.text}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <CoverageCard procedure={procedure} />
      <StepsCard procedure={procedure} />
      {procedure.legalBases.length > 0 && (
        <Card title="可援引的实施依据" variant="borderless" style={{ marginBottom: 16 }}>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {procedure.legalBases.map((basis) => (
              <li key={basis.index}>{basis.label}</li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}

function ProcedureView() {
  const params = useParams();
  const itemNo = /^\d{1,4}$/.test(params.itemNo ?? '') ? Number(params.itemNo) : null;
  const query = useProcedure(itemNo);
  useDocumentTitle(query.data ? `办理程序 · ${query.data.item.name}` : '办理程序');
  const notFound = (
    <Result
      status="404"
      title="未找到该事项的办理程序"
      extra={
        <Button type="primary">
          <Link to="/">返回权责清单</Link>
        </Button>
      }
    />
  );
  if (itemNo === null) return notFound;
  if (query.isPending) return <PageLoading rows={10} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return notFound;
    return <LoadError title="办理程序加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  return <ProcedureDetail procedure={query.data} />;
}

/** Route `/procedures/:itemNo` (signed-in staff who work cases). */
export function ProcedurePage() {
  return (
    <RequireSession anyOf={['cases.read']}>
      <ProcedureView />
    </RequireSession>
  );
}
