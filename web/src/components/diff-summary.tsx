/**
 * The change counts of a version against its predecessor, in words: 新增 1 项 修改 1 项.
 */
import type { TVersionSummary } from '@contracts/api.js';
import { Space, Typography } from 'antd';

const { Text } = Typography;

/** 新增 1 项，修改 2 项 — the counts in words, coloured; 首次导入 or 无变化 otherwise. */
export function DiffSummary({ diff }: { diff: TVersionSummary['diffSummary'] }) {
  if (diff === null) return <Text type="secondary">首次导入</Text>;
  if (diff.added + diff.removed + diff.changed === 0) return <Text type="secondary">无变化</Text>;
  const parts = [
    { count: diff.added, word: '新增', colour: '#389e0d' },
    { count: diff.changed, word: '修改', colour: '#d48806' },
    { count: diff.removed, word: '删除', colour: '#cf1322' },
  ].filter((part) => part.count > 0);
  return (
    <Space size={10} wrap data-testid="diff-summary">
      {parts.map((part) => (
        <Text key={part.word} style={{ color: part.colour }}>
          {part.word} {part.count} 项
        </Text>
      ))}
    </Space>
  );
}
