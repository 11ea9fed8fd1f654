/** The truthful list of who can reset whose authenticator, for help texts. */
import { Typography } from 'antd';
import { TOTP_RESET_RULES } from '../lib/admin-help.js';

const { Text } = Typography;

/** A short list: for each kind of account, who clears its authenticator and how. */
export function TotpResetRules() {
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="totp-reset-rules">
      {TOTP_RESET_RULES.map((rule) => (
        <li key={rule.who}>
          <Text strong>{rule.who}：</Text>
          {rule.how}
        </li>
      ))}
    </ul>
  );
}
