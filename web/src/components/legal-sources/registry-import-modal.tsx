/**
 * 导入法律依据库: a JSON file in the shape of the export replaces the whole registry. The file is
 * read in the browser, checked by the server first (dry run: problems with their paths, or the list
 * items the new registry affects), and written only on confirmation.
 */
import { InboxOutlined } from '@ant-design/icons';
import type { TRegistryWriteResponse } from '@contracts/legal-sources-api.js';
import { Alert, Button, Flex, Modal, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/http.js';
import { useRegistryImport } from '../../hooks/use-legal-sources.js';
import { type ServerError, ServerErrorAlert } from '../server-errors.js';
import { AffectedCount, AffectedItems } from './affected-items.js';

const { Text, Paragraph } = Typography;

/** Largest file accepted (the server's body limit is 1 MB). */
const MAX_BYTES = 1024 * 1024;

type Stage =
  | { kind: 'choose' }
  | { kind: 'checked'; fileName: string; document: unknown; answer: TRegistryWriteResponse }
  | { kind: 'saved'; answer: TRegistryWriteResponse };

function importErrorOf(error: unknown): ServerError {
  if (error instanceof ApiError) {
    const details = (error.problem?.errors ?? [])
      .slice(0, 12)
      .map((issue) => `${issue.path.replace(/^body\.?/, '') || '文件'}：${issue.message}`);
    return { status: error.status, message: error.message, details };
  }
  return { status: 0, message: '导入未能完成，请稍后重试。', details: [] };
}

/** The import dialog. */
export function RegistryImportModal({ open, revisionNo, onClose }: { open: boolean; revisionNo: number; onClose: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<ServerError | null>(null);
  const importer = useRegistryImport();

  const close = () => {
    setStage({ kind: 'choose' });
    setError(null);
    onClose();
  };

  const check = async (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) {
      setError({ status: 413, message: `文件过大（${Math.ceil(file.size / 1024)} KB），法律依据库文件不能超过 1 MB。`, details: [] });
      return;
    }
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setError({ status: 400, message: `${file.name} 不是有效的 JSON 文件。请使用本页“导出 JSON”得到的文件格式。`, details: [] });
      return;
    }
    importer.mutate(
      { document, expectedRevision: revisionNo, dryRun: true },
      {
        onSuccess: (answer) => setStage({ kind: 'checked', fileName: file.name, document, answer }),
        onError: (failure) => setError(importErrorOf(failure)),
      },
    );
  };

  const confirm = (document: unknown) =>
    importer.mutate(
      { document, expectedRevision: revisionNo },
      { onSuccess: (answer) => setStage({ kind: 'saved', answer }), onError: (failure) => setError(importErrorOf(failure)) },
    );

  const footer =
    stage.kind === 'checked' && stage.answer.changed ? (
      <Space>
        <Button onClick={() => setStage({ kind: 'choose' })}>重新选择文件</Button>
        <Button
          type="primary"
          danger
          onClick={() => confirm(stage.document)}
          loading={importer.isPending}
          data-testid="registry-import-confirm"
        >
          确认导入并替换
        </Button>
      </Space>
    ) : (
      <Button onClick={close}>{stage.kind === 'saved' ? '完成' : '关闭'}</Button>
    );

  return (
    <Modal title="导入法律依据库" open={open} onCancel={close} footer={footer} width={640} destroyOnHidden maskClosable={false}>
      <ServerErrorAlert error={error} title="文件未通过校验" />
      {stage.kind === 'choose' && (
        <>
          <Paragraph type="secondary">
            导入将以文件内容整体替换当前法律依据库（形成新的修订，原有修订仍可查阅）。文件格式与“导出
            JSON”相同。导入前会先校验，并列出受影响的清单事项。
          </Paragraph>
          <Upload.Dragger
            accept=".json,application/json"
            multiple={false}
            showUploadList={false}
            disabled={importer.isPending}
            beforeUpload={(file) => {
              void check(file);
              return Upload.LIST_IGNORE;
            }}
            data-testid="registry-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{importer.isPending ? '正在校验…' : '点击或拖入 JSON 文件'}</p>
            <p className="ant-upload-hint">不超过 1 MB</p>
          </Upload.Dragger>
        </>
      )}
      {stage.kind === 'checked' &&
        (stage.answer.changed ? (
          <div data-testid="registry-import-preview">
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${stage.fileName} 已通过校验，尚未导入`}
              description="确认后将替换当前法律依据库。"
            />
            <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
              <Text strong>受影响的清单事项</Text>
              <AffectedCount count={stage.answer.affected.length} />
            </Flex>
            <AffectedItems affected={stage.answer.affected} />
          </div>
        ) : (
          <Result status="info" title="内容与当前法律依据库相同" subTitle="未作任何修改。" data-testid="registry-import-unchanged" />
        ))}
      {stage.kind === 'saved' && (
        <div data-testid="registry-import-saved">
          <Result status="success" title={`已导入，法律依据库现为第 ${stage.answer.revision.no} 版`} style={{ padding: '8px 0 16px' }} />
          <AffectedItems affected={stage.answer.affected} />
        </div>
      )}
    </Modal>
  );
}
