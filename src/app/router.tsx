import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type HydrationState, type RouteObject } from 'react-router';
import { prefetchGroupPage } from '../features/groups/prefetch-group-page.ts';
import { prefetchGroupsPage } from '../features/groups/prefetch-groups-page.ts';
import { prefetchHistoryPage } from '../features/history/prefetch-history-page.ts';
import { prefetchOrganizationPage } from '../features/organizations/prefetch-organization-page.ts';
import { prefetchOrganizationsPage } from '../features/organizations/prefetch-organizations-page.ts';
import { paths } from '../lib/paths.ts';
import { AppShell } from './app-shell.tsx';
import { boxRoutes } from './box-routes.tsx';
import { CLIENT_ONLY_ROUTE } from './client-only-route.ts';
import { HomeRedirect } from './home-redirect.tsx';
import { JobsRedirect } from './jobs-redirect.tsx';
import { lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteError } from './route-error.tsx';
import { prefetchOnEntry, prefetchScopedOperations, prefetchShell } from './route-prefetch.ts';

/** The route tree, shared by the browser's router and the server's first render (entry-server.tsx). */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: paths.signIn.pattern,
      errorElement: <RouteError />,
      hydrateFallbackElement: null,
      ...lazyPage(
        'src/features/sign-in/sign-in-page.tsx',
        async () => (await import('../features/sign-in/sign-in-page.tsx')).SignInPage,
      ),
    },
    {
      element: <AppShell />,
      loader: () => {
        prefetchShell(queryClient);
        return null;
      },
      errorElement: <RouteError />,
      hydrateFallbackElement: null,
      children: [
        { index: true, element: <HomeRedirect />, handle: CLIENT_ONLY_ROUTE },
        {
          errorElement: <RouteError />,
          children: [
            {
              path: paths.groups.pattern,
              loader: ({ request }) => {
                prefetchGroupsPage(queryClient, new URL(request.url).searchParams);
                return null;
              },
              ...lazyPage(
                'src/features/groups/groups-page.tsx',
                async () => (await import('../features/groups/groups-page.tsx')).GroupsPage,
              ),
            },
            {
              path: paths.group.pattern,
              loader: ({ params }) => {
                prefetchGroupPage(queryClient, params.groupId);
                prefetchScopedOperations(queryClient, 'group_id', params.groupId);
                return null;
              },
              ...lazyPage(
                'src/features/groups/group-page.tsx',
                async () => (await import('../features/groups/group-page.tsx')).GroupPage,
              ),
            },
            {
              path: paths.organizations.pattern,
              loader: ({ request }) => {
                prefetchOrganizationsPage(queryClient, new URL(request.url).searchParams);
                return null;
              },
              ...lazyPage(
                'src/features/organizations/organizations-page.tsx',
                async () =>
                  (await import('../features/organizations/organizations-page.tsx')).OrganizationsPage,
              ),
            },
            {
              path: paths.organization.pattern,
              loader: ({ params }) => {
                prefetchOrganizationPage(queryClient, params.organizationId);
                prefetchScopedOperations(queryClient, 'organization_id', params.organizationId);
                return null;
              },
              ...lazyPage(
                'src/features/organizations/organization-page.tsx',
                async () =>
                  (await import('../features/organizations/organization-page.tsx')).OrganizationPage,
              ),
            },
            {
              path: paths.users.pattern,
              // Imported when the route is entered: the people's queries it names would otherwise weigh on
              // every route's entry script (the Users list's own chunk holds them anyway).
              loader: ({ request }) =>
                prefetchOnEntry(async () => {
                  const { prefetchUsersPage } = await import('../features/users/prefetch-users-page.ts');
                  prefetchUsersPage(queryClient, new URL(request.url).searchParams);
                }),
              ...lazyPage(
                'src/features/users/users-page.tsx',
                async () => (await import('../features/users/users-page.tsx')).UsersPage,
              ),
            },
            {
              path: paths.user.pattern,
              loader: ({ params }) =>
                prefetchOnEntry(async () => {
                  const { prefetchPersonPage } = await import('../features/users/prefetch-person-page.ts');
                  prefetchPersonPage(queryClient, params.userId);
                }),
              ...lazyPage(
                'src/features/users/user-page.tsx',
                async () => (await import('../features/users/user-page.tsx')).UserPage,
              ),
            },
            {
              path: paths.groupMatrix.pattern,
              ...lazyPage(
                'src/features/matrix/group-matrix-page.tsx',
                async () => (await import('../features/matrix/group-matrix-page.tsx')).GroupMatrixPage,
              ),
            },
            {
              path: paths.organizationMatrix.pattern,
              ...lazyPage(
                'src/features/matrix/organization-matrix-page.tsx',
                async () =>
                  (await import('../features/matrix/organization-matrix-page.tsx')).OrganizationMatrixPage,
              ),
            },
            {
              path: paths.history.pattern,
              loader: ({ request }) => {
                prefetchHistoryPage(queryClient, new URL(request.url).searchParams);
                return null;
              },
              ...lazyPage(
                'src/features/history/history-page.tsx',
                async () => (await import('../features/history/history-page.tsx')).HistoryPage,
              ),
            },
            {
              path: paths.zendeskJob.pattern,
              ...lazyPage(
                'src/features/history/zendesk-job-page.tsx',
                async () => (await import('../features/history/zendesk-job-page.tsx')).ZendeskJobPage,
              ),
            },
            {
              path: paths.operation.pattern,
              ...lazyPage(
                'src/features/history/operation-detail-page.tsx',
                async () =>
                  (await import('../features/history/operation-detail-page.tsx')).OperationDetailPage,
              ),
            },
            {
              path: paths.import.pattern,
              ...lazyPage(
                'src/features/import/import-page.tsx',
                async () => (await import('../features/import/import-page.tsx')).ZendeskImportPage,
              ),
            },
            { path: paths.jobs.pattern, element: <JobsRedirect />, handle: CLIENT_ONLY_ROUTE },
            { path: paths.job.pattern, element: <JobsRedirect />, handle: CLIENT_ONLY_ROUTE },
            ...boxRoutes(queryClient),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}

/** `hydrationData`: the route data the server rendered the first view with, when it did. */
export function createAppRouter(routes: RouteObject[], hydrationData?: HydrationState) {
  return createBrowserRouter(routes, hydrationData ? { hydrationData } : undefined);
}
