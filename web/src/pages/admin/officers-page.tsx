/**
 * 执法人员与执法证 (`/admin/officers`): the enforcement officers of the organisations in reach with
 * their certificate (执法证) — number, issuing body, validity and its status today — and their
 * declared conflicts of interest, which the case procedures use for recusal (回避). Accounts allowed
 * `officers.write` register officers, record renewed or revoked certificates and declarations.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  CERTIFICATE_STATUS_LABELS,
  type TCertificateStatus,
  type TConflict,
  type TOfficer,
  type TOfficerCandidate,
} from '@contracts/users.js';
import {
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  type SelectProps,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { ADMIN_SECTIONS } from '../../components/admin-sections.js';
import { DateField } from '../../components/date-field.js';
import { OrgSelect } from '../../components/org-select.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError } from '../../components/query-feedback.js';
import { ServerErrorAlert, serverErrorOf, useServerErrors } from '../../components/server-errors.js';
import { type OfficerChange, useOfficerCandidates, useOfficerChange, useOfficers, useOrganisations } from '../../hooks/use-admin.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useSession } from '../../hooks/use-session.js';
import { beijingToday } from '../../lib/beijing-time.js';

const { Text, Paragraph } = Typography;
const SECTION = ADMIN_SECTIONS[3];

const STATUS_COLOURS: Record<TCertificateStatus, string> = {
  valid: 'green',
  'not-yet-valid': 'blue',
  expired: 'orange',
  revoked: 'red',
};

/** The certificate status as a coloured tag (有效 / 尚未生效 / 已过期 / 已吊销或注销). */
export function CertificateStatusTag({ status }: { status: TCertificateStatus }) {
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="certificate-status">
      {CERTIFICATE_STATUS_LABELS[status]}
    </Tag>
  );
}

const DATE_RULES = [{ required: true, message: '请选择日期' }];

interface CertificateForm {
  userId?: string;
  certificateNumber: string;
  issuingBody: string;
  validFrom: string;
  validTo: string;
}

function CertificateFields() {
  return (
    <>
      <Form.Item name="certificateNumber" label="执法证号" rules={[{ required: true, whitespace: true, message: '请填写执法证号' }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="issuingBody" label="发证机关" rules={[{ required: true, whitespace: true, message: '请填写发证机关' }]}>
        <Input autoComplete="off" placeholder="如 广西壮族自治区人民政府" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="validFrom" label="有效期自" rules={DATE_RULES} style={{ flex: '1 1 160px' }}>
          <DateField />
        </Form.Item>
        <Form.Item
          name="validTo"
          label="有效期至"
          dependencies={['validFrom']}
          style={{ flex: '1 1 160px' }}
          rules={[
            ...DATE_RULES,
            ({ getFieldValue }) => ({
              validator: (_rule, value: string) =>
                !value || !getFieldValue('validFrom') || value >= getFieldValue('validFrom')
                  ? Promise.resolve()
                  : Promise.reject(new Error('截止日期不能早于起始日期')),
            }),
          ]}
        >
          <DateField />
        </Form.Item>
      </Flex>
    </>
  );
}

/** One account in the register form's list: the name, then the username people search by. */
function CandidateLabel({ candidate }: { candidate: TOfficerCandidate }) {
  return (
    <span data-testid="officer-candidate">
      {candidate.displayName}
      <Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        {candidate.username}
      </Text>
    </span>
  );
}

/**
 * The account chooser of a new officer: the active staff accounts without an officer record of the
 * organisations where the user may register officers (GET /api/v1/officers/candidates — a head
 * may use it without the right to read accounts), searchable by name and username, grouped by
 * organisation when there are several.
 */
function AccountField() {
  const candidates = useOfficerCandidates(null);
  const organisations = useOrganisations();
  const orgName = new Map((organisations.data?.organisations ?? []).map((org) => [org.code, org.name]));
  const list = candidates.data?.candidates ?? [];
  const optionOf = (candidate: TOfficerCandidate) => ({
    value: candidate.id,
    label: <CandidateLabel candidate={candidate} />,
    // What the search box matches, and the tooltip of a name too long for the box.
    username: candidate.username,
    displayName: candidate.displayName,
    title: `${candidate.displayName}（${candidate.username}）`,
  });
  const orgCodes = [...new Set(list.map((candidate) => candidate.orgCode))];
  const options: SelectProps['options'] =
    orgCodes.length > 1
      ? orgCodes.map((code) => ({
          label: orgName.get(code) ?? code,
          title: orgName.get(code) ?? code,
          options: list.filter((candidate) => candidate.orgCode === code).map(optionOf),
        }))
      : list.map(optionOf);
  return (
    <Form.Item
      name="userId"
      label="人员账号"
      rules={[{ required: true, message: '请选择人员账号' }]}
      extra="列出本单位在用、尚未登记为执法人员的工作人员账号；申请单位的账号不能登记。可输入姓名或用户名查找。"
      validateStatus={candidates.isError ? 'error' : undefined}
      help={candidates.isError ? `未能载入账号列表：${serverErrorOf(candidates.error).message}` : undefined}
    >
      <Select
        showSearch={{ optionFilterProp: ['displayName', 'username'] }}
        placeholder="选择或搜索账号"
        loading={candidates.isPending}
        options={options}
        notFoundContent={candidates.isPending ? '正在载入…' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可登记的账号" />}
        data-testid="officer-account-select"
      />
    </Form.Item>
  );
}

type Dialog =
  | { kind: 'register' }
  | { kind: 'certificate'; officer: TOfficer }
  | { kind: 'revoke'; officer: TOfficer }
  | { kind: 'declare-conflict'; officer: TOfficer }
  | null;

const DIALOG_TITLES = {
  register: '登记执法人员',
  certificate: '登记换发的执法证',
  revoke: '登记执法证吊销或注销',
  'declare-conflict': '申报利害关系',
} as const;

function OfficerDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const [form] = Form.useForm();
  const errors = useServerErrors(form, [
    'userId',
    'certificateNumber',
    'issuingBody',
    'validFrom',
    'validTo',
    'revokedOn',
    'partyId',
    'partyName',
    'reason',
    'declaredOn',
  ]);
  const change = useOfficerChange();
  const { message } = App.useApp();
  if (dialog === null) return null;
  const officer = dialog.kind === 'register' ? null : dialog.officer;
  const close = () => {
    errors.clear();
    onClose();
  };
  const submit = (values: Record<string, string>) => {
    errors.clear();
    let request: OfficerChange;
    if (dialog.kind === 'register') {
      const { userId = '', ...certificate } = values as unknown as CertificateForm;
      request = { kind: 'register', request: { userId, ...certificate } };
    } else if (dialog.kind === 'certificate') {
      request = { kind: 'certificate', officerId: dialog.officer.id, request: values as unknown as CertificateForm };
    } else if (dialog.kind === 'revoke') {
      request = { kind: 'revoke', officerId: dialog.officer.id, revokedOn: values.revokedOn ?? '' };
    } else {
      request = {
        kind: 'declare-conflict',
        officerId: dialog.officer.id,
        request: {
          partyId: values.partyId ?? '',
          partyName: values.partyName ?? '',
          reason: values.reason ?? '',
          declaredOn: values.declaredOn || undefined,
        },
      };
    }
    change.mutate(request, {
      onSuccess: (saved) => {
        message.success(`${DIALOG_TITLES[dialog.kind]}：${saved.user.displayName}，已保存。`);
        close();
      },
      onError: errors.report,
    });
  };
  const initial =
    dialog.kind === 'certificate'
      ? { issuingBody: dialog.officer.certificate.issuingBody, validFrom: beijingToday() }
      : dialog.kind === 'revoke'
        ? { revokedOn: beijingToday() }
        : dialog.kind === 'declare-conflict'
          ? { declaredOn: beijingToday() }
          : {};
  return (
    <Modal
      title={officer ? `${DIALOG_TITLES[dialog.kind]}：${officer.user.displayName}` : DIALOG_TITLES[dialog.kind]}
      open
      onCancel={close}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ danger: dialog.kind === 'revoke' }}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <ServerErrorAlert error={errors.error} title="未能保存" />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initial} onFinish={submit} data-testid="officer-form">
        {dialog.kind === 'register' && <AccountField />}
        {(dialog.kind === 'register' || dialog.kind === 'certificate') && <CertificateFields />}
        {dialog.kind === 'revoke' && (
          <>
            <Paragraph type="secondary">
              当前执法证 {dialog.officer.certificate.number}（{dialog.officer.certificate.issuingBody}
              ）。吊销或注销后，该人员不能再参与需要执法资格的办案环节。
            </Paragraph>
            <Form.Item name="revokedOn" label="吊销或注销日期" rules={DATE_RULES}>
              <DateField />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'declare-conflict' && (
          <>
            <Paragraph type="secondary">申报后，该人员不能被指派办理涉及该当事人的案件（回避）。</Paragraph>
            <Form.Item name="partyName" label="当事人名称" rules={[{ required: true, whitespace: true, message: '请填写当事人名称' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="partyId"
              label="当事人标识"
              rules={[{ required: true, whitespace: true, message: '请填写当事人标识' }]}
              extra="统一社会信用代码或身份证号等能唯一识别当事人的编号。"
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="reason" label="利害关系说明" rules={[{ required: true, whitespace: true, message: '请填写利害关系说明' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <Form.Item name="declaredOn" label="申报日期">
              <DateField />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function ConflictList({ officer, canWrite }: { officer: TOfficer; canWrite: boolean }) {
  const change = useOfficerChange();
  const { message, modal } = App.useApp();
  if (officer.conflicts.length === 0) return <Text type="secondary">未申报利害关系。</Text>;
  const withdraw = (conflict: TConflict) =>
    modal.confirm({
      title: `撤回利害关系申报：${conflict.partyName}`,
      content: '撤回后，该人员可以被指派办理涉及该当事人的案件。',
      okText: '撤回',
      cancelText: '取消',
      onOk: () =>
        change
          .mutateAsync({ kind: 'withdraw-conflict', officerId: officer.id, conflictId: conflict.id })
          .then(() => message.success('已撤回申报'))
          .catch((error: unknown) => message.error(serverErrorOf(error).message)),
    });
  return (
    <div data-testid="conflict-list">
      <Text strong style={{ display: 'block', marginBottom: 6 }}>
        利害关系申报
      </Text>
      {officer.conflicts.map((conflict) => (
        <div key={conflict.id} className="qz-conflict" data-testid="conflict">
          <Flex justify="space-between" gap={8} wrap>
            <span>
              <Text strong>{conflict.partyName}</Text>
              <Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {conflict.partyId} · {conflict.declaredOn} 申报
              </Text>
            </span>
            {canWrite && (
              <Button size="small" type="link" onClick={() => withdraw(conflict)}>
                撤回
              </Button>
            )}
          </Flex>
          <div className="qz-prose" data-testid="conflict-reason">
            {conflict.reason}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The officers page. */
export function OfficersPage() {
  useDocumentTitle('执法人员与执法证');
  const { can } = useSession();
  const canWrite = can('officers.write');
  const [org, setOrg] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const officers = useOfficers(org);
  const rows = officers.data?.officers ?? [];

  const columns: TableColumnsType<TOfficer> = [
    {
      title: '姓名',
      key: 'name',
      render: (_value, officer) => (
        <div style={{ minWidth: 96 }}>
          <Text strong data-testid="officer-name">
            {officer.user.displayName}
          </Text>
          <div>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {officer.organisation.name}
            </Text>
          </div>
          {/* Phones show no certificate columns: the number and validity go under the name. */}
          <div className="qz-only-narrow" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            <div>{officer.certificate.number}</div>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {officer.certificate.validFrom} 至 {officer.certificate.validTo}
            </Text>
          </div>
        </div>
      ),
    },
    {
      title: '执法证号',
      key: 'number',
      responsive: ['md'],
      render: (_value, officer) => (
        <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{officer.certificate.number}</span>
      ),
    },
    {
      title: '发证机关',
      key: 'issuer',
      responsive: ['lg'],
      render: (_value, officer) => <span data-testid="officer-issuer">{officer.certificate.issuingBody}</span>,
    },
    {
      title: '有效期',
      key: 'validity',
      responsive: ['md'],
      render: (_value, officer) => (
        <div style={{ fontVariantNumeric: 'tabular-nums', fontSize: 13, whiteSpace: 'nowrap' }}>
          {officer.certificate.validFrom} 至 {officer.certificate.validTo}
          {officer.certificate.revokedOn && (
            <div>
              <Text type="danger" style={{ fontSize: 12 }}>
                {officer.certificate.revokedOn} 吊销或注销
              </Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '状态', key: 'status', render: (_value, officer) => <CertificateStatusTag status={officer.certificate.status} /> },
    {
      title: '利害关系',
      key: 'conflicts',
      responsive: ['md'],
      align: 'center',
      width: 96,
      render: (_value, officer) =>
        officer.conflicts.length > 0 ? <Tag color="gold">{officer.conflicts.length} 项</Tag> : <Text type="secondary">无</Text>,
    },
    ...(canWrite
      ? [
          {
            title: '',
            key: 'actions',
            width: 80,
            align: 'right' as const,
            render: (_value: unknown, officer: TOfficer) => (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'certificate', label: '登记换发的执法证' },
                    { key: 'declare-conflict', label: '申报利害关系' },
                    ...(officer.certificate.status !== 'revoked' ? [{ key: 'revoke', label: '登记吊销或注销', danger: true }] : []),
                  ],
                  onClick: ({ key }) => setDialog({ kind: key as 'certificate' | 'revoke' | 'declare-conflict', officer }),
                }}
              >
                <Button size="small">操作</Button>
              </Dropdown>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeading
        title={SECTION?.label ?? '执法人员与执法证'}
        audience={SECTION?.audience}
        description="执法证状态按今天（北京时间）计算。利害关系申报用于办案时的回避检查：申报了利害关系的人员不能被指派办理涉及该当事人的案件。"
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'register' })} data-testid="register-officer">
              登记执法人员
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <Space style={{ marginBottom: 12 }} wrap>
          <OrgSelect
            allowClear
            placeholder="全部机构"
            value={org ?? undefined}
            onChange={(value) => setOrg(value ?? null)}
            style={{ width: 240 }}
          />
        </Space>
        {officers.isError ? (
          <LoadError error={officers.error} onRetry={() => officers.refetch()} />
        ) : (
          <Table<TOfficer>
            rowKey="id"
            size="middle"
            loading={officers.isFetching}
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            expandable={{
              expandedRowRender: (officer) => (
                <div style={{ padding: '4px 0' }}>
                  <Paragraph style={{ marginBottom: 8 }} className="qz-below-lg">
                    发证机关：{officer.certificate.issuingBody}
                    {officer.certificate.revokedOn ? `；${officer.certificate.revokedOn} 吊销或注销` : ''}
                  </Paragraph>
                  <ConflictList officer={officer} canWrite={canWrite} />
                </div>
              ),
              defaultExpandedRowKeys: [],
            }}
            locale={{ emptyText: <Empty description="尚未登记执法人员" /> }}
            onRow={(officer) => ({ 'data-testid': 'officer-row', 'data-username': officer.user.username }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
      <OfficerDialog
        key={dialog ? `${dialog.kind}-${'officer' in dialog ? dialog.officer.id : ''}` : 'none'}
        dialog={dialog}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
