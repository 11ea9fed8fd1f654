/**
 * 三员初始化 on the system administrator's 用户管理 page: name the security administrator and the
 * security auditor, and hand each the one-time link on which they set their own password and
 * authenticator. Once both roles are filled the card shrinks to one line.
 */
import type { TAdministratorInvitationLink, TAdministratorSlot, TInvitedRole } from '@contracts/admin-invitations.js';
import { Alert, Button, Card, Col, Collapse, Form, Input, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAdministratorBootstrap, useInviteAdministrator } from '../hooks/use-admin-invitations.js';
import { SEPARATION_NOTE } from '../lib/admin-help.js';
import { formatDateTime } from '../lib/format-date.js';
import { ServerErrorAlert, useServerErrors } from './server-errors.js';
import { TotpResetRules } from './totp-reset-rules.js';

const { Paragraph, Text } = Typography;

interface InviteForm {
  username: string;
  displayName: string;
}

function SlotState({ slot }: { slot: TAdministratorSlot }) {
  if (slot.state === 'filled' && slot.holder) {
    return (
      <Paragraph style={{ margin: 0 }}>
        <Tag color="green">已就位</Tag>
        {slot.holder.displayName}（{slot.holder.username}）{slot.holder.totpEnabled ? '，已绑定身份验证器' : '，尚未绑定身份验证器'}
      </Paragraph>
    );
  }
  if (slot.state === 'invited' && slot.invitation) {
    return (
      <Paragraph style={{ margin: 0 }}>
        <Tag color="gold">已发出邀请</Tag>
        {slot.invitation.displayName}（{slot.invitation.username}），链接有效至 {formatDateTime(slot.invitation.expiresAt)}，尚未使用
      </Paragraph>
    );
  }
  return (
    <Paragraph style={{ margin: 0 }}>
      <Tag>尚无人担任</Tag>
    </Paragraph>
  );
}

function SlotCard({ slot }: { slot: TAdministratorSlot }) {
  const [form] = Form.useForm<InviteForm>();
  const errors = useServerErrors(form, ['username', 'displayName']);
  const invite = useInviteAdministrator();
  const [link, setLink] = useState<TAdministratorInvitationLink | null>(null);
  const submit = (values: InviteForm) => {
    errors.clear();
    invite.mutate({ role: slot.role as TInvitedRole, ...values }, { onSuccess: setLink, onError: errors.report });
  };
  return (
    <Card size="small" title={slot.roleLabel} data-testid={`bootstrap-slot-${slot.role}`} data-state={slot.state}>
      <SlotState slot={slot} />
      {link && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={`${link.displayName}（${link.username}）的一次性链接`}
          description={
            <>
              <Paragraph
                copyable={{ text: `${window.location.origin}${link.path}`, tooltips: ['复制链接', '已复制'] }}
                style={{ wordBreak: 'break-all', margin: '4px 0' }}
                data-testid="invitation-link"
              >
                {`${window.location.origin}${link.path}`}
              </Paragraph>
              <Text type="secondary" style={{ fontSize: 13 }}>
                有效至 {formatDateTime(link.expiresAt)}，只能使用一次，离开本页后不再显示。{SEPARATION_NOTE}
              </Text>
            </>
          }
        />
      )}
      {slot.state !== 'filled' && (
        <Form<InviteForm>
          // Two forms on one page: the name prefixes the field ids, so each label points at its own field.
          name={`invite-${slot.role}`}
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          style={{ marginTop: 12 }}
          data-testid={`invite-form-${slot.role}`}
        >
          <ServerErrorAlert error={errors.error} title="邀请未生成" />
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="username"
                label="用户名"
                rules={[
                  { required: true, whitespace: true, message: '请填写用户名' },
                  { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: '用户名为 3–64 位字母、数字、点、下划线或连字符' },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Button htmlType="submit" type={slot.state === 'open' ? 'primary' : 'default'} loading={invite.isPending}>
            {slot.state === 'open' ? '生成邀请链接' : '重新生成链接（旧链接作废）'}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The bootstrap card; nothing for accounts that may not create accounts. */
export function AdminBootstrapCard() {
  const bootstrap = useAdministratorBootstrap();
  if (!bootstrap.data) return null;
  const { slots } = bootstrap.data;
  const allFilled = slots.every((slot) => slot.state === 'filled');
  const help = (
    <Collapse
      ghost
      size="small"
      items={[
        {
          key: 'help',
          label: '三员分立与身份验证器重置说明',
          children: (
            <>
              <Paragraph style={{ marginBottom: 4 }}>
                系统管理员、安全管理员、安全审计员须由三个不同的人担任，各用自己的账号；任何账号不能同时担任其中两个角色。
                请不要在下面的用户列表中为他们新建普通账号：由系统管理员设定初始密码的账号不能被授予管理员角色，况且此时还没有安全管理员来授予。
              </Paragraph>
              <TotpResetRules />
            </>
          ),
        },
      ]}
    />
  );
  if (allFilled) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="bootstrap-done"
        title={`三员已就位：${slots.map((slot) => `${slot.roleLabel} ${slot.holder?.displayName ?? ''}`).join('，')}`}
        description={help}
      />
    );
  }
  return (
    <Card variant="borderless" title="三员初始化" style={{ marginBottom: 16 }} data-testid="admin-bootstrap">
      <Paragraph type="secondary">
        为安全管理员和安全审计员各生成一条一次性链接，交给本人。本人打开链接后自行绑定身份验证器、设置密码，账号随即创建并获得角色。
      </Paragraph>
      <Row gutter={[16, 16]}>
        {slots.map((slot) => (
          <Col xs={24} lg={12} key={slot.role}>
            <SlotCard slot={slot} />
          </Col>
        ))}
      </Row>
      {help}
    </Card>
  );
}
