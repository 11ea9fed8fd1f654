/**
 * One legal citation (依据) laid out as a card: rank, 《title》, edition, articles, quoted text — and,
 * when the legal-source registry has a notice about it, a marker: 已修订 with the current edition and
 * article (or 对应条款未知), or a quiet tag such as 未注明版本.
 */
import type { TCitationNotice } from '@contracts/legal-sources.js';
import type { TCitation } from '@contracts/power-list.js';
import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { type CitationMarker, citationMarker } from '../lib/citation-notice.js';
import { formatArticleRefs } from '../lib/format-article.js';
import { rankColour } from '../lib/labels.js';
import { TruncatedTag } from './truncated-tag.js';

/** Quotations longer than this fold to four lines until opened. */
const LONG_QUOTE_CHARS = 160;

const { Text } = Typography;

/** The registry's word on a stale citation: where its article is now, or that it is unknown. */
function NoticeLines({ marker, notice }: { marker: CitationMarker; notice: TCitationNotice }) {
  if (marker.lines.length === 0) return null;
  const isRepealed = notice.cited.status === 'repealed';
  return (
    <div className={isRepealed ? 'qz-notice qz-notice-repealed' : 'qz-notice'} data-testid="citation-current">
      {marker.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {marker.notes.length > 0 && (
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginTop: 2 }}>法律依据库说明：{marker.notes.join('；')}</div>
      )}
      {notice.cited.sourceId && (
        <div style={{ fontSize: 12, marginTop: 2 }}>
          <Link to={`/legal-sources#${encodeURIComponent(notice.cited.sourceId)}`}>在法律依据库中查看该法律法规的版本与条款对应</Link>
        </div>
      )}
    </div>
  );
}

/** Card of one citation; `同N` entries are labelled as repeating entry N and show their text folded. */
export function CitationCard({ citation, index, notice }: { citation: TCitation; index: number; notice?: TCitationNotice | undefined }) {
  const number = citation.no ?? index + 1;
  const articles = formatArticleRefs(citation.articles);
  const isRepeat = citation.sameAs !== null;
  const marker = notice ? citationMarker(notice) : null;

  return (
    <Card size="small" data-testid="citation-card" data-notice={notice?.kind} styles={{ body: { padding: '12px 16px' } }}>
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
        {marker && (
          <Tooltip title={marker.tag.explanation}>
            <Tag color={marker.tag.colour} data-testid="citation-notice" data-kind={notice?.kind}>
              {marker.tag.label}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {marker && notice && <NoticeLines marker={marker} notice={notice} />}
      {citation.text.trim() !== '' &&
        // A repeated or long quotation folds to a few lines (a phone would scroll screens past it); 展开原文 opens it.
        (isRepeat || citation.text.length > LONG_QUOTE_CHARS ? (
          <Typography.Paragraph
            className="qz-quote"
            ellipsis={{ rows: isRepeat ? 2 : 4, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起原文' : '展开原文') }}
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

/** A titled list of citations (with the registry's notices by entry index), or a quiet note when the cell is empty. */
export function CitationList({
  citations,
  notices,
  emptyText = '原清单未列明依据。',
}: {
  citations: readonly TCitation[];
  notices?: ReadonlyMap<number, TCitationNotice>;
  emptyText?: string;
}) {
  if (citations.length === 0) return <Text type="secondary">{emptyText}</Text>;
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      {citations.map((citation, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: citations are positional entries of one cell
        <CitationCard key={index} citation={citation} index={index} notice={notices?.get(index)} />
      ))}
    </Space>
  );
}
