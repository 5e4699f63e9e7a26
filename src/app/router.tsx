import { createBrowserRouter } from 'react-router';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteError } from './route-error.tsx';

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import('../features/overview/overview-page.tsx')).OverviewPage,
          }),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
