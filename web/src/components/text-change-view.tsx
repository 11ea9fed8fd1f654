/**
 * One changed passage: context, removed text struck through in red, added text in green.
 */
import { Typography } from 'antd';
import type { TextChange } from '../lib/field-change.js';

const { Text } = Typography;

/** Inline rendering of a {@link TextChange}. */
export function TextChangeView({ change }: { change: TextChange }) {
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
