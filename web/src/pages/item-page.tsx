/**
 * 事项详情: one power item — its legal bases, its duties as a flowchart and a list, the accountability
 * clauses, and what the list linter found.
 */
import { HistoryOutlined, WarningOutlined } from '@ant-design/icons';
import type { TItemResponse } from '@contracts/api.js';
import type { TCitationNotice } from '@contracts/legal-sources.js';
import type { TPowerItem } from '@contracts/power-list.js';
import { Alert, Breadcrumb, Button, Card, Grid, Result, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { CategoryTag } from '../components/category-tag.js';
import { CitationList } from '../components/citation-card.js';
import { DutyFlowchart } from '../components/duty-flowchart.js';
import { FindingsList } from '../components/findings-list.js';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { TruncatedTag } from '../components/truncated-tag.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useItem } from '../hooks/use-power-list.js';
import { useSession } from '../hooks/use-session.js';
import { countStale, noticesByEntry } from '../lib/citation-notice.js';
import { dutyShortName, isOtherDuty } from '../lib/duty-flowchart.js';

const { Title, Text, Paragraph } = Typography;

/** Parses a positive integer route or query parameter; null otherwise. */
function positiveInt(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const parsed = Number(value);
  return parsed > 0 ? parsed : null;
}

function Section({ id, title, extra, children }: { id: string; title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card id={id} title={title} extra={extra} variant="borderless" style={{ marginBottom: 16 }} data-testid={`section-${id}`}>
      {children}
    </Card>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Title level={5} style={{ marginTop: 24, marginBottom: 12 }}>
      {children}
    </Title>
  );
}

function DutiesSection({ item, notices, isCurrent }: { item: TPowerItem; notices: readonly TCitationNotice[]; isCurrent: boolean }) {
  return (
    <Section id="duties" title="责任事项" extra={<Text type="secondary">共 {item.duties.length} 项</Text>}>
      {item.duties.length === 0 ? (
        <Text type="secondary">原清单未列明责任事项。</Text>
      ) : (
        <>
          <DutyFlowchart duties={item.duties} procedureItemNo={isCurrent ? item.no : null} />
          <SubHeading>各环节责任</SubHeading>
          <Timeline
            data-testid="duty-timeline"
            items={item.duties.map((duty, index, all) => {
              const isOther = isOtherDuty(duty, index, all);
              const shortName = dutyShortName(duty);
              return {
                key: index,
                color: isOther ? 'gray' : 'blue',
                content: (
                  <div>
                    <Space size={6} wrap style={{ marginBottom: 4 }}>
                      <Text strong>
                        {duty.no ?? index + 1}. {shortName ? `${shortName}责任` : '责任事项'}
                      </Text>
                      {duty.truncated && <TruncatedTag />}
                    </Space>
                    <div className="qz-prose">{duty.text}</div>
                  </div>
                ),
              };
            })}
          />
        </>
      )}
      <SubHeading>责任事项依据</SubHeading>
      <CitationList citations={item.dutyBases} notices={noticesByEntry(notices, 'dutyBases')} />
    </Section>
  );
}

function AccountabilitySection({ item, notices }: { item: TPowerItem; notices: readonly TCitationNotice[] }) {
  const hasClauses = item.accountability.length > 0 || item.accountabilityPreamble;
  return (
    <Section id="accountability" title="追责情形">
      {!hasClauses && <Text type="secondary">原清单未列明追责情形。</Text>}
      {item.accountabilityPreamble && (
        <Paragraph className="qz-prose" style={{ marginBottom: 0 }}>
          {item.accountabilityPreamble}
        </Paragraph>
      )}
      {item.accountability.length > 0 && (
        <ol className="qz-clauses" data-testid="accountability-clauses">
          {item.accountability.map((clause, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: clauses are positional entries of one cell
            <li key={index} value={clause.no ?? index + 1}>
              <span className="qz-prose">{clause.text}</span> {clause.truncated && <TruncatedTag />}
            </li>
          ))}
        </ol>
      )}
      <SubHeading>追责依据</SubHeading>
      <CitationList citations={item.accountabilityBases} notices={noticesByEntry(notices, 'accountabilityBases')} />
    </Section>
  );
}

function ItemDetail({ data, versionNo }: { data: TItemResponse; versionNo: number | null }) {
  const { item, version, citationNotices } = data;
  // Quality findings are for the list's maintainers; the public sees the list, with plain notices
  // where a cited law has a newer version.
  const isMaintainer = useSession().can('powerlist.lint');
  const findings = isMaintainer ? data.findings : [];
  // On a phone the duties — what the bureau must do — come first; the long legal bases follow.
  const isNarrow = Grid.useBreakpoint().md === false;
  const staleCount = countStale(citationNotices);
  const canReadCases = useSession().can('cases.read');
  const listHref = versionNo ? `/versions/${versionNo}` : '/';
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'list', title: <Link to="/">权责清单</Link> },
          ...(versionNo ? [{ key: 'version', title: <Link to={listHref}>第{versionNo}版</Link> }] : []),
          { key: 'item', title: `第${item.no}项` },
        ]}
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space size={8} wrap style={{ marginBottom: 8 }}>
          <CategoryTag category={item.category} />
          <Text type="secondary">
            第 {item.no} 项{/* numbered by position on import: the 序号 the published table printed, if any */}
            {item.printedNo !== undefined && (item.printedNo === '' ? '（原表无序号）' : `（原表序号 ${item.printedNo}）`)}
          </Text>
          <Text type="secondary">·</Text>
          <Text type="secondary">
            第{version.no}版清单{version.isCurrent ? '（现行）' : ''}
          </Text>
        </Space>
        <Title level={3} style={{ margin: 0 }} data-testid="item-title">
          {item.name}
        </Title>
        {item.subItem && <Paragraph style={{ margin: '8px 0 0' }}>子项：{item.subItem}</Paragraph>}
        {!version.isCurrent && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={`您正在查看第${version.no}版清单中的内容，它已不是现行版本。`}
            action={<Link to={`/items/${item.no}`}>查看现行版本</Link>}
          />
        )}
        {canReadCases && version.isCurrent && (
          <div style={{ marginTop: 8 }}>
            <Link to={`/procedures/${item.no}`} data-testid="procedure-link">
              办理程序与追责情形监察覆盖
            </Link>
          </div>
        )}
        {(findings.length > 0 || staleCount > 0) && (
          <Space size={[16, 4]} wrap style={{ marginTop: 12 }}>
            {findings.length > 0 && (
              <a href="#findings">
                <WarningOutlined style={{ color: '#fa8c16' }} /> 本事项有 {findings.length} 条校验问题
              </a>
            )}
            {staleCount > 0 && (
              <span data-testid="stale-summary">
                <HistoryOutlined style={{ color: '#d46b08' }} /> {staleCount} 条依据引用的法律法规版本已修订或废止，
                <Link to="/legal-sources">查看法律依据库</Link>
              </span>
            )}
          </Space>
        )}
      </Card>

      {isNarrow && <DutiesSection item={item} notices={citationNotices} isCurrent={version.isCurrent} />}
      <Section id="legal-bases" title="实施依据" extra={<Text type="secondary">共 {item.legalBases.length} 条</Text>}>
        <CitationList citations={item.legalBases} notices={noticesByEntry(citationNotices, 'legalBases')} />
      </Section>
      {!isNarrow && <DutiesSection item={item} notices={citationNotices} isCurrent={version.isCurrent} />}
      <AccountabilitySection item={item} notices={citationNotices} />
      {item.note && (
        <Section id="note" title="备注">
          <div className="qz-prose">{item.note}</div>
        </Section>
      )}
      {item.extraFields && item.extraFields.length > 0 && (
        // The imported file's other columns (事项编码, 承办机构 …), kept as they were written.
        <Section id="extra-fields" title="其他栏目">
          <dl className="qz-extra-fields" data-testid="extra-fields" style={{ margin: 0 }}>
            {item.extraFields.map((field) => (
              <div key={field.header} style={{ marginBottom: 8 }}>
                <dt>
                  <Text type="secondary">{field.header}</Text>
                </dt>
                <dd className="qz-prose" style={{ margin: 0 }}>
                  {field.value}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
      {isMaintainer && (
        <Section
          id="findings"
          title="校验问题（仅维护人员可见）"
          extra={findings.length > 0 ? <Tag color="orange">{findings.length} 条</Tag> : undefined}
        >
          <Paragraph type="secondary" style={{ fontSize: 13 }}>
            系统对清单内容的自动检查结果（如原文截断、依据引用不明等），供清单维护人员核对，不影响清单效力，公众看不到。
            <Link to={`/admin/findings?item=${item.no}`}>在校验问题总览中查看</Link>
          </Paragraph>
          <FindingsList findings={findings} />
        </Section>
      )}
    </>
  );
}

/** The item page (route `/items/:no`, `?version=N` for an earlier version). */
export function ItemPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const itemNo = positiveInt(params.no);
  const versionNo = positiveInt(search.get('version'));
  const query = useItem(itemNo, versionNo);
  useDocumentTitle(query.data ? query.data.item.name : itemNo ? `第${itemNo}项` : null);

  const notFound = (
    <Result
      status="404"
      title="未找到该事项"
      subTitle={itemNo ? `清单中没有第${itemNo}项，可能已调整或编号有误。` : '事项编号不正确。'}
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
    return <LoadError title="事项加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  return <ItemDetail data={query.data} versionNo={versionNo} />;
}
