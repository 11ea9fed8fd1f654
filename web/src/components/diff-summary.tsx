/**
 * The change counts of a version against its predecessor: +N −N ~N.
 */
import type { TVersionSummary } from '@contracts/api.js';
import { Space, Tooltip, Typography } from 'antd';

const { Text } = Typography;

/** +added −removed ~changed, or 首版 for the first version. */
export function DiffSummary({ diff }: { diff: TVersionSummary['diffSummary'] }) {
  if (diff === null) return <Text type="secondary">首次导入</Text>;
  if (diff.added + diff.removed + diff.changed === 0) return <Text type="secondary">无变化</Text>;
  return (
    <Tooltip title={`新增 ${diff.added} 项，删除 ${diff.removed} 项，修改 ${diff.changed} 项`}>
      <Space size={10} data-testid="diff-summary">
        <Text style={{ color: '#389e0d' }}>+{diff.added}</Text>
        <Text style={{ color: '#cf1322' }}>−{diff.removed}</Text>
        <Text style={{ color: '#d48806' }}>~{diff.changed}</Text>
      </Space>
    </Tooltip>
  );
}
