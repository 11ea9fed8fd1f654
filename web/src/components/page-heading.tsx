/**
 * The title block of a work page: the title, who the page is for, a sentence on what it does, and
 * the page's main buttons on the right (below the text on phones).
 */
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title, audience tag, description and actions of a page. */
export function PageHeading({
  title,
  audience,
  description,
  actions,
}: {
  title: string;
  audience?: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {audience && <Tag>{audience}</Tag>}
        </Flex>
        {description && (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {actions && (
        <Flex gap={8} wrap>
          {actions}
        </Flex>
      )}
    </Flex>
  );
}
