/**
 * The list linter's findings about an item, as alerts coloured by severity — for maintainers, in
 * Chinese only (the rule's name, never its id or the English message).
 */
import { CheckCircleOutlined } from '@ant-design/icons';
import type { TFinding } from '@contracts/power-list.js';
import { Alert, Space, Typography } from 'antd';
import { findingRuleLabel } from '../lib/finding-rules.js';
import { fieldLabel, SEVERITY_VIEW } from '../lib/labels.js';

const { Text } = Typography;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Where a finding points: 责任事项 第3条. */
function findingLocation(finding: TFinding): string | null {
  if (finding.field === null) return null;
  const entry = finding.entry ?? null;
  return entry === null ? fieldLabel(finding.field) : `${fieldLabel(finding.field)} 第${entry + 1}条`;
}

/** All findings, errors first; a reassuring line when there are none. */
export function FindingsList({ findings }: { findings: readonly TFinding[] }) {
  if (findings.length === 0) {
    return (
      <Text type="secondary">
        <CheckCircleOutlined style={{ color: '#52c41a', marginInlineEnd: 6 }} />
        校验未发现问题。
      </Text>
    );
  }
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="findings">
      {sorted.map((finding, index) => {
        const view = SEVERITY_VIEW[finding.severity];
        const location = findingLocation(finding);
        return (
          <Alert
            // biome-ignore lint/suspicious/noArrayIndexKey: findings carry no id; the order is stable
            key={index}
            type={view.alertType}
            showIcon
            title={finding.message}
            description={
              <Space size={[12, 2]} wrap>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {view.label}
                  {location ? ` · ${location}` : ''}
                </Text>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {findingRuleLabel(finding.rule)}
                </Text>
              </Space>
            }
          />
        );
      })}
    </Space>
  );
}
