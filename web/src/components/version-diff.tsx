/**
 * What a version changes against its predecessor: items added, removed and changed, each changed
 * field shown with its changed words marked. Used by the version page and the import preview.
 */
import type { TPowerListDiff } from '@contracts/power-list.js';
import { Alert, Collapse, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { describeFieldChange } from '../lib/field-change.js';
import { fieldLabel } from '../lib/labels.js';
import { TextChangeView } from './text-change-view.js';

const { Text } = Typography;

/** The diff in detail; `versionNo` null when the version does not exist yet (an import preview: no links). */
export function DiffDetails({ diff, versionNo }: { diff: TPowerListDiff; versionNo: number | null }) {
  const isEmpty = diff.added.length + diff.removed.length + diff.changed.length === 0 && diff.titleChanged === null;
  if (isEmpty) return <Text type="secondary">与上一版相比内容没有变化。</Text>;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="version-diff">
      {diff.titleChanged && (
        <Alert type="info" title={`清单名称由“${diff.titleChanged.before}”改为“${diff.titleChanged.after}”`} showIcon />
      )}
      {diff.added.length > 0 && (
        <div>
          <Text strong style={{ color: '#389e0d' }}>
            新增 {diff.added.length} 项
          </Text>
          <List
            size="small"
            dataSource={diff.added}
            renderItem={(entry) => (
              <List.Item>
                {versionNo === null ? (
                  <span>
                    第{entry.no}项 {entry.name}
                  </span>
                ) : (
                  <Link to={`/items/${entry.no}?version=${versionNo}`}>
                    第{entry.no}项 {entry.name}
                  </Link>
                )}
              </List.Item>
            )}
          />
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <Text strong style={{ color: '#cf1322' }}>
            删除 {diff.removed.length} 项
          </Text>
          <List
            size="small"
            dataSource={diff.removed}
            renderItem={(entry) => (
              <List.Item>
                <Text delete>
                  原第{entry.no}项 {entry.name}
                </Text>
              </List.Item>
            )}
          />
        </div>
      )}
      {diff.changed.length > 0 && (
        <div>
          <Text strong style={{ color: '#d48806' }}>
            修改 {diff.changed.length} 项
          </Text>
          <Collapse
            size="small"
            style={{ marginTop: 8 }}
            defaultActiveKey={diff.changed.length <= 5 ? diff.changed.map((_, index) => index) : []}
            items={diff.changed.map((change, index) => ({
              key: index,
              label: (
                <Space size={6} wrap>
                  <span>
                    {change.noAfter !== null ? `第${change.noAfter}项` : `原第${change.noBefore}项`} {change.name}
                  </span>
                  {change.changes.map((fieldChange) => (
                    <Tag key={fieldChange.field}>{fieldLabel(fieldChange.field)}</Tag>
                  ))}
                </Space>
              ),
              children: (
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  {change.changes.map((fieldChange) => (
                    <div key={fieldChange.field}>
                      <Text strong>{fieldLabel(fieldChange.field)}</Text>
                      <ul style={{ margin: '4px 0 0', paddingLeft: 20, lineHeight: 1.8 }}>
                        {describeFieldChange(fieldChange.before, fieldChange.after).map((line, index) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
                          <li key={index}>
                            {line.label && <Text type="secondary">{line.label}：</Text>}
                            <TextChangeView change={line.change} parts={line.parts} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                  {change.noAfter !== null && versionNo !== null && (
                    <Link to={`/items/${change.noAfter}?version=${versionNo}`}>查看本版该事项</Link>
                  )}
                </Space>
              ),
            }))}
          />
        </div>
      )}
    </Space>
  );
}
