/**
 * 登录 (`/login?next=…`): the password first; then, as the server asks, a six-digit code from the
 * authenticator, or — for an administrator without one — binding an authenticator (QR code, secret,
 * URI) and a code from it. Lockouts and rate limits are shown as the server words them. After
 * signing in the page returns to `next` (a path of this site only).
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TLoginResponse, TSessionInfo } from '@contracts/auth.js';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../components/auth-card.js';
import { PageLoading } from '../components/query-feedback.js';
import { ServerErrorAlert, useServerErrors } from '../components/server-errors.js';
import { TOTP_CODE_RULES, TotpCodeInput, TotpEnrolmentDetails } from '../components/totp-enrolment.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { SESSION_ENDED_KEY, useLogin, useSession } from '../hooks/use-session.js';
import { useSetupStatus } from '../hooks/use-setup-status.js';
import { workLandingPath } from '../lib/landing-path.js';
import { safeReturnPath } from '../lib/return-path.js';

const { Paragraph } = Typography;

type Step = { kind: 'password' } | { kind: 'code'; answer: Exclude<TLoginResponse, { status: 'signed-in' }> };

interface Credentials {
  username: string;
  password: string;
}

/** What a page that sends people here may pass: the username to fill in (after setup). */
export interface LoginLocationState {
  username?: string;
}

/**
 * Where to go once signed in: `next` when the sign-in was asked for by a page, else the first page
 * of the account's work; the account page first while the password must be changed.
 */
function landingPath(session: TSessionInfo, next: string): string {
  const target = next || workLandingPath(session.roles.map((grant) => grant.role));
  return session.user.mustChangePassword ? `/account?next=${encodeURIComponent(target)}` : target;
}

/** The sign-in page. */
export function LoginPage() {
  useDocumentTitle('登录');
  const { session, isLoading } = useSession();
  const [search] = useSearchParams();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const next = safeReturnPath(search.get('next'), '');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const setup = useSetupStatus();
  // Why the last session ended (timeout, signed out elsewhere): the server's words, kept by the app.
  const endedReason = useQueryClient().getQueryData<string>(SESSION_ENDED_KEY);
  const login = useLogin();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [passwordForm] = Form.useForm<Credentials>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const passwordErrors = useServerErrors(passwordForm, ['username', 'password']);
  const codeErrors = useServerErrors(codeForm, { totp: 'code' });

  if (isLoading) return <PageLoading rows={4} />;
  // Already signed in (a bookmarked /login, or the back button): go on.
  if (session && !login.isPending && step.kind === 'password') return <Navigate to={landingPath(session, next)} replace />;

  const finish = (answer: TLoginResponse, submitted: Credentials) => {
    if (answer.status === 'signed-in') {
      message.success(`欢迎，${answer.session.user.displayName}`);
      navigate(landingPath(answer.session, next), { replace: true });
      return;
    }
    setCredentials(submitted);
    setStep({ kind: 'code', answer });
    codeForm.resetFields();
  };

  const submitPassword = (values: Credentials) => {
    passwordErrors.clear();
    login.mutate(
      { username: values.username, password: values.password },
      { onSuccess: (answer) => finish(answer, values), onError: passwordErrors.report },
    );
  };

  const submitCode = (values: { code: string }) => {
    if (!credentials) return;
    codeErrors.clear();
    login.mutate({ ...credentials, totp: values.code }, { onSuccess: (answer) => finish(answer, credentials), onError: codeErrors.report });
  };

  const restart = () => {
    setStep({ kind: 'password' });
    setCredentials(null);
    codeErrors.clear();
    passwordForm.setFieldValue('password', '');
  };

  if (step.kind === 'password') {
    return (
      <AuthCard title="登录" subtitle="权责清单运行平台 · 工作人员登录">
        {endedReason && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="登录状态已结束，请重新登录"
            description={endedReason}
            data-testid="login-reason"
          />
        )}
        {setup.data?.setupRequired && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="系统尚未初始化"
            description="尚未创建任何账号。请使用服务首次启动时控制台打印的一次性初始化链接创建第一个系统管理员，或在服务器上执行 quanze user create-admin。"
          />
        )}
        <ServerErrorAlert error={passwordErrors.error} title="登录失败" />
        <Form<Credentials>
          form={passwordForm}
          layout="vertical"
          requiredMark={false}
          onFinish={submitPassword}
          initialValues={{ username: state.username ?? '' }}
          data-testid="login-form"
        >
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!state.username} size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={Boolean(state.username)} size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        <Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 12, textAlign: 'center' }}>
          忘记密码或账号被锁定，请联系系统管理员。公众查阅清单无需登录：<Link to="/">返回权责清单</Link>
        </Paragraph>
      </AuthCard>
    );
  }

  const { answer } = step;
  const isEnrolment = answer.status === 'totp-enrolment-required';
  return (
    <AuthCard title={isEnrolment ? '绑定身份验证器' : '动态口令验证'} subtitle={credentials?.username} width={isEnrolment ? 560 : 440}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={answer.message} />
      {answer.status === 'totp-enrolment-required' && (
        <div style={{ marginBottom: 16 }}>
          <TotpEnrolmentDetails enrolment={answer.enrolment} />
        </div>
      )}
      <ServerErrorAlert error={codeErrors.error} title="验证失败" />
      <Form<{ code: string }> form={codeForm} layout="vertical" requiredMark={false} onFinish={submitCode} data-testid="totp-form">
        <Form.Item name="code" label={isEnrolment ? '验证器中显示的 6 位口令' : '动态口令'} rules={TOTP_CODE_RULES}>
          <TotpCodeInput size="large" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {isEnrolment ? '完成绑定并登录' : '验证并登录'}
        </Button>
      </Form>
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        <Button type="link" onClick={restart}>
          返回，使用其他账号登录
        </Button>
      </div>
    </AuthCard>
  );
}
