/**
 * The account corner of the header: a 登录 button for visitors; for a signed-in account its name
 * and a menu with its roles, 管理, 修改密码, 退出登录 and 退出所有设备. Phones get one menu button that
 * also holds the main navigation.
 */
import { DownOutlined, LoginOutlined, LogoutOutlined, MenuOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import type { TSessionInfo } from '@contracts/auth.js';
import { App, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useLogout, useSession } from '../hooks/use-session.js';
import { loginPath } from '../lib/return-path.js';
import { ADMIN_ACTIONS, ADMIN_SECTIONS } from './admin-sections.js';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** Pages that need a session: leaving them after signing out. */
function isProtectedPath(path: string): boolean {
  return path.startsWith('/admin') || path.startsWith('/account');
}

/** "系统管理员、执法人员" — each role once, in the order granted. */
function roleSummary(session: TSessionInfo): string {
  const labels = [...new Set(session.roles.map((role) => role.label))];
  return labels.length === 0 ? '暂无角色' : labels.join('、');
}

/** Menu entries of the signed-in account (and the sign-out handlers). */
function useAccountItems(): { items: MenuItem[]; onClick: (key: string) => void } {
  const { session, canAny } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { message, modal } = App.useApp();

  const signOut = (everywhere: boolean) =>
    logout.mutate(
      { everywhere },
      {
        onSuccess: (text) => message.success(text),
        onError: () => message.warning('已在本机退出登录。'),
        onSettled: () => {
          if (isProtectedPath(location.pathname)) navigate('/', { replace: true });
        },
      },
    );

  if (!session) return { items: [], onClick: () => {} };
  const firstAdmin = ADMIN_SECTIONS.find((section) => canAny([section.action]));
  const items: MenuItem[] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <div style={{ lineHeight: 1.5, padding: '2px 0', maxWidth: 260 }} data-testid="user-menu-who">
          <Typography.Text strong style={{ display: 'block' }} ellipsis>
            {session.user.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', whiteSpace: 'normal' }}>
            {session.user.username} · {session.user.organisation.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', whiteSpace: 'normal' }} data-testid="user-menu-roles">
            {roleSummary(session)}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    ...(canAny(ADMIN_ACTIONS) && firstAdmin ? [{ key: 'admin', icon: <SettingOutlined />, label: '管理' }] : []),
    { key: 'password', icon: <UserOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
    { key: 'logout-everywhere', icon: <LogoutOutlined />, label: '退出所有设备', danger: true },
  ];
  const onClick = (key: string) => {
    if (key === 'admin') navigate('/admin');
    if (key === 'password') navigate('/account#password');
    if (key === 'logout') signOut(false);
    if (key === 'logout-everywhere') {
      modal.confirm({
        title: '退出所有设备？',
        content: '本账号在所有电脑和手机上的登录都将结束，需要重新登录。',
        okText: '全部退出',
        cancelText: '取消',
        okButtonProps: { danger: true },
        onOk: () => signOut(true),
      });
    }
  };
  return { items, onClick };
}

/** The header's account corner on wide screens. */
export function HeaderAccount() {
  const { session, isLoading } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const account = useAccountItems();
  if (isLoading) return null;
  if (!session) {
    if (location.pathname === '/login' || location.pathname === '/setup') return null;
    return (
      <Button
        ghost
        icon={<LoginOutlined />}
        onClick={() => navigate(loginPath(`${location.pathname}${location.search}`))}
        data-testid="login-button"
      >
        登录
      </Button>
    );
  }
  return (
    <Dropdown menu={{ items: account.items, onClick: ({ key }) => account.onClick(key) }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="qz-user-button" data-testid="user-menu">
        <UserOutlined />
        <span className="qz-user-name">{session.user.displayName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

/** One menu for phones: the main navigation, then the account entries (or 登录). */
export function NarrowMenu({ links }: { links: readonly { to: string; label: string }[] }) {
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const account = useAccountItems();
  const items: MenuItem[] = [
    ...links.map((link) => ({ key: `nav:${link.to}`, label: link.label })),
    { type: 'divider' as const },
    // 管理 is already among the links; the account part keeps who, password and sign-out.
    ...(session
      ? account.items.filter((item) => item?.key !== 'admin')
      : [{ key: 'login', icon: <LoginOutlined />, label: '工作人员登录' }]),
  ];
  const selected = links.find((link) => (link.to === '/' ? location.pathname === '/' : location.pathname.startsWith(link.to)));
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items,
        selectedKeys: selected ? [`nav:${selected.to}`] : [],
        onClick: ({ key }) => {
          if (key.startsWith('nav:')) navigate(key.slice(4));
          else if (key === 'login') navigate(loginPath(`${location.pathname}${location.search}`));
          else account.onClick(key);
        },
      }}
    >
      <Button type="text" className="qz-user-button" aria-label="菜单" data-testid="narrow-menu">
        {session ? <UserOutlined /> : null}
        <MenuOutlined />
      </Button>
    </Dropdown>
  );
}
