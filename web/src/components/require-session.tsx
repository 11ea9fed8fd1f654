/**
 * Guards of the pages behind sign-in: an anonymous visitor is sent to the sign-in page with a
 * return path; an account without the page's action sees a plain refusal. The server enforces the
 * same policies on every request — this only spares people pages they cannot use.
 */
import type { TAction } from '@contracts/access.js';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useSession } from '../hooks/use-session.js';
import { loginPath } from '../lib/return-path.js';
import { PageLoading } from './query-feedback.js';

/** Shows `children` to a signed-in account allowed at least one of `anyOf` (any account when omitted). */
export function RequireSession({ anyOf, children }: { anyOf?: readonly TAction[]; children: ReactNode }) {
  const { session, isLoading, canAny } = useSession();
  const location = useLocation();
  if (isLoading) return <PageLoading rows={6} />;
  if (!session) return <Navigate to={loginPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  if (anyOf && !canAny(anyOf)) return <Forbidden />;
  return <>{children}</>;
}

/** The refusal for a page the account may not use. */
export function Forbidden() {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有使用此页面的权限。如需开通，请联系安全管理员授予相应角色。"
      extra={
        <Button type="primary">
          <Link to="/">返回权责清单</Link>
        </Button>
      }
      data-testid="forbidden"
    />
  );
}
