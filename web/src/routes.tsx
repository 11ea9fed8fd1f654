/**
 * The portal's routes: the public pages (list, items, versions, legal-source registry), sign-in and
 * first-run setup, the account page, and the administration area, whose pages load on first use.
 */
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AdminIndex, AdminLayout, AdminSectionGuard } from './components/admin-layout.js';
import { AppLayout } from './components/app-layout.js';
import { caseRoutes } from './components/cases/case-routes.js';
import { RouteErrorPage } from './components/route-error-page.js';
import { AccountPage } from './pages/account-page.js';
import { InvitePage } from './pages/invite-page.js';
import { ItemPage } from './pages/item-page.js';
import { LegalSourcesPage } from './pages/legal-sources-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PrintPage } from './pages/print-page.js';
import { PublicListPage } from './pages/public-list-page.js';
import { SetupPage } from './pages/setup-page.js';
import { VersionPage } from './pages/version-page.js';
import { VersionsPage } from './pages/versions-page.js';

const UsersPage = lazy(() => import('./pages/admin/users-page.js').then((module) => ({ default: module.UsersPage })));
const RolesPage = lazy(() => import('./pages/admin/roles-page.js').then((module) => ({ default: module.RolesPage })));
const AuditPage = lazy(() => import('./pages/admin/audit-page.js').then((module) => ({ default: module.AuditPage })));
const OfficersPage = lazy(() => import('./pages/admin/officers-page.js').then((module) => ({ default: module.OfficersPage })));
const ImportPage = lazy(() => import('./pages/admin/import-page.js').then((module) => ({ default: module.ImportPage })));
const FindingsPage = lazy(() => import('./pages/admin/findings-page.js').then((module) => ({ default: module.FindingsPage })));
const CalendarPage = lazy(() => import('./pages/admin/calendar-page.js').then((module) => ({ default: module.CalendarPage })));

/** A page of the administration area, shown to accounts allowed its section's action. */
function adminPage(path: string, page: ReactNode) {
  return { path: path.slice('/admin/'.length), element: <AdminSectionGuard path={path}>{page}</AdminSectionGuard> };
}

/** Browser router of the SPA; the server answers unknown non-API paths with index.html. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <PublicListPage /> },
      { path: 'items/:no', element: <ItemPage /> },
      { path: 'versions', element: <VersionsPage /> },
      { path: 'versions/:no', element: <VersionPage /> },
      { path: 'legal-sources', element: <LegalSourcesPage /> },
      { path: 'print', element: <PrintPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: 'invite', element: <InvitePage /> },
      { path: 'account', element: <AccountPage /> },
      ...caseRoutes,
      {
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <AdminIndex /> },
          adminPage('/admin/users', <UsersPage />),
          adminPage('/admin/roles', <RolesPage />),
          adminPage('/admin/audit', <AuditPage />),
          adminPage('/admin/officers', <OfficersPage />),
          adminPage('/admin/import', <ImportPage />),
          adminPage('/admin/findings', <FindingsPage />),
          adminPage('/admin/calendar', <CalendarPage />),
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
