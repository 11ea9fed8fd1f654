/**
 * The next step of a case: the actions the caller may take now (per-object permissions from the
 * server — nothing shown here ends in a 403), each with its form drawn from the facts schema. A
 * rule's refusal (422) lists each rule with the list's own clause and basis; overridable ones can
 * be resubmitted with a recorded reason. A lost race (409) asks to reload.
 */
import { ExclamationCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type TRoleId } from '@contracts/access.js';
import type { TAvailableAction, TCase, TProcedure, TRefusal, TTransitionRequest } from '@contracts/cases.js';
import { Alert, App, Button, Collapse, Flex, Form, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { problemCode, refusalsOf } from '../../api/cases-api.js';
import { ApiError } from '../../api/http.js';
import { useTransitionCase } from '../../hooks/use-cases.js';
import { DateTimeField } from '../date-field.js';
import { type ServerError, ServerErrorAlert } from '../server-errors.js';
import { ClauseText } from './case-bits.js';
import { asFactsSchema, FactsFields, hasNoFields, initialFor, placeFactsErrors, toWireFacts } from './facts-form.js';

const { Text, Paragraph } = Typography;

const SEVERITY_COLOR = { blocking: 'red', overridable: 'orange', finding: 'blue' } as const;

interface FormValues {
  facts?: Record<string, unknown>;
  at?: string;
}

/** The 422 answer: every refusing rule with the list's clause; an override control when all are overridable. */
export function RefusalAlert({
  refusals,
  onOverride,
  pending,
}: {
  refusals: TRefusal[];
  onOverride: (reason: string) => void;
  pending: boolean;
}) {
  const [reason, setReason] = useState('');
  const overridable = refusals.every((refusal) => refusal.overridable);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title="监察规则不允许办理此环节"
      data-testid="refusals"
      description={
        <>
          <ol style={{ margin: '4px 0 8px', paddingLeft: 20 }}>
            {refusals.map((refusal) => (
              <li key={refusal.rule} style={{ marginBottom: 8 }} data-testid="refusal" data-rule={refusal.rule}>
                <Text strong>{refusal.title}</Text>
                {refusal.overridable && (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    可说明理由后继续
                  </Tag>
                )}
                <div>{refusal.message}</div>
                <div style={{ fontSize: 13, marginTop: 2 }}>
                  <ClauseText clause={refusal.clause} gap={refusal.gap} />
                </div>
              </li>
            ))}
          </ol>
          {overridable ? (
            <div data-testid="override">
              <Paragraph style={{ marginBottom: 6 }}>
                如确有正当理由（如情况紧急），可写明理由后继续办理；理由将记入案件，并作为监察发现留存。
              </Paragraph>
              <Input.TextArea
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                placeholder="理由（至少 4 个字）"
                aria-label="继续办理的理由"
              />
              <Button
                style={{ marginTop: 8 }}
                danger
                loading={pending}
                disabled={reason.trim().length < 4}
                onClick={() => onOverride(reason.trim())}
                data-testid="override-submit"
              >
                说明理由后继续
              </Button>
            </div>
          ) : (
            <Text type="secondary">请按上述要求补正后再办理（例如指派第二名持有效执法证的执法人员）。</Text>
          )}
        </>
      }
    />
  );
}

/** The form of one action; it sends the case version current when it is submitted. */
function ActionForm({
  kase,
  action,
  procedure,
  onDone,
  onReload,
}: {
  kase: TCase;
  action: TAvailableAction;
  procedure: TProcedure | undefined;
  onDone: (kase: TCase) => void;
  onReload: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const schema = useMemo(() => asFactsSchema(action.factsSchema), [action.factsSchema]);
  const transition = useTransitionCase(kase.id);
  const [refusals, setRefusals] = useState<TRefusal[]>([]);
  const [stale, setStale] = useState<string | null>(null);
  const [error, setError] = useState<ServerError | null>(null);
  const [lastRequest, setLastRequest] = useState<TTransitionRequest | null>(null);

  const send = (request: TTransitionRequest) => {
    setRefusals([]);
    setStale(null);
    setError(null);
    setLastRequest(request);
    transition.mutate(request, {
      onSuccess: (next) => {
        // The step may stay where it is (a notice served, a statement recorded): start the form afresh.
        form.resetFields();
        setLastRequest(null);
        onDone(next);
      },
      onError: (failure) => {
        const code = problemCode(failure);
        if (code === 'rule-violated') {
          setRefusals(refusalsOf(failure));
          return;
        }
        if (code === 'stale-version' || code === 'invalid-transition') {
          setStale(
            code === 'stale-version'
              ? '本案刚刚已被他人更新（例如其他承办人已办理了某个环节），您看到的不是最新情况。请刷新后再办理。'
              : failure instanceof ApiError
                ? `${failure.message} 请刷新查看本案的最新环节。`
                : '当前环节不能办理此事项，请刷新查看本案的最新环节。',
          );
          return;
        }
        if (failure instanceof ApiError) {
          const rest = placeFactsErrors(form, schema, failure.problem);
          const atIssue = (failure.problem?.errors ?? []).find((issue) => /(^|\.)at$/.test(issue.path));
          if (atIssue) form.setFields([{ name: 'at', errors: [atIssue.message] }]);
          setError({
            status: failure.status,
            message: failure.message,
            details: rest.filter((message) => message !== atIssue?.message),
          });
          return;
        }
        setError({ status: 0, message: '操作未能完成，请稍后重试。', details: [] });
      },
    });
  };

  const submit = (values: FormValues) => {
    const at = values.at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.at) ? `${values.at}:00+08:00` : undefined;
    send({ action: action.id, expectedVersion: kase.version, facts: toWireFacts(schema, values.facts), ...(at ? { at } : {}) });
  };

  const override = (reason: string) => {
    if (!lastRequest) return;
    send({ ...lastRequest, override: { reason, rules: refusals.map((refusal) => refusal.rule) } });
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ facts: initialFor(schema) }}
      data-testid="action-form"
      data-action={action.id}
      scrollToFirstError
    >
      {action.help && <Paragraph type="secondary">{action.help}</Paragraph>}
      {(action.rules.length > 0 || action.documents.length > 0) && (
        <div style={{ marginBottom: 16, fontSize: 13 }}>
          {action.rules.length > 0 && (
            <div style={{ marginBottom: 4 }}>
              <Text type="secondary">提交时检查：</Text>
              <Space size={[4, 4]} wrap>
                {action.rules.map((rule) => (
                  <Tag key={rule.id} color={SEVERITY_COLOR[rule.severity]}>
                    {rule.title}
                  </Tag>
                ))}
              </Space>
            </div>
          )}
          {action.documents.length > 0 && (
            <div>
              <Text type="secondary">需要的文书：</Text>
              {action.documents.join('、')}
            </div>
          )}
        </div>
      )}
      {hasNoFields(schema) ? (
        <Paragraph>此事项无需填写内容，确认后即可办理。</Paragraph>
      ) : (
        <FactsFields schema={schema} bases={procedure?.legalBases ?? []} />
      )}
      <Collapse
        ghost
        size="small"
        style={{ marginBottom: 12, marginInline: -16 }}
        items={[
          {
            key: 'at',
            label: <Text type="secondary">补录：此事发生在较早时间</Text>,
            children: (
              <Form.Item
                name="at"
                label="实际办理时间"
                extra="例如昨天已当面送达、今天才录入。最多可补录 30 天内、且不早于上一环节的事项；补录会记入审计日志。"
                style={{ marginBottom: 0 }}
              >
                <DateTimeField style={{ maxWidth: 280 }} />
              </Form.Item>
            ),
          },
        ]}
      />
      {refusals.length > 0 && <RefusalAlert refusals={refusals} onOverride={override} pending={transition.isPending} />}
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="案件已有变化"
          description={stale}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={onReload} data-testid="reload-case">
              刷新
            </Button>
          }
          data-testid="stale"
        />
      )}
      <ServerErrorAlert error={error} onClose={() => setError(null)} />
      <Button type="primary" htmlType="submit" loading={transition.isPending} data-testid="submit-action">
        {action.label}
      </Button>
      {action.closesCase && (
        <Text type="secondary" style={{ marginInlineStart: 12, fontSize: 13 }}>
          <ExclamationCircleOutlined /> 办理后本案即办结
        </Text>
      )}
    </Form>
  );
}

/** The next-step card's body: a choice of action (when several) and its form. */
export function NextStep({ kase, procedure, onReload }: { kase: TCase; procedure: TProcedure | undefined; onReload: () => void }) {
  const { message } = App.useApp();
  const actions = kase.availableActions;
  const [chosen, setChosen] = useState<string | null>(null);
  // An action that keeps the case in its step (告知书 served, 补正 requested) is offered first only until it
  // has been taken here: then what moves the case on comes first.
  const takenHere = new Set(
    kase.timeline.filter((entry) => entry.stepFrom === kase.step?.id && entry.stepTo === kase.step?.id).map((entry) => entry.label),
  );
  const preferred = actions.find((candidate) => !takenHere.has(candidate.label)) ?? actions[0];
  const action = actions.find((candidate) => candidate.id === chosen) ?? preferred;

  if (kase.status === 'closed') {
    return <Paragraph style={{ margin: 0 }}>本案已办结{kase.outcome ? `（${kase.outcome}）` : ''}，无需继续办理。</Paragraph>;
  }
  if (!action) {
    const step = procedure?.steps.find((candidate) => candidate.id === kase.step?.id);
    const roles = [...new Set(step?.actions.flatMap((candidate) => candidate.roles) ?? [])];
    return (
      <Paragraph style={{ margin: 0 }} data-testid="no-actions">
        当前环节“{kase.step?.name}”
        {roles.length > 0 ? `由${roles.map((role) => ROLE_LABELS[role as TRoleId] ?? role).join('或')}办理` : '暂无您可办理的事项'}
        ，您的账号在本案中无需操作。
      </Paragraph>
    );
  }
  return (
    <>
      {actions.length > 1 && (
        <Flex style={{ marginBottom: 16, overflowX: 'auto' }}>
          <Segmented
            value={action.id}
            onChange={(value) => setChosen(String(value))}
            options={actions.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
            data-testid="action-choice"
          />
        </Flex>
      )}
      <ActionForm
        // Kept across other changes of the case (an officer assigned after a refusal): what was typed stays.
        key={`${kase.step?.id ?? ''}-${action.id}`}
        kase={kase}
        action={action}
        procedure={procedure}
        onReload={onReload}
        onDone={(next) => {
          setChosen(null);
          message.success(`已办理：${action.label}`);
          if (next.status === 'closed') message.info('本案已办结');
        }}
      />
    </>
  );
}
