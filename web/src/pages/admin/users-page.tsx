/**
 * 用户管理 (`/admin/users`, system administrator): the accounts of the organisations in reach —
 * create one with an initial password, reset a password, disable or enable, lift a lockout, clear
 * a lost authenticator. Roles are not managed here: under 三员分立 that is the security
 * administrator's work.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { TUser, TUserStatus } from '@contracts/users.js';
import {
  Alert,
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import type { UserCommand } from '../../api/admin-api.js';
import { AdminBootstrapCard } from '../../components/admin-bootstrap-card.js';
import { ADMIN_SECTIONS } from '../../components/admin-sections.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeading } from '../../components/page-heading.js';
import { InitialPasswordInput } from '../../components/password-field.js';
import { LoadError } from '../../components/query-feedback.js';
import { ServerErrorAlert, serverErrorOf, useServerErrors } from '../../components/server-errors.js';
import { useCreateUser, useResetUserPassword, useUserCommand, useUsers } from '../../hooks/use-admin.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useSession } from '../../hooks/use-session.js';
import { formatDateTime } from '../../lib/format-date.js';
import { PASSWORD_HINT } from '../../lib/labels.js';
import { filterUsers } from '../../lib/user-search.js';

const { Text } = Typography;
const SECTION = ADMIN_SECTIONS[0];

/** Whether sign-in is refused for now after repeated failures. */
function isLocked(user: TUser, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

function StatusTags({ user }: { user: TUser }) {
  return (
    <Space size={[4, 4]} wrap>
      {user.status === 'active' ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>}
      {isLocked(user) && (
        <Tooltip title={`连续登录失败 ${user.failedLogins} 次，锁定至 ${formatDateTime(user.lockedUntil ?? '')}`}>
          <Tag color="red">已锁定</Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && <Tag color="gold">待改初始密码</Tag>}
    </Space>
  );
}

interface CreateForm {
  username: string;
  displayName: string;
  orgCode: string;
  password: string;
  external: boolean;
}

/** An account just created and its initial password, kept on the page to copy until dismissed. */
interface CreatedAccount {
  user: TUser;
  password: string;
}

function CreateUserModal({
  open,
  onClose,
  onCreated,
  defaultOrg,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedAccount) => void;
  defaultOrg: string;
}) {
  const [form] = Form.useForm<CreateForm>();
  const errors = useServerErrors(form, ['username', 'displayName', 'orgCode', 'password', 'external']);
  const create = useCreateUser();
  const { message } = App.useApp();
  const close = () => {
    form.resetFields();
    errors.clear();
    onClose();
  };
  return (
    <Modal
      title="新建用户"
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ServerErrorAlert error={errors.error} title="用户未创建" />
      <Form<CreateForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ orgCode: defaultOrg, external: false }}
        data-testid="create-user-form"
        onFinish={(values) => {
          errors.clear();
          create.mutate(values, {
            onSuccess: (user) => {
              message.success(`已创建用户 ${user.displayName}（${user.username}），首次登录须修改初始密码。`);
              onCreated({ user, password: values.password });
              close();
            },
            onError: errors.report,
          });
        }}
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
          extra="3–64 位字母、数字、点、下划线或连字符，登录时使用。"
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="orgCode" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          rules={[{ required: true, message: '请设置初始密码' }]}
          extra={`${PASSWORD_HINT}首次登录后须由本人修改。`}
        >
          <InitialPasswordInput />
        </Form.Item>
        <Form.Item
          name="external"
          label="申请单位账号"
          valuePropName="checked"
          extra="外单位（申请单位）人员的账号，只能授予“申请单位用户”角色。"
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const errors = useServerErrors(form, ['password']);
  const reset = useResetUserPassword();
  const { message } = App.useApp();
  const close = () => {
    form.resetFields();
    errors.clear();
    onClose();
  };
  return (
    <Modal
      title={user ? `重置密码：${user.displayName}` : '重置密码'}
      open={user !== null}
      onCancel={close}
      onOk={() => form.submit()}
      okText="重置"
      cancelText="取消"
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">新密码为初始密码，该用户的全部登录将立即结束，下次登录后须由本人修改。</Typography.Paragraph>
      <ServerErrorAlert error={errors.error} title="密码未重置" />
      <Form<{ password: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          if (!user) return;
          errors.clear();
          reset.mutate(
            { userId: user.id, password: values.password },
            {
              onSuccess: () => {
                message.success(`已重置 ${user.displayName} 的密码。`);
                close();
              },
              onError: errors.report,
            },
          );
        }}
      >
        <Form.Item name="password" label="新的初始密码" rules={[{ required: true, message: '请设置初始密码' }]} extra={PASSWORD_HINT}>
          <InitialPasswordInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const COMMAND_TEXT: Record<UserCommand, { label: string; confirm: string; done: string }> = {
  disable: { label: '停用', confirm: '停用后该用户不能登录，其全部登录将立即结束。', done: '已停用' },
  enable: { label: '启用', confirm: '启用后该用户可以重新登录。', done: '已启用' },
  unlock: { label: '解除锁定', confirm: '清除连续登录失败的记录，该用户可以立即重新登录。', done: '已解除锁定' },
  'totp-reset': {
    label: '重置动态口令',
    confirm:
      '清除该用户绑定的身份验证器（如手机遗失），其全部登录将结束；系统管理员账号下次登录时须重新绑定，其他账号可在“个人设置”中重新绑定。',
    done: '已重置动态口令',
  },
};

/** The security administrator and the auditor: nobody resets their authenticator in the web app. */
function isProtectedAdministrator(user: TUser): boolean {
  return (user.roles ?? []).some((grant) => grant.role === 'security-admin' || grant.role === 'security-auditor');
}

function useUserActions(onResetPassword: (user: TUser) => void) {
  const { can } = useSession();
  const command = useUserCommand();
  const { message, modal } = App.useApp();
  const run = (user: TUser, kind: UserCommand) => {
    const text = COMMAND_TEXT[kind];
    modal.confirm({
      title: `${text.label}：${user.displayName}（${user.username}）`,
      content: text.confirm,
      okText: text.label,
      cancelText: '取消',
      okButtonProps: { danger: kind === 'disable' || kind === 'totp-reset' },
      onOk: () =>
        command
          .mutateAsync({ userId: user.id, command: kind })
          .then(() => message.success(`${user.displayName}：${text.done}`))
          .catch((error: unknown) => message.error(serverErrorOf(error).message)),
    });
  };
  return (user: TUser) => {
    const items = [
      ...(can('users.update') ? [{ key: 'password', label: '重置密码' }] : []),
      ...(can('users.update') && (isLocked(user) || user.failedLogins > 0) ? [{ key: 'unlock', label: '解除锁定' }] : []),
      ...(can('users.update') && user.totpEnabled
        ? [
            isProtectedAdministrator(user)
              ? // 三员分立: the server refuses it (reset-user-totp.ts); the menu says where it is done instead.
                { key: 'totp-reset', label: '重置动态口令：只能由运维人员在服务器上执行 quanze user reset-totp', disabled: true }
              : { key: 'totp-reset', label: '重置动态口令' },
          ]
        : []),
      ...(can('users.disable')
        ? [user.status === 'active' ? { key: 'disable', label: '停用', danger: true } : { key: 'enable', label: '启用' }]
        : []),
    ];
    if (items.length === 0) return null;
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => (key === 'password' ? onResetPassword(user) : run(user, key as UserCommand)),
        }}
      >
        <Button size="small" data-testid="user-actions">
          操作
        </Button>
      </Dropdown>
    );
  };
}

/** The account list page. */
export function UsersPage() {
  useDocumentTitle('用户管理');
  const { session, can } = useSession();
  const [org, setOrg] = useState<string | null>(null);
  const [status, setStatus] = useState<TUserStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [created, setCreated] = useState<CreatedAccount[]>([]);
  const users = useUsers({ org, status: status === 'all' ? null : status });
  const actions = useUserActions(setResetting);

  const rows = filterUsers(users.data?.users ?? [], search);

  const columns: TableColumnsType<TUser> = [
    {
      title: '姓名',
      dataIndex: 'displayName',
      render: (_value, user) => (
        <div>
          <Text strong data-testid="user-display-name">
            {user.displayName}
          </Text>
          {user.external && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              申请单位
            </Tag>
          )}
          <div>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {user.username}
            </Text>
          </div>
        </div>
      ),
    },
    { title: '所属机构', dataIndex: ['organisation', 'name'], responsive: ['md'] },
    {
      title: '角色',
      key: 'roles',
      render: (_value, user) =>
        user.roles && user.roles.length > 0 ? (
          <Space size={[4, 4]} wrap data-testid="user-roles">
            {user.roles.map((grant) => (
              <Tooltip
                key={`${grant.role}-${grant.organisation}`}
                title={`${grant.organisation}${grant.scope === 'subtree' ? '及下级机构' : ''}`}
              >
                <Tag color="geekblue">{grant.label}</Tag>
              </Tooltip>
            ))}
          </Space>
        ) : (
          <Text type="secondary" data-testid="user-roles">
            未授予角色
          </Text>
        ),
    },
    { title: '状态', key: 'status', render: (_value, user) => <StatusTags user={user} /> },
    {
      title: '动态口令',
      dataIndex: 'totpEnabled',
      responsive: ['lg'],
      render: (enabled: boolean) => (enabled ? <Tag color="blue">已绑定</Tag> : <Text type="secondary">未绑定</Text>),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      responsive: ['lg'],
      render: (at: string | null) => (at ? formatDateTime(at) : <Text type="secondary">从未登录</Text>),
    },
    { title: '', key: 'actions', width: 80, align: 'right', render: (_value, user) => actions(user) },
  ];

  return (
    <>
      <PageHeading
        title={SECTION?.label ?? '用户管理'}
        audience={SECTION?.audience}
        description="创建和维护本机构及下级机构的用户账号。角色由安全管理员在“角色与权限”中授予。"
        actions={
          can('users.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
              新建用户
            </Button>
          )
        }
      />
      {can('users.create') && <AdminBootstrapCard />}
      {created.map(({ user, password }) => (
        <Alert
          key={user.id}
          type="success"
          showIcon
          closable={{ closeIcon: true, 'aria-label': '不再显示' }}
          onClose={() => setCreated((list) => list.filter((entry) => entry.user.id !== user.id))}
          style={{ marginBottom: 12 }}
          data-testid="created-account"
          title={`已创建 ${user.displayName}（${user.username}）`}
          description={
            <>
              初始密码：
              <Text code copyable={{ text: password, tooltips: ['复制初始密码', '已复制'] }} data-testid="created-password">
                {password}
              </Text>
              <br />
              请当面或通过可靠渠道交给本人；首次登录后须由本人修改。离开本页后不再显示。角色由安全管理员在“角色与权限”中授予。
            </>
          }
        />
      ))}
      <Card variant="borderless">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            placeholder="按姓名或用户名筛选"
            allowClear
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 220 }}
          />
          <OrgSelect
            allowClear
            placeholder="全部机构"
            value={org ?? undefined}
            onChange={(value) => setOrg(value ?? null)}
            style={{ width: 220 }}
          />
          <Segmented<TUserStatus | 'all'>
            value={status}
            onChange={setStatus}
            options={[
              { label: '全部', value: 'all' },
              { label: '在用', value: 'active' },
              { label: '已停用', value: 'disabled' },
            ]}
          />
        </Flex>
        {users.isError ? (
          <LoadError error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <Table<TUser>
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: search.trim() ? '没有符合条件的用户' : '暂无用户' }}
            onRow={(user) => ({ 'data-testid': 'user-row', 'data-username': user.username }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(entry) => setCreated((list) => [entry, ...list])}
        defaultOrg={session?.user.organisation.code ?? ''}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
