/**
 * The portal's routes. Later issues add the workbench (login, cases) beside the public pages.
 */
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout.js';
import { RouteErrorPage } from './components/route-error-page.js';
import { ItemPage } from './pages/item-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { PublicListPage } from './pages/public-list-page.js';
import { VersionPage } from './pages/version-page.js';
import { VersionsPage } from './pages/versions-page.js';

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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
