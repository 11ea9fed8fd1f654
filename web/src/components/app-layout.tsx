/**
 * Page frame of the portal: a restrained header with the bureau's name, the main navigation and the
 * account corner (登录, or the signed-in name with its menu), the page in a centred max-width
 * container, and a footer. On phones the navigation and the account menu fold into one menu button.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Grid, Layout, Typography } from 'antd';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useCurrentList } from '../hooks/use-power-list.js';
import { useSession } from '../hooks/use-session.js';
import { ADMIN_ACTIONS } from './admin-sections.js';
import { HeaderAccount, NarrowMenu } from './user-menu.js';

const { Header, Content, Footer } = Layout;

const NAV_LINKS = [
  { to: '/', label: '权责清单', isActiveAlso: (path: string) => path.startsWith('/items/') },
  { to: '/versions', label: '版本记录', isActiveAlso: () => false },
  { to: '/legal-sources', label: '法律依据库', isActiveAlso: () => false },
];

/** The case workbench, first for the staff who work cases (officers, reviewers, heads, supervisors). */
const CASES_LINK = { to: '/cases', label: '我的案件', isActiveAlso: (path: string) => path.startsWith('/procedures/') };
const ADMIN_LINK = { to: '/admin', label: '管理', isActiveAlso: () => false };

/** A reminder on every page while the password set by an administrator has not been changed. */
function MustChangePasswordBanner() {
  const { session } = useSession();
  const location = useLocation();
  if (!session?.user.mustChangePassword || location.pathname === '/account') return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      title={
        <span>
          您的密码由系统管理员设置，请尽快<Link to="/account#password">修改密码</Link>。
        </span>
      }
    />
  );
}

/** 三员分立: an administrator account another administrator disabled, shown to the administrators. */
function AdministratorNotices() {
  const { session } = useSession();
  const notices = session?.notices ?? [];
  if (notices.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="administrator-notices"
      title={
        <span>
          {notices.map((notice) => (
            <span key={notice.at} style={{ display: 'block' }}>
              {notice.message}
            </span>
          ))}
        </span>
      }
    />
  );
}

/** The frame around every page (rendered by the router). */
export function AppLayout() {
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.sm === false;
  // Five links and the account corner need a laptop's width; tablets and phones get the menu button.
  const isFoldedNav = screens.lg === false;
  const current = useCurrentList();
  const organisationName = current.data?.organisation.name ?? '权责清单公示';
  const { canAny } = useSession();
  const links = [...(canAny(['cases.read']) ? [CASES_LINK] : []), ...NAV_LINKS, ...(canAny(ADMIN_ACTIONS) ? [ADMIN_LINK] : [])];

  return (
    <Layout style={{ minHeight: '100vh', background: 'transparent' }}>
      <Header style={{ background: '#0d3c7a', padding: 0, height: 'auto', lineHeight: 'normal' }}>
        <div className="qz-container qz-header">
          <Link to="/" className="qz-brand" data-testid="site-brand">
            <SafetyCertificateOutlined style={{ fontSize: isNarrow ? 22 : 26, color: '#ffd666' }} aria-hidden />
            <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3 }}>
              <span style={{ fontSize: isNarrow ? 16 : 18, fontWeight: 600, letterSpacing: 1 }}>{organisationName}</span>
              {!isNarrow && <span style={{ fontSize: 12, opacity: 0.75 }}>权责清单公示</span>}
            </span>
          </Link>
          {isFoldedNav ? (
            <NarrowMenu links={links} />
          ) : (
            <div className="qz-header-right">
              <nav className="qz-nav" aria-label="主导航">
                {links.map((link) => (
                  <NavLink
                    key={link.to}
                    to={link.to}
                    end={link.to === '/'}
                    className={({ isActive }) =>
                      isActive || link.isActiveAlso(location.pathname) ? 'qz-nav-link qz-nav-link-active' : 'qz-nav-link'
                    }
                  >
                    {link.label}
                  </NavLink>
                ))}
              </nav>
              <HeaderAccount />
            </div>
          )}
        </div>
      </Header>
      <MustChangePasswordBanner />
      <AdministratorNotices />
      <Content style={{ padding: isNarrow ? '12px 0 24px' : '20px 0 32px' }}>
        <div className="qz-container">
          <Outlet />
        </div>
      </Content>
      <Footer style={{ textAlign: 'center', background: 'transparent', paddingTop: 0 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {organisationName} · 公示内容以正式发布的权责清单文件为准
        </Typography.Text>
      </Footer>
      <ScrollRestoration />
    </Layout>
  );
}
