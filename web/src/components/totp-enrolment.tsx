/**
 * Binding an authenticator app: the otpauth URI as a QR code to scan, the secret in groups of four
 * to type by hand, and the URI to copy. The secret is shown only here, never stored by the page.
 */
import type { TTotpEnrolment } from '@contracts/auth.js';
import type { InputProps } from 'antd';
import { Flex, Input, QRCode, Typography } from 'antd';
import { groupSecret, normaliseTotpInput, parseOtpauthUri } from '../lib/totp-secret.js';

const { Text, Paragraph } = Typography;

/** The QR code, the grouped secret and the URI of an enrolment. */
export function TotpEnrolmentDetails({ enrolment }: { enrolment: TTotpEnrolment }) {
  const info = parseOtpauthUri(enrolment.uri);
  return (
    <Flex gap={16} wrap align="flex-start" data-testid="totp-enrolment">
      <QRCode
        value={enrolment.uri}
        size={168}
        errorLevel="M"
        bordered
        className="qz-totp-qr"
        style={{ flexShrink: 0 }}
        aria-label="身份验证器绑定二维码"
      />
      <div style={{ flex: '1 1 200px', minWidth: 0 }}>
        <Paragraph style={{ marginBottom: 8 }}>
          用手机上的身份验证器（如 FreeOTP、Google Authenticator、Microsoft
          Authenticator）扫描二维码；无法扫描时，选择“手动输入密钥”，输入下面的密钥。
        </Paragraph>
        {info && (
          <Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 13 }}>
            账号：{info.account}
            {info.issuer ? ` · 发行方：${info.issuer}` : ''} · 基于时间，30 秒更新
          </Paragraph>
        )}
        <div style={{ marginBottom: 8 }}>
          <Text type="secondary" style={{ fontSize: 13 }}>
            密钥
          </Text>
          <Paragraph
            copyable={{ text: enrolment.secret, tooltips: ['复制密钥', '已复制'] }}
            style={{ margin: 0, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 16, letterSpacing: 1 }}
            data-testid="totp-secret"
          >
            {groupSecret(enrolment.secret)}
          </Paragraph>
        </div>
        <Text type="secondary" style={{ fontSize: 13 }}>
          绑定链接
        </Text>
        <Paragraph
          copyable={{ text: enrolment.uri, tooltips: ['复制链接', '已复制'] }}
          style={{ margin: 0, fontSize: 12, wordBreak: 'break-all' }}
          type="secondary"
          data-testid="totp-uri"
        >
          {enrolment.uri}
        </Paragraph>
      </div>
    </Flex>
  );
}

/** A six-digit code field: digits only, numeric keyboard on phones, offered from SMS/app autofill. */
export function TotpCodeInput(props: Omit<InputProps, 'onChange' | 'value'> & { value?: string; onChange?: (value: string) => void }) {
  const { value, onChange, ...rest } = props;
  return (
    <Input
      {...rest}
      value={value}
      onChange={(event) => onChange?.(normaliseTotpInput(event.target.value))}
      inputMode="numeric"
      autoComplete="one-time-code"
      placeholder="6 位数字"
      // Spaced digits are easier to compare with the app; the placeholder stays plain text.
      style={{ letterSpacing: value ? 6 : undefined, fontSize: 18, fontVariantNumeric: 'tabular-nums', ...rest.style }}
    />
  );
}

/** antd form rules of a TOTP code field. */
export const TOTP_CODE_RULES = [
  { required: true, message: '请输入动态口令' },
  { pattern: /^\d{6}$/, message: '动态口令为 6 位数字' },
];
