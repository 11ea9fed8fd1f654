/**
 * The administration area (`/admin/…`): a side menu with the sections the account may use (a top
 * menu on phones) beside the section's page. Pages load on first use, so visitors of the public
 * pages never download them.
 */
import { Card, Grid, Menu, type MenuProps } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../hooks/use-session.js';
import { ADMIN_ACTIONS, ADMIN_SECTIONS, LEGAL_SOURCES_SECTION } from './admin-sections.js';
import { PageLoading } from './query-feedback.js';
import { Forbidden, RequireSession } from './require-session.js';

function AdminMenu({ horizontal }: { horizontal: boolean }) {
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const sections = [...ADMIN_SECTIONS, LEGAL_SOURCES_SECTION].filter((section) => can(section.action));
  const items: MenuProps['items'] = sections.map((section) => ({ key: section.path, icon: section.icon, label: section.label }));
  const selected = sections.find((section) => location.pathname.startsWith(section.path));
  return (
    <Menu
      mode={horizontal ? 'horizontal' : 'inline'}
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none', ...(horizontal ? { marginBottom: 12, borderRadius: 4 } : {}) }}
      aria-label="管理菜单"
      data-testid="admin-menu"
    />
  );
}

/** The frame of the administration pages. */
export function AdminLayout() {
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.md === false;
  // One tree for both widths: the page keeps its place (and its state: tabs, forms) when the
  // window crosses the breakpoint; only the menu changes shape.
  return (
    <RequireSession anyOf={[...ADMIN_ACTIONS, LEGAL_SOURCES_SECTION.action]}>
      <div className={isNarrow ? 'qz-admin qz-admin-narrow' : 'qz-admin'}>
        <div className="qz-admin-menu">
          {isNarrow ? (
            <AdminMenu horizontal />
          ) : (
            <Card variant="borderless" styles={{ body: { padding: 8 } }}>
              <AdminMenu horizontal={false} />
            </Card>
          )}
        </div>
        <div className="qz-admin-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </RequireSession>
  );
}

/** `/admin`: the first section the account may use. */
export function AdminIndex() {
  const { can } = useSession();
  const first = ADMIN_SECTIONS.find((section) => can(section.action));
  if (first) return <Navigate to={first.path} replace />;
  if (can(LEGAL_SOURCES_SECTION.action)) return <Navigate to={LEGAL_SOURCES_SECTION.path} replace />;
  return <Forbidden />;
}

/** A section's page, shown only to accounts allowed its action. */
export function AdminSectionGuard({ path, children }: { path: string; children: ReactNode }) {
  const section = ADMIN_SECTIONS.find((candidate) => candidate.path === path);
  return <RequireSession anyOf={section ? [section.action] : []}>{children}</RequireSession>;
}
