/**
 * 角色与权限 (`/admin/roles`, security administrator): each account's roles per organisation (or
 * organisation and everything below it), granted and taken back here; the role model; and the
 * policy table exactly as the server enforces it. A grant the server refuses — above all a second
 * of the three separated administrator roles (三员分立) — is shown in the server's words.
 */
import { PlusOutlined } from '@ant-design/icons';
import { GRANT_SCOPE_LABELS, ROLE_ID_VALUES, ROLE_LABELS, type TGrantScope, type TRoleId } from '@contracts/access.js';
import type { TRoleDefinition, TRoleGrant, TUserWithRoles } from '@contracts/users.js';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Grid,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { ADMIN_SECTIONS } from '../../components/admin-sections.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError, PageLoading } from '../../components/query-feedback.js';
import { ServerErrorAlert, serverErrorOf, useServerErrors } from '../../components/server-errors.js';
import { useAssignRole, useRevokeRole, useRolesOverview } from '../../hooks/use-admin.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useSession } from '../../hooks/use-session.js';
import { formatDateTime } from '../../lib/format-date.js';
import { policyMatrix } from '../../lib/policy-matrix.js';
import { filterUsers } from '../../lib/user-search.js';

const { Text, Paragraph } = Typography;
const SECTION = ADMIN_SECTIONS[1];

const SEPARATED: readonly TRoleId[] = ['system-admin', 'security-admin', 'security-auditor'];

/** Tag colour of a role: the three administrators stand out from the business roles. */
function roleColour(role: TRoleId): string {
  if (role === 'system-admin') return 'geekblue';
  if (role === 'security-admin') return 'purple';
  if (role === 'security-auditor') return 'magenta';
  if (role === 'applicant') return 'default';
  return 'blue';
}

function grantText(grant: TRoleGrant): string {
  return `${grant.label} · ${grant.organisation.name}${grant.scope === 'subtree' ? '及下级' : ''}`;
}

interface AssignForm {
  role: TRoleId;
  orgCode: string;
  scope: TGrantScope;
}

function AssignRoleModal({ user, onClose }: { user: TUserWithRoles | null; onClose: () => void }) {
  const [form] = Form.useForm<AssignForm>();
  const errors = useServerErrors(form, ['role', 'orgCode', 'scope']);
  const assign = useAssignRole();
  const { message } = App.useApp();
  const close = () => {
    form.resetFields();
    errors.clear();
    onClose();
  };
  const held = new Set(user?.grants.map((grant) => grant.role) ?? []);
  const holdsAdmin = SEPARATED.find((role) => held.has(role));
  const roles = user?.external ? (['applicant'] as const) : ROLE_ID_VALUES;
  return (
    <Modal
      title={user ? `授予角色：${user.displayName}` : '授予角色'}
      open={user !== null}
      onCancel={close}
      onOk={() => form.submit()}
      okText="授予"
      cancelText="取消"
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      {holdsAdmin && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`该账号已担任${ROLE_LABELS[holdsAdmin]}。依照“三员分立”，系统管理员、安全管理员、安全审计员不得由同一账号兼任。`}
        />
      )}
      <ServerErrorAlert error={errors.error} title="未能授予角色" />
      <Form<AssignForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ orgCode: user?.organisation.code, scope: 'organisation' }}
        data-testid="assign-role-form"
        onFinish={(values) => {
          if (!user) return;
          errors.clear();
          assign.mutate(
            { userId: user.id, role: values.role, orgCode: values.orgCode, scope: values.scope },
            {
              onSuccess: (grant) => {
                message.success(`已授予 ${user.displayName}：${grantText(grant)}`);
                close();
              },
              onError: errors.report,
            },
          );
        }}
      >
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select<TRoleId>
            placeholder="选择角色"
            options={roles.map((role) => ({
              value: role,
              label: (
                <span>
                  {ROLE_LABELS[role]}
                  {SEPARATED.includes(role) && (
                    <Tag style={{ marginInlineStart: 8 }} color="purple">
                      三员
                    </Tag>
                  )}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="orgCode" label="授权机构" rules={[{ required: true, message: '请选择机构' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="scope" label="授权范围">
          <Radio.Group
            options={(['organisation', 'subtree'] as const).map((scope) => ({ value: scope, label: GRANT_SCOPE_LABELS[scope] }))}
            optionType="button"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GrantsTab({ users }: { users: readonly TUserWithRoles[] }) {
  const { session, can } = useSession();
  const [assigning, setAssigning] = useState<TUserWithRoles | null>(null);
  const [search, setSearch] = useState('');
  const revoke = useRevokeRole();
  const { message, modal } = App.useApp();
  const canAssign = can('roles.assign');
  const isNarrow = Grid.useBreakpoint().md === false;

  const confirmRevoke = (user: TUserWithRoles, grant: TRoleGrant) =>
    modal.confirm({
      title: `收回角色：${user.displayName}`,
      content: `收回“${grantText(grant)}”后，该账号立即失去相应权限。`,
      okText: '收回',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        revoke
          .mutateAsync(grant.id)
          .then(() => message.success(`已收回 ${user.displayName} 的${grant.label}角色`))
          .catch((error: unknown) => message.error(serverErrorOf(error).message)),
    });

  const rows = filterUsers(users, search);

  const grantTags = (user: TUserWithRoles) =>
    user.grants.length === 0 ? (
      <Text type="secondary">未授予角色</Text>
    ) : (
      <Space size={[4, 6]} wrap>
        {user.grants.map((grant) => (
          <Tag
            key={grant.id}
            color={roleColour(grant.role)}
            closable={canAssign && user.id !== session?.user.id}
            onClose={(event) => {
              event.preventDefault();
              confirmRevoke(user, grant);
            }}
            title={`由 ${grant.grantedBy.name} 于 ${formatDateTime(grant.grantedAt)} 授予`}
            style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
            data-testid="grant-tag"
          >
            {grantText(grant)}
          </Tag>
        ))}
      </Space>
    );

  const columns: TableColumnsType<TUserWithRoles> = [
    {
      title: '账号',
      dataIndex: 'displayName',
      width: isNarrow ? undefined : 220,
      render: (_value, user) => (
        <div>
          <Text strong data-testid="roles-user-name">
            {user.displayName}
          </Text>
          {user.status === 'disabled' && <Tag style={{ marginInlineStart: 6 }}>已停用</Tag>}
          {user.external && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              申请单位
            </Tag>
          )}
          <div>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {user.username} · {user.organisation.name}
            </Text>
          </div>
          {isNarrow && <div style={{ marginTop: 6 }}>{grantTags(user)}</div>}
        </div>
      ),
    },
    ...(isNarrow ? [] : [{ title: '角色', key: 'grants', render: (_value: unknown, user: TUserWithRoles) => grantTags(user) }]),
    ...(canAssign
      ? [
          {
            title: '',
            key: 'assign',
            width: isNarrow ? 48 : 110,
            align: 'right' as const,
            render: (_value: unknown, user: TUserWithRoles) => (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setAssigning(user)}
                disabled={user.status === 'disabled'}
                aria-label="授予角色"
                data-testid="assign-role"
              >
                {isNarrow ? null : '授予角色'}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Input.Search
        placeholder="按姓名或用户名筛选"
        allowClear
        onChange={(event) => setSearch(event.target.value)}
        style={{ width: 240, marginBottom: 12 }}
      />
      <Table<TUserWithRoles>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(user) => ({ 'data-testid': 'roles-row', 'data-username': user.username }) as HTMLAttributes<HTMLElement>}
      />
      <AssignRoleModal user={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}

function RoleModelTab({ roles }: { roles: readonly TRoleDefinition[] }) {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="三员分立"
        description="系统管理员负责账号与系统配置，不能查阅案件和审计日志；安全管理员负责角色与权限，不能查阅案件；安全审计员只能查阅审计日志和访问日志。三者不得由同一账号兼任，系统拒绝此类授权。"
      />
      <Row gutter={[16, 16]}>
        {roles.map((role) => (
          <Col key={role.id} xs={24} md={12} xl={8}>
            <Card
              size="small"
              title={
                <Space>
                  {role.label}
                  {role.separatedAdmin && <Tag color="purple">三员</Tag>}
                </Space>
              }
              style={{ height: '100%' }}
            >
              <Paragraph style={{ marginBottom: 8 }}>{role.description}</Paragraph>
              <Text type="secondary" style={{ fontSize: 12 }}>
                可执行 {role.actions.length} 项操作
              </Text>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

function PolicyTab({ roles }: { roles: readonly TRoleDefinition[] }) {
  const rows = policyMatrix(roles);
  const isNarrow = Grid.useBreakpoint().md === false;
  const firstWidth = isNarrow ? 140 : 200;
  const roleWidth = 86;
  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      title: '操作',
      dataIndex: 'description',
      fixed: 'left',
      width: firstWidth,
      render: (description: string, row) => (
        <div>
          <div>{description}</div>
          <Text type="secondary" code style={{ fontSize: 11 }}>
            {row.action}
          </Text>
        </div>
      ),
    },
    ...roles.map((role) => ({
      title: role.label,
      key: role.id,
      width: roleWidth,
      align: 'center' as const,
      render: (_value: unknown, row: (typeof rows)[number]) => {
        const reach = row.reach[role.id];
        if (!reach) return <Text type="secondary">—</Text>;
        return <Tag color={reach === 'subtree' ? 'blue' : 'cyan'}>{reach === 'subtree' ? '含下级' : '本机构'}</Tag>;
      },
    })),
  ];
  return (
    <>
      <Paragraph type="secondary">
        下表由服务器的权限策略生成，与实际执行的校验一致。“本机构”指只能在被授权的机构内执行；“含下级”指授权范围为“本机构及下级机构”时，也可对下级机构执行。
        公开查阅清单、法律依据库和执法人员公示无需登录。
      </Paragraph>
      <Table
        rowKey="action"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: firstWidth + roles.length * roleWidth }}
        data-testid="policy-table"
      />
    </>
  );
}

/** The roles page. */
export function RolesPage() {
  useDocumentTitle('角色与权限');
  const overview = useRolesOverview();
  return (
    <>
      <PageHeading
        title={SECTION?.label ?? '角色与权限'}
        audience={SECTION?.audience}
        description="为账号授予或收回角色，并可查看各角色的职责与权限。每次授权变更均记入审计日志。"
      />
      {overview.isPending ? (
        <PageLoading />
      ) : overview.isError ? (
        <LoadError error={overview.error} onRetry={() => overview.refetch()} />
      ) : (
        <Card variant="borderless">
          <Tabs
            items={[
              { key: 'grants', label: '账号授权', children: <GrantsTab users={overview.data.users} /> },
              { key: 'model', label: '角色说明', children: <RoleModelTab roles={overview.data.roles} /> },
              { key: 'policies', label: '权限对照表', children: <PolicyTab roles={overview.data.roles} /> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
