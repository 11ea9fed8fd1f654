/**
 * Page frame of the portal: a restrained header with the bureau's name and the main navigation, the
 * page in a centred max-width container, and a footer.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useCurrentList } from '../hooks/use-power-list.js';

const { Header, Content, Footer } = Layout;

const NAV_ITEMS = [
  { key: 'list', label: <Link to="/">权责清单</Link> },
  { key: 'versions', label: <Link to="/versions">版本记录</Link> },
];

/** Which navigation entry the current path belongs to. */
function navKeyOf(pathname: string): string {
  return pathname.startsWith('/versions') ? 'versions' : 'list';
}

/** The frame around every page (rendered by the router). */
export function AppLayout() {
  const location = useLocation();
  const current = useCurrentList();
  const organisationName = current.data?.organisation.name ?? '权责清单公示';

  return (
    <Layout style={{ minHeight: '100vh', background: 'transparent' }}>
      <Header style={{ background: '#0d3c7a', padding: 0, height: 'auto', lineHeight: 'normal' }}>
        <div
          className="qz-container"
          style={{ display: 'flex', alignItems: 'center', gap: 16, minHeight: 64, flexWrap: 'wrap' }}
        >
          <Link
            to="/"
            style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', padding: '10px 0' }}
            data-testid="site-brand"
          >
            <SafetyCertificateOutlined style={{ fontSize: 26, color: '#ffd666' }} aria-hidden />
            <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3 }}>
              <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{organisationName}</span>
              <span style={{ fontSize: 12, opacity: 0.75 }}>权责清单公示</span>
            </span>
          </Link>
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={[navKeyOf(location.pathname)]}
            items={NAV_ITEMS}
            style={{ background: 'transparent', flex: 1, minWidth: 180, justifyContent: 'flex-end', borderBottom: 0 }}
          />
        </div>
      </Header>
      <Content style={{ padding: '20px 0 32px' }}>
        <main className="qz-container">
          <Outlet />
        </main>
      </Content>
      <Footer style={{ textAlign: 'center', background: 'transparent', color: 'rgba(0,0,0,0.45)', paddingTop: 0 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {organisationName} · 公示内容以正式发布的权责清单文件为准
        </Typography.Text>
      </Footer>
      <ScrollRestoration />
    </Layout>
  );
}
