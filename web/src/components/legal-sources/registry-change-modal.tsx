/**
 * 维护法律依据库: one change — a new edition (which may replace the one in force), an edition's
 * status, or where an article went in a later edition — checked first (the server's dry run lists
 * the list items it would affect), then saved as a new revision, after which the affected items are
 * shown again. Every change is audited by the server.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TEditionStatus, TMappingConfidence, TRegistryChange } from '@contracts/legal-sources.js';
import type { TLegalSourceView, TRegistryWriteResponse } from '@contracts/legal-sources-api.js';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Radio, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRegistryChange } from '../../hooks/use-legal-sources.js';
import { EDITION_STATUS_LABELS, MAPPING_CONFIDENCE_LABELS } from '../../lib/legal-source-labels.js';
import {
  describeRegistryChange,
  MAX_MAPPING_TARGETS,
  REGISTRY_CHANGE_FIELDS,
  type RegistryChangeForm,
  registryChangeOf,
} from '../../lib/registry-change.js';
import { DateField } from '../date-field.js';
import { ServerErrorAlert, useServerErrors } from '../server-errors.js';
import { AffectedCount, AffectedItems } from './affected-items.js';

const { Paragraph, Text } = Typography;

/** What to open the dialog with. */
export interface RegistryChangeTarget {
  kind: TRegistryChange['kind'];
  sourceId: string;
  /** set-status: the edition clicked */
  edition?: string;
}

const KIND_TITLES: Record<TRegistryChange['kind'], string> = {
  'add-edition': '新增版本',
  'set-status': '设定效力状态',
  'add-mapping': '新增条款对应',
};

const STATUS_OPTIONS = (Object.keys(EDITION_STATUS_LABELS) as TEditionStatus[]).map((status) => ({
  value: status,
  label: EDITION_STATUS_LABELS[status],
}));
const CONFIDENCE_OPTIONS = (Object.keys(MAPPING_CONFIDENCE_LABELS) as TMappingConfidence[]).map((confidence) => ({
  value: confidence,
  label: MAPPING_CONFIDENCE_LABELS[confidence],
}));

type Stage =
  | { kind: 'editing' }
  | { kind: 'preview'; change: TRegistryChange; answer: TRegistryWriteResponse }
  | { kind: 'saved'; answer: TRegistryWriteResponse };

function initialValues(target: RegistryChangeTarget, source: TLegalSourceView | undefined): Partial<RegistryChangeForm> {
  const current = source?.currentEdition ?? undefined;
  if (target.kind === 'add-edition')
    return { kind: target.kind, sourceId: target.sourceId, status: 'in-force', supersedes: current ? [current] : [] };
  if (target.kind === 'set-status') {
    const edition = source?.editions.find((candidate) => candidate.edition === target.edition);
    return { kind: target.kind, sourceId: target.sourceId, edition: target.edition, status: edition?.status };
  }
  const oldest = source?.editions.find((edition) => !edition.isCurrent)?.edition;
  return { kind: target.kind, sourceId: target.sourceId, fromEdition: oldest, to: [{ edition: current }], confidence: 'checked' };
}

function EditionFields({ source, kind }: { source: TLegalSourceView | undefined; kind: TRegistryChange['kind'] }) {
  const editionOptions = (source?.editions ?? []).map((edition) => ({
    value: edition.edition,
    label: `${edition.edition}（${edition.statusLabel}）`,
  }));
  if (kind === 'set-status') {
    return (
      <>
        <Form.Item name="edition" label="版本" rules={[{ required: true, message: '请选择版本' }]}>
          <Select options={editionOptions} />
        </Form.Item>
        <Form.Item name="status" label="效力状态" rules={[{ required: true, message: '请选择效力状态' }]}>
          <Radio.Group options={STATUS_OPTIONS} optionType="button" />
        </Form.Item>
      </>
    );
  }
  if (kind === 'add-edition') {
    return (
      <>
        <Form.Item
          name="edition"
          label="版本名称"
          rules={[{ required: true, whitespace: true, message: '请填写版本名称' }]}
          extra="按引用时的写法：主席令第20号、国务院令第786号、国保发〔2013〕14号或“2021年修订”。"
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="adopted" label="公布（通过）日期" style={{ flex: '1 1 160px' }}>
            <DateField />
          </Form.Item>
          <Form.Item name="effective" label="施行日期" style={{ flex: '1 1 160px' }}>
            <DateField />
          </Form.Item>
        </Flex>
        <Form.Item name="status" label="效力状态" rules={[{ required: true, message: '请选择效力状态' }]}>
          <Radio.Group options={STATUS_OPTIONS} optionType="button" />
        </Form.Item>
        <Form.Item name="supersedes" label="替代以下版本" extra="所选版本将标为“已修订”。同一法律法规只能有一个现行有效版本。">
          <Select mode="multiple" allowClear options={editionOptions} placeholder="不替代任何版本" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} placeholder="如修正情况、令号待核实等，原样显示" />
        </Form.Item>
      </>
    );
  }
  return (
    <>
      <Text strong>原条款</Text>
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Form.Item name="fromEdition" label="版本" rules={[{ required: true, message: '请选择版本' }]} style={{ flex: '2 1 180px' }}>
          <Select options={editionOptions} />
        </Form.Item>
        <Form.Item name="fromArticle" label="第几条" rules={[{ required: true, message: '请填写条' }]} style={{ flex: '1 1 80px' }}>
          <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="fromParagraph" label="第几款（可空）" style={{ flex: '1 1 80px' }}>
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Text strong>对应的条款</Text>
      <Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
        一条被拆分为多条时逐一添加。
      </Paragraph>
      <Form.List name="to">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap>
                <Form.Item name={[field.name, 'edition']} rules={[{ required: true, message: '请选择版本' }]} style={{ flex: '2 1 180px' }}>
                  <Select options={editionOptions} placeholder="版本" />
                </Form.Item>
                <Form.Item name={[field.name, 'article']} rules={[{ required: true, message: '请填写条' }]} style={{ flex: '1 1 80px' }}>
                  <InputNumber min={1} max={9999} precision={0} placeholder="条" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'paragraph']} style={{ flex: '1 1 80px' }}>
                  <InputNumber min={1} max={99} precision={0} placeholder="款（可空）" style={{ width: '100%' }} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label="删除该条"
                    style={{ marginTop: 4 }}
                  />
                )}
              </Flex>
            ))}
            {fields.length < MAX_MAPPING_TARGETS && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ edition: source?.currentEdition ?? undefined })}
                style={{ marginBottom: 16 }}
              >
                添加对应条款
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item
        name="confidence"
        label="可信度"
        rules={[{ required: true, message: '请选择可信度' }]}
        extra="已核对：对照两版正式文本逐条确认；推定：由文本比较推断，尚待核对。"
      >
        <Radio.Group options={CONFIDENCE_OPTIONS} optionType="button" />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} placeholder="如“拆分为两条”“新增及时立案要求”" />
      </Form.Item>
    </>
  );
}

/** The maintenance dialog; closed while `target` is null. */
export function RegistryChangeModal({
  target,
  sources,
  revisionNo,
  onClose,
}: {
  target: RegistryChangeTarget | null;
  sources: readonly TLegalSourceView[];
  revisionNo: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RegistryChangeForm>();
  const [stage, setStage] = useState<Stage>({ kind: 'editing' });
  const errors = useServerErrors(form, REGISTRY_CHANGE_FIELDS);
  const change = useRegistryChange();
  const kind = Form.useWatch('kind', form) ?? target?.kind ?? 'add-edition';
  const sourceId = Form.useWatch('sourceId', form) ?? target?.sourceId;
  const source = sources.find((candidate) => candidate.id === sourceId);
  const titles = new Map(sources.map((candidate) => [candidate.id, candidate.title]));

  if (target === null) return null;
  const close = () => {
    errors.clear();
    setStage({ kind: 'editing' });
    onClose();
  };
  const preview = (values: RegistryChangeForm) => {
    errors.clear();
    const built = registryChangeOf(values);
    change.mutate(
      { change: built, expectedRevision: revisionNo, dryRun: true },
      { onSuccess: (answer) => setStage({ kind: 'preview', change: built, answer }), onError: errors.report },
    );
  };
  const save = (built: TRegistryChange) =>
    change.mutate(
      { change: built, expectedRevision: revisionNo },
      {
        onSuccess: (answer) => setStage({ kind: 'saved', answer }),
        onError: (error) => {
          setStage({ kind: 'editing' });
          errors.report(error);
        },
      },
    );

  const footer =
    stage.kind === 'editing' ? (
      <Space>
        <Button onClick={close}>取消</Button>
        <Button type="primary" onClick={() => form.submit()} loading={change.isPending} data-testid="registry-preview">
          下一步：查看影响
        </Button>
      </Space>
    ) : stage.kind === 'preview' ? (
      <Space>
        <Button onClick={() => setStage({ kind: 'editing' })}>返回修改</Button>
        <Button type="primary" onClick={() => save(stage.change)} loading={change.isPending} data-testid="registry-save">
          确认保存
        </Button>
      </Space>
    ) : (
      <Button type="primary" onClick={close}>
        完成
      </Button>
    );

  return (
    <Modal
      title={`维护法律依据库：${KIND_TITLES[kind]}`}
      open
      onCancel={close}
      footer={footer}
      width={640}
      destroyOnHidden
      maskClosable={false}
    >
      <div style={{ display: stage.kind === 'editing' ? 'block' : 'none' }}>
        <ServerErrorAlert error={errors.error} title="修改未通过校验" />
        <Form<RegistryChangeForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues(
            target,
            sources.find((s) => s.id === target.sourceId),
          )}
          onFinish={preview}
          data-testid="registry-change-form"
        >
          <Form.Item name="kind" label="修改内容">
            <Radio.Group
              optionType="button"
              options={(Object.keys(KIND_TITLES) as TRegistryChange['kind'][]).map((value) => ({ value, label: KIND_TITLES[value] }))}
              onChange={(event) =>
                form.setFieldsValue(initialValues({ kind: event.target.value, sourceId: form.getFieldValue('sourceId') }, source))
              }
            />
          </Form.Item>
          <Form.Item name="sourceId" label="法律法规" rules={[{ required: true, message: '请选择法律法规' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={sources.map((candidate) => ({ value: candidate.id, label: `《${candidate.title}》` }))}
              onChange={(value: string) =>
                form.setFieldsValue(
                  initialValues(
                    { kind, sourceId: value },
                    sources.find((candidate) => candidate.id === value),
                  ),
                )
              }
            />
          </Form.Item>
          <EditionFields source={source} kind={kind} />
        </Form>
      </div>
      {stage.kind === 'preview' && (
        <div data-testid="registry-preview-result">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={describeRegistryChange(stage.change, titles)}
            description="以上修改尚未保存。确认后将形成法律依据库的新修订，并记入审计日志；下列事项的页面将随即显示新的提示。"
          />
          <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
            <Text strong>受影响的清单事项</Text>
            <AffectedCount count={stage.answer.affected.length} />
          </Flex>
          <AffectedItems affected={stage.answer.affected} />
        </div>
      )}
      {stage.kind === 'saved' && (
        <div data-testid="registry-saved">
          <Result status="success" title={`已保存为法律依据库第 ${stage.answer.revision.no} 版`} style={{ padding: '8px 0 16px' }} />
          <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
            <Text strong>受影响的清单事项</Text>
            <AffectedCount count={stage.answer.affected.length} />
          </Flex>
          <AffectedItems affected={stage.answer.affected} />
        </div>
      )}
    </Modal>
  );
}
