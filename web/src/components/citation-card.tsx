/**
 * One legal citation (依据) laid out as a card: rank, 《title》, edition, articles, quoted text.
 */
import type { TCitation } from '@contracts/power-list.js';
import { Card, Space, Tag, Typography } from 'antd';
import { formatArticleRefs } from '../lib/format-article.js';
import { rankColour } from '../lib/labels.js';
import { TruncatedTag } from './truncated-tag.js';

const { Text } = Typography;

/** Card of one citation; `同N` entries are labelled as repeating entry N and show their text folded. */
export function CitationCard({ citation, index }: { citation: TCitation; index: number }) {
  const number = citation.no ?? index + 1;
  const articles = formatArticleRefs(citation.articles);
  const isRepeat = citation.sameAs !== null;

  return (
    <Card size="small" data-testid="citation-card" styles={{ body: { padding: '12px 16px' } }}>
      <Space size={[8, 6]} wrap align="center">
        <Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {number}.
        </Text>
        {citation.rank && <Tag color={rankColour(citation.rank)}>{citation.rank}</Tag>}
        {citation.title && <Text strong>《{citation.title}》</Text>}
        {citation.edition && <Text type="secondary">（{citation.edition}）</Text>}
        {articles && <Text>{articles}</Text>}
        {isRepeat && <Tag color="default">同第{citation.sameAs}条依据</Tag>}
        {citation.truncated && <TruncatedTag />}
      </Space>
      {citation.text.trim() !== '' &&
        (isRepeat ? (
          <Typography.Paragraph
            className="qz-quote"
            ellipsis={{ rows: 2, expandable: true, symbol: '展开原文' }}
            style={{ marginBottom: 0 }}
          >
            {citation.text}
          </Typography.Paragraph>
        ) : (
          <blockquote className="qz-quote">{citation.text}</blockquote>
        ))}
    </Card>
  );
}

/** A titled list of citations, or a quiet note when the cell is empty. */
export function CitationList({ citations, emptyText = '原清单未列明依据。' }: { citations: readonly TCitation[]; emptyText?: string }) {
  if (citations.length === 0) return <Text type="secondary">{emptyText}</Text>;
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      {citations.map((citation, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: citations are positional entries of one cell
        <CitationCard key={index} citation={citation} index={index} />
      ))}
    </Space>
  );
}
