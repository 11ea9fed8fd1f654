/**
 * The routes of the case work (workbench, new case, case page, procedure page), loaded on first
 * use like the administration pages, each behind its own loading placeholder.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../query-feedback.js';

const CasesPage = lazy(() => import('../../pages/cases/cases-page.js').then((module) => ({ default: module.CasesPage })));
const NewCasePage = lazy(() => import('../../pages/cases/new-case-page.js').then((module) => ({ default: module.NewCasePage })));
const CasePage = lazy(() => import('../../pages/cases/case-page.js').then((module) => ({ default: module.CasePage })));
const ProcedurePage = lazy(() => import('../../pages/cases/procedure-page.js').then((module) => ({ default: module.ProcedurePage })));

function loading(page: ReactNode) {
  return <Suspense fallback={<PageLoading rows={8} />}>{page}</Suspense>;
}

/** Children of the app layout's route. */
export const caseRoutes: RouteObject[] = [
  { path: 'cases', element: loading(<CasesPage />) },
  { path: 'cases/new', element: loading(<NewCasePage />) },
  { path: 'cases/:id', element: loading(<CasePage />) },
  { path: 'procedures/:itemNo', element: loading(<ProcedurePage />) },
];
