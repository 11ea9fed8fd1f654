/**
 * Any path the portal does not know.
 */
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.js';

/** 404 page inside the portal frame. */
export function NotFoundPage() {
  useDocumentTitle('页面不存在');
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，可能地址有误或页面已调整。"
      extra={
        <Button type="primary">
          <Link to="/">返回权责清单</Link>
        </Button>
      }
    />
  );
}
