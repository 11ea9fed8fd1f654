/**
 * Loading and error states shared by the pages, worded for the public.
 */
import { Alert, Button, Card, Skeleton } from 'antd';

/** Placeholder while a page's data loads. */
export function PageLoading({ rows = 6 }: { rows?: number }) {
  return (
    <Card variant="borderless" aria-busy="true" aria-label="正在加载">
      <Skeleton active title paragraph={{ rows }} />
    </Card>
  );
}

/** A failed request: the server's message and a retry button. */
export function LoadError({ error, onRetry, title = '数据加载失败' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const detail = error instanceof Error && error.message ? error.message : '请稍后重试。';
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={detail}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      data-testid="load-error"
    />
  );
}
