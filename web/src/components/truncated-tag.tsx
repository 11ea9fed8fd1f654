/**
 * Badge for an entry the source export cut off mid-sentence (原文截断).
 */
import { ScissorOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';

/** The 原文截断 tag with an explanation on hover. */
export function TruncatedTag() {
  return (
    <Tooltip title="原清单导出时此处文字被截断，内容不完整，请以正式文件为准。">
      <Tag color="orange" icon={<ScissorOutlined />} data-testid="truncated-tag">
        原文截断
      </Tag>
    </Tooltip>
  );
}
