/**
 * 管理员邀请 (`/invite#token=…`): the security administrator or the security auditor opens the
 * one-time link the system administrator handed over, binds their own authenticator and sets their
 * own password. The account is created only when both are done; the token leaves the address bar
 * as soon as the page has read it, like the setup link's.
 */
import type { TAcceptedInvitation } from '@contracts/admin-invitations.js';
import { Alert, Button, Descriptions, Form, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuthCard } from '../components/auth-card.js';
import { NewPasswordFields } from '../components/new-password-fields.js';
import { PageLoading } from '../components/query-feedback.js';
import { ServerErrorAlert, serverErrorOf, useServerErrors } from '../components/server-errors.js';
import { TOTP_CODE_RULES, TotpCodeInput, TotpEnrolmentDetails } from '../components/totp-enrolment.js';
import { TotpResetRules } from '../components/totp-reset-rules.js';
import { useAcceptInvitation, useOpenInvitation } from '../hooks/use-admin-invitations.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { formatDateTime } from '../lib/format-date.js';

const { Paragraph, Title } = Typography;

interface AcceptForm {
  password: string;
  confirm: string;
  totp: string;
}

/** The token in `#token=…` of the current address, or ''. */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';
}

/** The invitation page. */
export function InvitePage() {
  useDocumentTitle('管理员邀请');
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const opened = useOpenInvitation();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [accepted, setAccepted] = useState<TAcceptedInvitation | null>(null);
  const [form] = Form.useForm<AcceptForm>();
  const errors = useServerErrors(form, ['password', 'totp']);
  const { mutate: openWith } = opened;

  useEffect(() => {
    if (window.location.hash.includes('token=')) window.history.replaceState(window.history.state, '', window.location.pathname);
    if (token) openWith(token);
  }, [token, openWith]);

  if (accepted) {
    return (
      <AuthCard title="账号已创建">
        <Result
          status="success"
          title={`${accepted.roleLabel} ${accepted.displayName} 的账号已创建`}
          subTitle={accepted.message}
          extra={
            <Button type="primary" onClick={() => navigate('/login', { state: { username: accepted.username } })}>
              前往登录
            </Button>
          }
          style={{ padding: 0 }}
        />
      </AuthCard>
    );
  }

  if (!token || opened.isError) {
    return (
      <AuthCard title="邀请链接不可用">
        <Result
          status="warning"
          title={token ? serverErrorOf(opened.error).message : '链接中缺少邀请令牌'}
          subTitle="请完整复制系统管理员交给您的链接（包括 #token= 之后的部分）；链接只能使用一次，72 小时内有效。需要新链接时，请联系系统管理员重新生成。"
          extra={
            <Button>
              <Link to="/login">前往登录</Link>
            </Button>
          }
          style={{ padding: 0 }}
        />
      </AuthCard>
    );
  }

  const invitation = opened.data;
  if (!invitation) return <PageLoading rows={8} />;

  const submit = (values: AcceptForm) => {
    errors.clear();
    accept.mutate({ token, password: values.password, totp: values.totp }, { onSuccess: setAccepted, onError: errors.report });
  };

  return (
    <AuthCard title={`设置${invitation.roleLabel}账号`} subtitle={`${invitation.organisation} · 三员初始化`} width={620}>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        data-testid="invitation-details"
        items={[
          { key: 'name', label: '姓名', children: invitation.displayName },
          { key: 'username', label: '用户名', children: invitation.username },
          { key: 'role', label: '角色', children: invitation.roleLabel },
          { key: 'by', label: '邀请人', children: invitation.invitedBy },
          { key: 'until', label: '链接有效至', children: formatDateTime(invitation.expiresAt) },
        ]}
      />
      <Paragraph type="secondary" style={{ fontSize: 13 }}>
        密码和身份验证器只由您本人设置，系统管理员无从得知。完成后账号才会创建，您即可用密码和动态口令登录。
      </Paragraph>
      <Title level={5}>1. 绑定身份验证器</Title>
      <TotpEnrolmentDetails enrolment={invitation.enrolment} />
      <Alert type="info" showIcon style={{ margin: '16px 0' }} title="身份验证器丢失时谁能重置" description={<TotpResetRules />} />
      <Title level={5}>2. 设置本人密码</Title>
      <ServerErrorAlert error={errors.error} title="账号未创建" />
      <Form<AcceptForm> form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="invite-form">
        <NewPasswordFields name="password" label="密码" requiredMessage="请设置密码" />
        <Form.Item name="totp" label="身份验证器中显示的 6 位动态口令" rules={TOTP_CODE_RULES}>
          <TotpCodeInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
          创建我的账号
        </Button>
      </Form>
    </AuthCard>
  );
}
