/**
 * Entry of the public portal: antd (zh-CN), TanStack Query and the router.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { fetchSession } from './api/auth-api.js';
import { ApiError } from './api/client.js';
import { onUnauthorized, setCsrfTokenLoader } from './api/http.js';
import { forgetSession, SESSION_KEY } from './hooks/use-session.js';
import { loginPath } from './lib/return-path.js';
import { router } from './routes.js';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by retrying; network and server errors get one more try.
      retry: (failureCount, error) => failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

// State-changing requests need the session's CSRF token; when the page has not loaded it yet, the
// session probe fetches it (and shares the answer with everything that shows who is signed in).
setCsrfTokenLoader(async () => {
  const session = await queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: ({ signal }) => fetchSession(signal), staleTime: 0 });
  return session?.csrfToken ?? null;
});

// A protected call answered 401: the session ended (timeout, sign-out elsewhere). Forget what it
// could see and ask to sign in again, coming back here afterwards.
onUnauthorized((error) => {
  forgetSession(queryClient, error.message);
  const { pathname, search, hash } = router.state.location;
  if (pathname === '/login' || pathname === '/setup') return;
  void router.navigate(loginPath(`${pathname}${search}${hash}`), { replace: true });
});

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Helvetica Neue', Arial, sans-serif";

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('页面缺少 #root 容器');

createRoot(rootElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: FONT_FAMILY, borderRadius: 4 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
