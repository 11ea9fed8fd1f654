/**
 * 系统初始化 (`/setup#token=…`): whoever opens the one-time link printed on the server's console at
 * first start creates the first system administrator. The token travels in the fragment (never sent
 * in a request line or a Referer) and is taken out of the address bar as soon as the page has read it.
 */
import type { TSetupResponse } from '@contracts/auth.js';
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuthCard } from '../components/auth-card.js';
import { NewPasswordFields } from '../components/new-password-fields.js';
import { LoadError, PageLoading } from '../components/query-feedback.js';
import { ServerErrorAlert, useServerErrors } from '../components/server-errors.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useCompleteSetup, useSetupStatus } from '../hooks/use-setup-status.js';

const { Paragraph } = Typography;

interface SetupForm {
  token: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** The token in `#token=…` of the current address, or ''. */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';
}

/** The setup page. */
export function SetupPage() {
  useDocumentTitle('系统初始化');
  const status = useSetupStatus();
  const setup = useCompleteSetup();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [created, setCreated] = useState<TSetupResponse | null>(null);
  const [form] = Form.useForm<SetupForm>();
  const errors = useServerErrors(form, ['token', 'username', 'displayName', 'password']);

  useEffect(() => {
    // Keep the one-time token out of the address bar, history and screenshots once it is read.
    if (window.location.hash.includes('token=')) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);

  if (status.isPending) return <PageLoading rows={6} />;
  if (status.isError) return <LoadError error={status.error} onRetry={() => status.refetch()} />;

  if (created) {
    return (
      <AuthCard title="初始化完成">
        <Result
          status="success"
          title={`系统管理员 ${created.displayName} 已创建`}
          subTitle={
            <>
              {created.message}
              <br />
              下一步：登录后在“用户管理 › 三员初始化”中邀请安全管理员和安全审计员。
            </>
          }
          extra={
            <Button type="primary" onClick={() => navigate('/login', { state: { username: created.username } })}>
              前往登录
            </Button>
          }
          style={{ padding: 0 }}
        />
      </AuthCard>
    );
  }

  if (!status.data.setupRequired) {
    return (
      <AuthCard title="系统已完成初始化">
        <Result
          status="info"
          title="已存在管理员账号"
          subTitle="初始化链接只能使用一次。请使用已有账号登录；忘记密码请联系系统管理员。"
          extra={
            <Button type="primary">
              <Link to="/login">前往登录</Link>
            </Button>
          }
          style={{ padding: 0 }}
        />
      </AuthCard>
    );
  }

  const submit = (values: SetupForm) => {
    errors.clear();
    setup.mutate(
      { token: values.token, username: values.username, displayName: values.displayName, password: values.password },
      { onSuccess: setCreated, onError: errors.report },
    );
  };

  return (
    <AuthCard title="系统初始化" subtitle="创建第一个系统管理员账号" width={520}>
      <Paragraph type="secondary" style={{ fontSize: 13 }}>
        系统没有默认账号和密码。系统管理员负责账号与系统配置；依照“三员分立”，安全管理员和安全审计员须由另外两人担任： 登录后在“用户管理 ›
        三员初始化”中为他们各生成一条一次性链接，由本人设置密码和身份验证器。首次登录时须绑定身份验证器（动态口令）。
      </Paragraph>
      {!token && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="链接中缺少初始化令牌"
          description="请完整复制服务启动时控制台打印的链接（包括 #token= 之后的部分），或把令牌粘贴到下面。"
        />
      )}
      <ServerErrorAlert error={errors.error} title="初始化未成功" />
      <Form<SetupForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ token }}
        data-testid="setup-form"
      >
        <Form.Item
          name="token"
          label="初始化令牌"
          hidden={Boolean(token)}
          rules={[{ required: true, whitespace: true, message: '请粘贴初始化令牌' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="username"
          label="用户名"
          extra="登录时使用，3–64 位字母、数字、点、下划线或连字符。"
          rules={[
            { required: true, whitespace: true, message: '请填写用户名' },
            { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: '用户名为 3–64 位字母、数字、点、下划线或连字符' },
          ]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请填写姓名' },
            { max: 100, message: '姓名不能超过 100 个字符' },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <NewPasswordFields name="password" label="密码" requiredMessage="请设置密码" />
        <Button type="primary" htmlType="submit" block size="large" loading={setup.isPending}>
          创建系统管理员
        </Button>
      </Form>
    </AuthCard>
  );
}
