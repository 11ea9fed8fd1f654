/**
 * 新建案件: choose the item, name the parties (a body by its 统一社会信用代码, a person by the
 * 居民身份证号 — the server checks the check digit and its message lands under the field), fill in
 * the item's opening facts (a form drawn from the procedure's schema) and assign the officers.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TOfficer } from '@contracts/users.js';
import { Alert, Breadcrumb, Button, Card, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http.js';
import { asFactsSchema, FactsFields, initialFor, placeFactsErrors, toWireFacts } from '../../components/cases/facts-form.js';
import { PageHeading } from '../../components/page-heading.js';
import { LoadError, PageLoading } from '../../components/query-feedback.js';
import { RequireSession } from '../../components/require-session.js';
import { type ServerError, ServerErrorAlert } from '../../components/server-errors.js';
import { useOfficers } from '../../hooks/use-admin.js';
import { useCase, useOpenCase } from '../../hooks/use-cases.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useProcedure, useProcedures } from '../../hooks/use-procedures.js';
import { useSession } from '../../hooks/use-session.js';

const { Text } = Typography;

interface PartyValues {
  kind: 'organisation' | 'person';
  name?: string;
  creditCode?: string;
  idNumber?: string;
}

interface FormValues {
  parties?: PartyValues[];
  facts?: Record<string, unknown>;
  officerIds?: string[];
}

/** An officer as an option: name, certificate number, and whether the certificate is valid today. */
export function officerOption(officer: TOfficer) {
  const certificate = officer.certificate;
  const valid = certificate.status === 'valid';
  const state = valid ? `执法证 ${certificate.number}` : `执法证${certificate.status === 'expired' ? '已过期' : '无效'}`;
  return { value: officer.id, label: `${officer.user.displayName}（${state}）`, disabled: false, valid };
}

function PartiesFields() {
  return (
    <Form.List name="parties">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <Card
              key={row.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`当事人 ${index + 1}`}
              extra={
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)}>
                  删除
                </Button>
              }
              data-testid="party-row"
            >
              <Form.Item name={[row.name, 'kind']} label="类型" rules={[{ required: true, message: '请选择当事人类型' }]}>
                <Radio.Group
                  options={[
                    { value: 'organisation', label: '单位' },
                    { value: 'person', label: '个人' },
                  ]}
                  optionType="button"
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(before, after) => before.parties?.[index]?.kind !== after.parties?.[index]?.kind}>
                {({ getFieldValue }) => {
                  const isPerson = getFieldValue(['parties', row.name, 'kind']) === 'person';
                  return (
                    <>
                      <Form.Item
                        name={[row.name, 'name']}
                        label={isPerson ? '姓名' : '单位名称'}
                        rules={[{ required: true, message: isPerson ? '请填写姓名' : '请填写单位名称' }]}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                      {isPerson ? (
                        <Form.Item
                          name={[row.name, 'idNumber']}
                          label="居民身份证号码"
                          rules={[{ required: true, message: '请填写居民身份证号码' }]}
                          extra="18 位，末位可为 X；系统会核对校验码"
                        >
                          <Input maxLength={18} style={{ maxWidth: 320 }} />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[row.name, 'creditCode']}
                          label="统一社会信用代码"
                          rules={[{ required: true, message: '请填写统一社会信用代码' }]}
                          extra="18 位；系统会核对校验码"
                        >
                          <Input maxLength={18} style={{ maxWidth: 320 }} />
                        </Form.Item>
                      )}
                    </>
                  );
                }}
              </Form.Item>
            </Card>
          ))}
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'organisation' })} data-testid="add-organisation">
              添加单位当事人
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'person' })} data-testid="add-person">
              添加个人当事人
            </Button>
          </Space>
        </>
      )}
    </Form.List>
  );
}

function NewCaseForm() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { session } = useSession();
  const itemNo = Number(params.get('item')) || null;
  // opened from another case's finding (an inspection's hazard, a leak): linked both ways
  const openedFrom = params.get('from');
  const procedures = useProcedures();
  const procedure = useProcedure(itemNo);
  const officers = useOfficers(null);
  const openCase = useOpenCase();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<ServerError | null>(null);
  useDocumentTitle('新建案件');

  const schema = useMemo(() => asFactsSchema(procedure.data?.openingFactsSchema ?? {}), [procedure.data]);
  const myOfficerId = officers.data?.officers.find((officer) => officer.user.id === session?.user.id)?.id;
  const officerOptions = (officers.data?.officers ?? []).map(officerOption);

  // A new item brings its own opening facts; the parties and officers stay as entered.
  useEffect(() => {
    if (!procedure.data) return;
    form.setFieldValue('facts', initialFor(asFactsSchema(procedure.data.openingFactsSchema)));
  }, [procedure.data, form]);
  useEffect(() => {
    if (myOfficerId && (form.getFieldValue('officerIds') ?? []).length === 0) form.setFieldValue('officerIds', [myOfficerId]);
  }, [myOfficerId, form]);

  const submit = (values: FormValues) => {
    if (!itemNo) return;
    setError(null);
    openCase.mutate(
      {
        itemNo,
        parties: (values.parties ?? []).map((party) =>
          party.kind === 'person'
            ? { kind: 'person', name: party.name?.trim() ?? '', idNumber: party.idNumber?.trim().toUpperCase() ?? '' }
            : { kind: 'organisation', name: party.name?.trim() ?? '', creditCode: party.creditCode?.trim().toUpperCase() ?? '' },
        ),
        facts: toWireFacts(schema, values.facts),
        officerIds: values.officerIds ?? [],
        ...(openedFrom ? { openedFrom } : {}),
      },
      {
        onSuccess: (kase) => navigate(`/cases/${kase.id}`),
        onError: (failure) => {
          if (!(failure instanceof ApiError)) {
            setError({ status: 0, message: '操作未能完成，请稍后重试。', details: [] });
            return;
          }
          const problem = failure.problem;
          const partyIssues = (problem?.errors ?? []).filter((issue) => /^(body\.)?parties\.\d+\./.test(issue.path));
          const officerIssues = (problem?.errors ?? []).filter((issue) => /^(body\.)?officerIds/.test(issue.path));
          form.setFields(
            partyIssues.map((issue) => {
              const [, index, field] = /parties\.(\d+)\.(\w+)/.exec(issue.path) ?? [];
              return { name: ['parties', Number(index), field ?? 'name'], errors: [issue.message] };
            }),
          );
          if (officerIssues.length > 0) form.setFields([{ name: 'officerIds', errors: officerIssues.map((issue) => issue.message) }]);
          const rest = placeFactsErrors(form, schema, {
            ...(problem ?? { type: '', title: '', status: failure.status }),
            errors: (problem?.errors ?? []).filter((issue) => !partyIssues.includes(issue) && !officerIssues.includes(issue)),
          });
          const unplaced = (problem?.errors ?? []).filter(
            (issue) => !partyIssues.includes(issue) && !officerIssues.includes(issue) && rest.includes(issue.message),
          );
          setError({ status: failure.status, message: failure.message, details: unplaced.map((issue) => issue.message) });
        },
      },
    );
  };

  const itemOptions = (procedures.data?.procedures ?? [])
    .filter((p) => p.template !== null)
    .map((p) => ({ value: p.item.no, label: `第${p.item.no}项 ${p.item.name}（${p.template?.title}）` }));

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'cases', title: <Link to="/cases">我的案件</Link> },
          { key: 'new', title: '新建案件' },
        ]}
      />
      <PageHeading title="新建案件" description="登记案件的来源和当事人，并指派承办的执法人员；后续环节在案件页面中逐步办理。" />
      {openedFrom && <OpenedFromNotice caseId={openedFrom} />}
      <Card variant="borderless">
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ parties: [{ kind: 'organisation' }], officerIds: [] }}
          style={{ maxWidth: 760 }}
          data-testid="new-case-form"
          scrollToFirstError
        >
          <Form.Item label="事项" required>
            <Select
              placeholder="选择要办理的权力事项"
              loading={procedures.isPending}
              value={itemNo ?? undefined}
              options={itemOptions}
              onChange={(value: number) => setParams({ item: String(value) }, { replace: true })}
              data-testid="item-select"
            />
          </Form.Item>
          {procedures.isError && <LoadError error={procedures.error} onRetry={() => procedures.refetch()} />}
          {itemNo !== null && procedure.data && (
            <Text type="secondary" style={{ display: 'block', marginTop: -16, marginBottom: 16, fontSize: 13 }}>
              按“{procedure.data.template.title}”办理：{procedure.data.steps.map((step) => step.name).join(' → ')}。
              <Link to={`/procedures/${itemNo}`}>查看办理程序</Link>
            </Text>
          )}
          <Typography.Title level={5}>当事人</Typography.Title>
          <PartiesFields />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            基本信息
          </Typography.Title>
          {itemNo === null ? (
            <Alert type="info" showIcon title="请先选择事项，再填写该事项的基本信息。" style={{ marginBottom: 16 }} />
          ) : procedure.isPending ? (
            <PageLoading rows={3} />
          ) : procedure.isError ? (
            <LoadError error={procedure.error} onRetry={() => procedure.refetch()} />
          ) : (
            <FactsFields schema={schema} bases={procedure.data.legalBases} />
          )}
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            承办执法人员
          </Typography.Title>
          <Form.Item name="officerIds" extra="调查取证、现场检查等环节须由两名以上持有效执法证的执法人员进行，也可以在案件创建后再指派。">
            <Select
              mode="multiple"
              placeholder="选择执法人员"
              loading={officers.isPending}
              options={officerOptions}
              optionFilterProp="label"
              data-testid="officer-select"
            />
          </Form.Item>
          {officers.isError && <Text type="secondary">执法人员名单暂时无法读取，可在案件创建后指派。</Text>}
          <ServerErrorAlert error={error} title="未能创建案件" onClose={() => setError(null)} />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={openCase.isPending} disabled={!procedure.data} data-testid="open-case">
              创建案件
            </Button>
            <Button onClick={() => navigate('/cases')}>取消</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

/** Route `/cases/new?item=N`. */
export function NewCasePage() {
  return (
    <RequireSession anyOf={['cases.write']}>
      <NewCaseForm />
    </RequireSession>
  );
}

/** Says which case the new one comes from (it will be linked to it both ways). */
function OpenedFromNotice({ caseId }: { caseId: string }) {
  const source = useCase(caseId);
  const label = source.data ? `${source.data.number}（第${source.data.item.no}项 ${source.data.item.name}）` : '来源案件';
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type="info"
      showIcon
      data-testid="opened-from"
      title={`由 ${label} 中的发现新建：新案件将与它相互关联。`}
    />
  );
}
