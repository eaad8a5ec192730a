import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { Loading } from '../components/PageState';

/** Each page is its own chunk: the first screen loads only what it shows. */
function page(load: () => Promise<{ default: ComponentType }>): RouteObject['element'] {
  const Page: LazyExoticComponent<ComponentType> = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const appRoutes: RouteObject[] = [
  { index: true, element: page(() => import('../pages/dashboard/DashboardPage')) },
  { path: 'projects', element: page(() => import('../pages/projects/ProjectsPage')) },
  { path: 'projects/:projectId/*', element: page(() => import('../pages/projects/ProjectPage')) },
  { path: 'projects/:projectId/review', element: page(() => import('../pages/review/ReviewQueuePage')) },
  { path: 'tests/:testId', element: page(() => import('../pages/tests/TestDetailPage')) },
  { path: 'runs/:runId', element: page(() => import('../pages/runs/RunDetailPage')) },
  { path: 'activity', element: page(() => import('../pages/activity/ActivityPage')) },
  { path: 'settings', element: page(() => import('../pages/settings/SettingsPage')) },
  { path: 'workspace', element: page(() => import('../pages/workspace/WorkspacePage')) },
];
