/**
 * The narrow centred card of the sign-in and setup pages.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A card with an icon, a title and a subtitle above its content. */
export function AuthCard({
  title,
  subtitle,
  children,
  width = 440,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '16px 0 8px' }}>
      <Card variant="borderless" style={{ width: '100%', maxWidth: width }} styles={{ body: { padding: '28px 28px 20px' } }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <SafetyCertificateOutlined style={{ fontSize: 36, color: '#0d3c7a' }} aria-hidden />
          <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {children}
      </Card>
    </div>
  );
}
