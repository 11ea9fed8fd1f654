/**
 * One changed passage: context, removed text struck through in red, added text in green.
 */
import { Typography } from 'antd';
import type { TextChange } from '../lib/field-change.js';
import type { DiffPart } from '../lib/word-diff.js';

const { Text } = Typography;

/** Each run with where it starts among all runs' characters: a stable, unique key. */
function withOffsets(parts: readonly DiffPart[]): { part: DiffPart; at: number }[] {
  let at = 0;
  return parts.map((part) => {
    const entry = { part, at };
    at += part.text.length;
    return entry;
  });
}

/** Inline rendering of a {@link TextChange}. */
export function TextChangeView({ change, parts }: { change: TextChange; parts?: readonly DiffPart[] | null }) {
  if (parts) {
    // Word by word: only the changed words are marked, the unchanged text between them stays plain.
    return (
      <span style={{ wordBreak: 'break-word' }} data-testid="word-diff">
        {withOffsets(parts).map(({ part, at }) =>
          part.kind === 'same' ? (
            <Text key={at} type="secondary">
              {part.text}
            </Text>
          ) : part.kind === 'removed' ? (
            <del key={at} style={{ background: '#fff1f0', color: '#cf1322', textDecorationColor: '#cf1322' }} title="删除">
              {part.text}
            </del>
          ) : (
            <ins
              key={at}
              style={{ background: '#f6ffed', color: '#389e0d', textDecoration: 'none', borderBottom: '1px solid #95de64' }}
              title="新增"
            >
              {part.text}
            </ins>
          ),
        )}
      </span>
    );
  }
  return (
    <span style={{ wordBreak: 'break-word' }}>
      {change.lead && <Text type="secondary">{change.lead}</Text>}
      {change.removed && (
        <del style={{ background: '#fff1f0', color: '#cf1322', textDecorationColor: '#cf1322' }} title="删除">
          {change.removed}
        </del>
      )}
      {change.added && (
        <ins style={{ background: '#f6ffed', color: '#389e0d', textDecoration: 'none', borderBottom: '1px solid #95de64' }} title="新增">
          {change.added}
        </ins>
      )}
      {change.tail && <Text type="secondary">{change.tail}</Text>}
    </span>
  );
}
