/**
 * 打印版 (`/print`): the whole current list on one page, laid out for paper — each item with its
 * legal bases, duties and accountability in full, no folding, no buttons on the printout.
 */
import { PrinterOutlined } from '@ant-design/icons';
import type { TCitation, TPowerItem } from '@contracts/power-list.js';
import { Button, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useCurrentList } from '../hooks/use-power-list.js';
import { formatArticleRefs } from '../lib/format-article.js';
import { formatDate } from '../lib/format-date.js';

const { Title, Paragraph, Text } = Typography;

/** A citation as one line: 【法律】《标题》（版本）第N条 原文. */
function citationLine(citation: TCitation): string {
  const head = [
    citation.rank ? `【${citation.rank}】` : '',
    citation.title ? `《${citation.title}》` : '',
    citation.edition ? `（${citation.edition}）` : '',
    citation.articles.length > 0 ? formatArticleRefs(citation.articles) : '',
  ].join('');
  return [head, citation.text].filter((part) => part.trim() !== '').join(' ');
}

function Citations({ label, citations }: { label: string; citations: readonly TCitation[] }) {
  if (citations.length === 0) return null;
  return (
    <>
      <Text strong>{label}</Text>
      <ol className="qz-print-list">
        {citations.map((citation, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries of one cell, in order
          <li key={index}>{citationLine(citation)}</li>
        ))}
      </ol>
    </>
  );
}

function PrintItem({ item }: { item: TPowerItem }) {
  return (
    <section className="qz-print-item" data-testid="print-item" style={{ borderTop: '1px solid #ccc', paddingTop: 12, marginTop: 12 }}>
      <Title level={4} style={{ marginTop: 0 }}>
        {item.no}. {item.name}
        <Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }}>
          {item.category}
        </Text>
      </Title>
      {item.subItem && <Paragraph>子项：{item.subItem}</Paragraph>}
      <Citations label="实施依据" citations={item.legalBases} />
      {item.duties.length > 0 && (
        <>
          <Text strong>责任事项</Text>
          <ol className="qz-print-list">
            {item.duties.map((duty, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries of one cell, in order
              <li key={index} value={duty.no ?? index + 1}>
                {duty.text}
              </li>
            ))}
          </ol>
        </>
      )}
      <Citations label="责任事项依据" citations={item.dutyBases} />
      {(item.accountabilityPreamble || item.accountability.length > 0) && (
        <>
          <Text strong>追责情形</Text>
          {item.accountabilityPreamble && <Paragraph style={{ marginBottom: 4 }}>{item.accountabilityPreamble}</Paragraph>}
          <ol className="qz-print-list">
            {item.accountability.map((clause, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries of one cell, in order
              <li key={index} value={clause.no ?? index + 1}>
                {clause.text}
              </li>
            ))}
          </ol>
        </>
      )}
      <Citations label="追责依据" citations={item.accountabilityBases} />
      {item.note && <Paragraph>备注：{item.note}</Paragraph>}
    </section>
  );
}

/** The printable page. */
export function PrintPage() {
  const current = useCurrentList();
  useDocumentTitle(current.data ? `${current.data.list.title}（打印版）` : '打印版');
  if (current.isPending) return <PageLoading rows={10} />;
  if (current.isError) return <LoadError error={current.error} onRetry={() => current.refetch()} />;
  const { list, organisation, version } = current.data;
  return (
    <div className="qz-print-page" data-testid="print-page" style={{ background: '#fff', padding: 24 }}>
      <Flex className="qz-no-print" gap={8} wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          打印
        </Button>
        <Button>
          <Link to="/">返回清单</Link>
        </Button>
      </Flex>
      <Title level={2} style={{ textAlign: 'center' }}>
        {list.title || `${organisation.name}权责清单`}
      </Title>
      <Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {organisation.name} · 第{version.no}版 · {formatDate(version.importedAt)}公布 · 共 {list.items.length} 项
      </Paragraph>
      {list.items.map((item) => (
        <PrintItem key={item.no} item={item} />
      ))}
    </div>
  );
}
