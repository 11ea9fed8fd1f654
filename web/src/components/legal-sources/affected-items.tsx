/**
 * The list items a registry change touches (the server's `affected` answer): each with the
 * citations concerned, linked to the item page when the item is in this installation's list.
 */
import type { TAffectedItem } from '@contracts/legal-sources-api.js';
import { Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useCurrentList } from '../../hooks/use-power-list.js';
import { formatArticleRefs } from '../../lib/format-article.js';
import { fieldLabel } from '../../lib/labels.js';
import { CategoryTag } from '../category-tag.js';

const { Text } = Typography;

/** "实施依据第1条（第四十五条）". */
function citationText(citation: TAffectedItem['citations'][number]): string {
  const articles = formatArticleRefs(citation.articles);
  return `${fieldLabel(citation.field)}第${citation.entry + 1}条${articles ? `（${articles}）` : ''}`;
}

/** The affected items, or a calm line when there are none. */
export function AffectedItems({
  affected,
  emptyText = '没有清单事项引用受影响的版本或条款。',
}: {
  affected: readonly TAffectedItem[];
  emptyText?: string;
}) {
  const current = useCurrentList();
  const homeOrg = current.data?.organisation.code ?? null;
  if (affected.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <List
      size="small"
      bordered
      dataSource={[...affected]}
      data-testid="affected-items"
      renderItem={(entry) => {
        const isHome = entry.organisation.code === homeOrg;
        const title = `第${entry.item.no}项 ${entry.item.name}`;
        return (
          <List.Item data-testid="affected-item">
            <div style={{ minWidth: 0 }}>
              <Space size={6} wrap>
                <CategoryTag category={entry.item.category} />
                {isHome ? <Link to={`/items/${entry.item.no}`}>{title}</Link> : <Text>{title}</Text>}
              </Space>
              <div>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {entry.organisation.name} · 第{entry.versionNo}版清单 · {entry.citations.map(citationText).join('；')}
                </Text>
              </div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}

/** "将影响 3 个清单事项" as a tag for headings. */
export function AffectedCount({ count }: { count: number }) {
  return <Tag color={count > 0 ? 'orange' : 'default'}>{count > 0 ? `影响 ${count} 个清单事项` : '不影响现有清单事项'}</Tag>;
}
