/**
 * Heading of a list: its title, the organisation, and which version is shown.
 */
import { CalendarOutlined, FileTextOutlined, WarningOutlined } from '@ant-design/icons';
import type { TPowerListResponse, TVersionSummary } from '@contracts/api.js';
import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../hooks/use-session.js';
import { formatDate } from '../lib/format-date.js';

const { Title, Text } = Typography;

/** Title card with 第N版 and the import date; children go under the meta line (search, filters). */
export function ListSummaryCard({
  title,
  organisation,
  version,
  children,
}: {
  title: string;
  organisation: TPowerListResponse['organisation'];
  version: TVersionSummary;
  children?: ReactNode;
}) {
  const showFindings = useSession().can('powerlist.lint');
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="list-summary">
      <Title level={3} style={{ marginTop: 0, marginBottom: 8 }} data-testid="list-title">
        {title || `${organisation.name}权责清单`}
      </Title>
      <Space size={[16, 6]} wrap style={{ marginBottom: children ? 16 : 0 }}>
        <Text type="secondary">{organisation.name}</Text>
        <span>
          <Tag color="blue" data-testid="version-tag">
            第{version.no}版
          </Tag>
          {version.isCurrent && <Tag color="green">现行</Tag>}
        </span>
        <Text type="secondary">
          <CalendarOutlined /> {formatDate(version.importedAt)}导入
        </Text>
        <Text type="secondary">
          <FileTextOutlined /> 共 {version.itemCount} 项权力
        </Text>
        {showFindings && version.findingCount > 0 && (
          <Link to="/admin/findings" data-testid="findings-link">
            <WarningOutlined /> 校验问题 {version.findingCount} 条（仅维护人员可见）
          </Link>
        )}
      </Space>
      {children}
    </Card>
  );
}
