/**
 * 个人设置 (`/account`): who is signed in with which roles, changing one's own password (asked for
 * when an administrator set it), binding an authenticator app, and the session's time limits.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import type { TSessionInfo, TTotpEnrolment } from '@contracts/auth.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { changeOwnPassword, confirmTotpEnrolment, startTotpEnrolment } from '../api/auth-api.js';
import { NewPasswordFields } from '../components/new-password-fields.js';
import { RequireSession } from '../components/require-session.js';
import { ServerErrorAlert, useServerErrors } from '../components/server-errors.js';
import { TOTP_CODE_RULES, TotpCodeInput, TotpEnrolmentDetails } from '../components/totp-enrolment.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { SESSION_KEY, useSession } from '../hooks/use-session.js';
import { formatDateTime } from '../lib/format-date.js';
import { safeReturnPath } from '../lib/return-path.js';

const { Title, Text, Paragraph } = Typography;

function AccountSummary({ session }: { session: TSessionInfo }) {
  const { user, roles } = session;
  return (
    <Card variant="borderless" title="账号信息" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
        <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
        <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
        <Descriptions.Item label="所属机构">{user.organisation.name}</Descriptions.Item>
        <Descriptions.Item label="角色">
          {roles.length === 0 ? (
            <Text type="secondary">暂无角色，请联系安全管理员授权</Text>
          ) : (
            <Space size={[4, 4]} wrap>
              {roles.map((role) => (
                <Tag key={`${role.role}-${role.organisation.code}`} color="blue">
                  {role.label} · {role.organisation.name}
                  {role.scope === 'subtree' ? '及下级' : ''}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="本次登录">{formatDateTime(session.session.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="会话时限">
          最迟 {formatDateTime(session.session.expiresAt)} 结束；{session.session.idleTimeoutMinutes} 分钟无操作自动退出
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordCard({ session, onChanged }: { session: TSessionInfo; onChanged: () => void }) {
  const [form] = Form.useForm<PasswordForm>();
  const errors = useServerErrors(form, ['currentPassword', 'newPassword']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: changeOwnPassword,
    onSuccess: (answer) => {
      message.success(answer.message);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      onChanged();
    },
    onError: errors.report,
  });
  return (
    <Card variant="borderless" title="修改密码" id="password" style={{ marginBottom: 16 }}>
      {session.user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先修改密码"
          description="当前密码由系统管理员设置，仅供首次登录使用。请设置只有您本人知道的新密码。"
          data-testid="must-change-password"
        />
      )}
      <ServerErrorAlert error={errors.error} title="密码未修改" />
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 420 }}
        onFinish={(values) => {
          errors.clear();
          change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
        }}
      >
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="新密码" />
        <Paragraph type="secondary" style={{ fontSize: 12 }}>
          修改后，您在其他设备上的登录将全部结束。
        </Paragraph>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}

/** Who can clear this account's authenticator — the same rules as the server's (TOTP_RESET_RULES). */
function whoResetsTotp(roles: readonly string[]): string {
  if (roles.includes('security-admin') || roles.includes('security-auditor')) {
    return '请运维人员在服务器上执行 quanze user reset-totp 重置（三员分立：网页中任何人都不能重置，系统管理员也不能）。';
  }
  if (roles.includes('system-admin')) return '请另一位系统管理员在“用户管理”中重置，或请运维人员在服务器上执行 quanze user reset-totp。';
  return '请联系系统管理员在“用户管理”中重置。';
}

function TotpCard({ session }: { session: TSessionInfo }) {
  const [enrolment, setEnrolment] = useState<TTotpEnrolment | null>(null);
  const [form] = Form.useForm<{ code: string }>();
  const errors = useServerErrors(form, { code: 'code' });
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const start = useMutation({ mutationFn: startTotpEnrolment, onSuccess: setEnrolment, onError: errors.report });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotpEnrolment(code),
    onSuccess: (answer) => {
      message.success(answer.message);
      setEnrolment(null);
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
    onError: errors.report,
  });

  return (
    <Card variant="borderless" title="动态口令（双因素认证）" style={{ marginBottom: 16 }}>
      {session.user.totpEnabled ? (
        <Space align="start">
          <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18, marginTop: 2 }} />
          <div>
            <Text strong>已绑定身份验证器</Text>
            <Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              登录时须输入验证器中的 6 位动态口令。手机遗失时，{whoResetsTotp(session.roles.map((grant) => grant.role))}
            </Paragraph>
          </div>
        </Space>
      ) : enrolment === null ? (
        <>
          <Paragraph type="secondary">绑定后，登录时除密码外还须输入手机验证器中的动态口令，即使密码泄露他人也无法登录。</Paragraph>
          <ServerErrorAlert error={errors.error} />
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            绑定身份验证器
          </Button>
        </>
      ) : (
        <>
          <TotpEnrolmentDetails enrolment={enrolment} />
          <ServerErrorAlert error={errors.error} title="绑定未成功" />
          <Form<{ code: string }>
            form={form}
            layout="vertical"
            requiredMark={false}
            style={{ maxWidth: 320, marginTop: 16 }}
            onFinish={(values) => {
              errors.clear();
              confirm.mutate(values.code);
            }}
          >
            <Form.Item name="code" label="验证器中显示的 6 位口令" rules={TOTP_CODE_RULES}>
              <TotpCodeInput />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                完成绑定
              </Button>
              <Button onClick={() => setEnrolment(null)}>取消</Button>
            </Space>
          </Form>
        </>
      )}
    </Card>
  );
}

function AccountContent() {
  const { session } = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  if (!session) return null;
  const next = search.get('next');
  const mustChange = session.user.mustChangePassword;
  return (
    <>
      <Title level={3} style={{ marginTop: 0 }}>
        个人设置
      </Title>
      <Row gutter={16}>
        {/* While the password set by an administrator must be changed, that form comes first. */}
        <Col xs={24} lg={10} style={{ order: mustChange ? 2 : 1 }}>
          <AccountSummary session={session} />
          <TotpCard session={session} />
        </Col>
        <Col xs={24} lg={14} style={{ order: mustChange ? 1 : 2 }}>
          <ChangePasswordCard
            session={session}
            onChanged={() => {
              if (next) navigate(safeReturnPath(next), { replace: true });
            }}
          />
        </Col>
      </Row>
    </>
  );
}

/** The account page (route `/account`). */
export function AccountPage() {
  useDocumentTitle('个人设置');
  return (
    <RequireSession>
      <AccountContent />
    </RequireSession>
  );
}
