/**
 * 导入清单 (`/admin/import`, legal reviewer and system administrator): upload a new version of the
 * power list, see a dry-run preview — the version it would become, items added, changed and
 * removed, the linter's findings — and confirm. Large files show their upload progress, then that
 * the server is checking them.
 */
import { InboxOutlined } from '@ant-design/icons';
import { POWERLIST_UPLOAD_LIMIT_BYTES, type TImportResponse } from '@contracts/powerlist-import.js';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Progress, Result, Space, Statistic, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { UploadProgress } from '../../api/http.js';
import { uploadPowerList } from '../../api/import-api.js';
import { FindingsTable } from '../../components/findings-table.js';
import { PageHeading } from '../../components/page-heading.js';
import { serverErrorOf } from '../../components/server-errors.js';
import { DiffDetails } from '../../components/version-diff.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useCurrentList } from '../../hooks/use-power-list.js';
import { countBySeverity } from '../../lib/finding-rules.js';

const { Paragraph, Text } = Typography;

const ACCEPT = '.tsv,.txt,.csv,.xlsx,.json';
const LIMIT_MB = POWERLIST_UPLOAD_LIMIT_BYTES / 1024 / 1024;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; dryRun: boolean; progress: UploadProgress }
  | { kind: 'preview'; result: TImportResponse }
  | { kind: 'done'; result: TImportResponse }
  | { kind: 'failed'; message: string; dryRun: boolean };

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Counts of a diff in words: 新增 1 项，修改 2 项. */
export function diffInWords(diff: TImportResponse['diff']): string {
  if (diff === null) return '首次导入';
  const parts = [
    diff.added.length > 0 ? `新增 ${diff.added.length} 项` : null,
    diff.changed.length > 0 ? `修改 ${diff.changed.length} 项` : null,
    diff.removed.length > 0 ? `删除 ${diff.removed.length} 项` : null,
    diff.titleChanged ? '清单名称变更' : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? '与当前版本相比没有变化' : parts.join('，');
}

function UploadingProgress({ phase }: { phase: Extract<Phase, { kind: 'uploading' }> }) {
  const { progress } = phase;
  const percent = progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <div data-testid="import-progress" data-processing={progress.processing}>
      <Progress percent={progress.processing ? 100 : percent} status="active" />
      <Text type="secondary">
        {progress.processing
          ? phase.dryRun
            ? '文件已上传，服务器正在解析和校验，大文件可能需要一两分钟……'
            : '文件已上传，正在写入新版本……'
          : `正在上传：${formatSize(progress.loaded)} / ${formatSize(progress.total)}`}
      </Text>
    </div>
  );
}

function Preview({
  result,
  fileName,
  onConfirm,
  onCancel,
}: {
  result: TImportResponse;
  fileName: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const counts = countBySeverity(result.findings);
  const diff = result.diff;
  const unchanged = diff !== null && diff.added.length + diff.changed.length + diff.removed.length === 0 && diff.titleChanged === null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-preview">
      <Alert
        type={counts.error > 0 ? 'warning' : 'info'}
        showIcon
        title={`预览：导入后将成为第${result.versionNo}版（尚未保存）`}
        description={`${diffInWords(diff)}。${counts.error > 0 ? `有 ${counts.error} 个错误，建议修正文件后重新上传；` : ''}确认无误后点击“确认导入”。`}
        data-testid="import-preview-summary"
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'file', label: '文件', children: fileName },
          { key: 'title', label: '清单名称', children: result.title },
          { key: 'items', label: '事项数', children: `${result.itemCount} 项` },
          { key: 'format', label: '格式', children: `${result.format.toUpperCase()}${result.encoding ? `（${result.encoding}）` : ''}` },
        ]}
      />
      <Flex gap={24} wrap>
        <Statistic title="新增" value={diff?.added.length ?? result.itemCount} suffix="项" />
        <Statistic title="修改" value={diff?.changed.length ?? 0} suffix="项" />
        <Statistic title="删除" value={diff?.removed.length ?? 0} suffix="项" />
        <Statistic title="错误" value={counts.error} valueStyle={counts.error > 0 ? { color: '#cf1322' } : undefined} />
        <Statistic title="警告" value={counts.warning} />
        <Statistic title="提示" value={counts.info} />
      </Flex>
      <Card size="small" title="与当前版本相比">
        {diff ? <DiffDetails diff={diff} versionNo={null} /> : <Text type="secondary">这是首次导入。</Text>}
      </Card>
      <Card size="small" title={`校验问题（${result.findings.length} 条）`}>
        <FindingsTable findings={result.findings} linkItems={false} pageSize={10} />
      </Card>
      <Flex gap={8} wrap>
        <Button type="primary" size="large" onClick={onConfirm} disabled={unchanged} data-testid="import-confirm">
          确认导入为第{result.versionNo}版
        </Button>
        <Button size="large" onClick={onCancel}>
          重新选择文件
        </Button>
        {unchanged && <Text type="secondary">内容与当前版本相同，无需导入。</Text>}
      </Flex>
    </Space>
  );
}

/** The import page. */
export function ImportPage() {
  useDocumentTitle('导入清单');
  const current = useCurrentList();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    abort.current = new AbortController();
    setPhase({ kind: 'uploading', dryRun, progress: { loaded: 0, total: file.size, processing: false } });
    try {
      const result = await uploadPowerList(file, {
        dryRun,
        signal: abort.current.signal,
        onProgress: (progress) => setPhase({ kind: 'uploading', dryRun, progress }),
      });
      if (dryRun) setPhase({ kind: 'preview', result });
      else {
        setPhase({ kind: 'done', result });
        await queryClient.invalidateQueries({ queryKey: ['powerlists'] });
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setPhase({ kind: 'idle' });
      else setPhase({ kind: 'failed', message: serverErrorOf(error).message, dryRun });
    }
  };

  const reset = () => {
    setFile(null);
    setPhase({ kind: 'idle' });
  };

  return (
    <>
      <PageHeading
        title="导入清单"
        audience="法制审核员、系统管理员"
        description={
          <>
            上传新版本的权责清单（TSV、CSV、XLSX 或 JSON，最大 {LIMIT_MB}{' '}
            MB）。先检查并预览新增、修改、删除的事项和校验问题，确认后才保存为新版本；旧版本全部保留，可在
            <Link to="/versions">版本记录</Link>中查看。
          </>
        }
      />
      <Card variant="borderless">
        {current.data && (
          <Paragraph type="secondary" data-testid="import-current">
            当前公布：第{current.data.version.no}版，{current.data.list.items.length} 项（{current.data.list.title}）
          </Paragraph>
        )}
        {phase.kind === 'done' ? (
          <Result
            status="success"
            title={`已导入为第${phase.result.versionNo}版`}
            subTitle={`${diffInWords(phase.result.diff)}；共 ${phase.result.itemCount} 项，校验问题 ${phase.result.findings.length} 条。公众页面已显示新版本。`}
            extra={[
              <Button type="primary" key="version">
                <Link to={`/versions/${phase.result.versionNo}`}>查看第{phase.result.versionNo}版的变化</Link>
              </Button>,
              <Button key="again" onClick={reset}>
                再导入一个文件
              </Button>,
            ]}
            data-testid="import-done"
          />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {phase.kind !== 'preview' && (
              <Upload.Dragger
                accept={ACCEPT}
                maxCount={1}
                showUploadList={false}
                disabled={phase.kind === 'uploading'}
                beforeUpload={(chosen) => {
                  setFile(chosen);
                  setPhase({ kind: 'idle' });
                  return false;
                }}
                data-testid="import-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{file ? `已选择：${file.name}（${formatSize(file.size)}）` : '点击选择或拖入清单文件'}</p>
                <p className="ant-upload-hint">TSV 或 CSV（UTF-8 或 GBK）、XLSX、JSON，最大 {LIMIT_MB} MB</p>
              </Upload.Dragger>
            )}
            {file && file.size > POWERLIST_UPLOAD_LIMIT_BYTES && (
              <Alert type="error" showIcon title={`文件超过 ${LIMIT_MB} MB，无法导入。`} />
            )}
            {phase.kind === 'uploading' && (
              <>
                <UploadingProgress phase={phase} />
                <Button onClick={() => abort.current?.abort()}>取消</Button>
              </>
            )}
            {phase.kind === 'failed' && (
              <Alert
                type="error"
                showIcon
                title={phase.dryRun ? '文件未通过检查' : '导入未成功'}
                description={phase.message}
                data-testid="import-error"
              />
            )}
            {phase.kind === 'preview' && file && (
              <Preview result={phase.result} fileName={file.name} onConfirm={() => run(false)} onCancel={reset} />
            )}
            {(phase.kind === 'idle' || phase.kind === 'failed') && (
              <Button
                type="primary"
                size="large"
                disabled={!file || file.size > POWERLIST_UPLOAD_LIMIT_BYTES}
                onClick={() => run(true)}
                data-testid="import-check"
              >
                检查并预览
              </Button>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}
