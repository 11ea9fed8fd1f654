/**
 * Extending (延长, a head's approval) or suspending (中止: waiting for the party, testing, expert
 * consultation) a running deadline of a case. The server recounts the deadline with its whole
 * explanation and records the change on the case's timeline.
 */
import type { TCase, TCaseDeadline } from '@contracts/cases.js';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { problemCode } from '../../api/cases-api.js';
import { useAdjustDeadline } from '../../hooks/use-cases.js';
import { DateField } from '../date-field.js';

const { Paragraph } = Typography;

export type DeadlineAdjustment = 'extension' | 'suspension';

interface Values {
  days?: number;
  from?: string;
  to?: string;
  reason?: string;
}

/** The dialog for one deadline and one kind of adjustment. */
export function DeadlineAdjustDialog({
  kase,
  deadline,
  kind,
  onClose,
}: {
  kase: TCase;
  deadline: TCaseDeadline;
  kind: DeadlineAdjustment;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const adjust = useAdjustDeadline(kase.id);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const isExtension = kind === 'extension';

  const submit = (values: Values) => {
    setError(null);
    const request = isExtension
      ? { kind: 'extension' as const, expectedVersion: kase.version, days: values.days ?? 0, reason: values.reason ?? '' }
      : {
          kind: 'suspension' as const,
          expectedVersion: kase.version,
          from: values.from ?? '',
          to: values.to ?? '',
          reason: values.reason ?? '',
        };
    adjust.mutate(
      { deadlineId: deadline.id, request },
      {
        onSuccess: () => {
          message.success(isExtension ? '已延长期限，并重新计算' : '已中止期限计算，并重新计算');
          onClose();
        },
        onError: (failure) =>
          setError(
            problemCode(failure) === 'stale-version'
              ? '本案刚刚已被他人更新，请关闭后刷新页面再办理。'
              : failure instanceof Error
                ? failure.message
                : '未能调整期限',
          ),
      },
    );
  };

  return (
    <Modal
      open
      title={`${isExtension ? '延长' : '中止'}：${deadline.label}`}
      okText={isExtension ? '延长期限' : '中止计算'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={adjust.isPending}
      destroyOnHidden
    >
      <Paragraph type="secondary">
        {isExtension
          ? '经负责人批准延长期限（如法律规定“法律另有规定的除外”的情形）。延长的天数按该期限本身的计算方式计入，理由记入办理记录。'
          : '等待当事人补正、检测检验或专家论证期间，期限中止计算；中止的日期不计入期限，理由记入办理记录。'}
      </Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="deadline-adjust-form">
        {isExtension ? (
          <Form.Item name="days" label="延长天数" rules={[{ required: true, message: '请填写延长天数' }]}>
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="from" label="中止起始日" rules={[{ required: true, message: '请选择中止起始日' }]}>
              <DateField />
            </Form.Item>
            <Form.Item name="to" label="中止结束日" rules={[{ required: true, message: '请选择中止结束日' }]}>
              <DateField />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label={isExtension ? '延长理由' : '中止理由'}
          rules={[
            { required: true, message: '请写明理由' },
            { min: 4, message: '理由至少 4 个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="deadline-adjust-error" />}
    </Modal>
  );
}
