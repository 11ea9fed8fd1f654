/**
 * Shown by the router when a page throws while rendering: a plain apology and a way back.
 */
import { Button, Result } from 'antd';
import { Link } from 'react-router';

/** Fallback for rendering errors inside the router. */
export function RouteErrorPage() {
  return (
    <div className="qz-container" style={{ paddingTop: 48 }}>
      <Result
        status="error"
        title="页面出现错误"
        subTitle="页面显示时发生了意外错误，请刷新后重试。如问题持续出现，请联系系统管理员。"
        extra={
          <Button type="primary">
            <Link to="/">返回权责清单</Link>
          </Button>
        }
      />
    </div>
  );
}
