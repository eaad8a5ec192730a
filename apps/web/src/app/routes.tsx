import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/PageState';
import { AuthPages } from '../pages/auth/AuthPages';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppLayout } from './AppLayout';
import { appRoutes } from './app-routes';
import { RouteError } from './RouteError';

/** Pages that need a session send a signed-out visitor to sign in, and back afterwards. */
function RequireSession() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading label="Checking your session…" />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

export const router = createBrowserRouter([
  {
    // A crash anywhere (sign-in pages, the layout itself) shows an error and is reported.
    errorElement: <RouteError />,
    children: [
      ...AuthPages,
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            // Inside the layout, so a crashed page keeps the navigation around it.
            children: [
              { errorElement: <RouteError />, children: [...appRoutes, { path: '*', element: <NotFoundPage /> }] },
            ],
          },
        ],
      },
    ],
  },
]);
