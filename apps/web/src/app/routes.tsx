import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/PageState';
import { AuthPages } from '../pages/auth/AuthPages';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppLayout } from './AppLayout';
import { appRoutes } from './app-routes';

/** Pages that need a session send a signed-out visitor to sign in, and back afterwards. */
function RequireSession() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading label="Checking your session…" />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

export const router = createBrowserRouter([
  ...AuthPages,
  {
    element: <RequireSession />,
    children: [{ element: <AppLayout />, children: [...appRoutes, { path: '*', element: <NotFoundPage /> }] }],
  },
]);
