import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { prefetchGroupPage } from '../features/groups/prefetch-group-page.ts';
import { prefetchOrganizationPage } from '../features/organizations/prefetch-organization-page.ts';
import { AppShell } from './app-shell.tsx';
import { boxRoutes } from './box-routes.tsx';
import { HomeRedirect } from './home-redirect.tsx';
import { JobsRedirect } from './jobs-redirect.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteError } from './route-error.tsx';

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: 'sign-in',
      errorElement: <RouteError />,
      hydrateFallbackElement: null,
      lazy: async () => ({
        Component: (await import('../features/sign-in/sign-in-page.tsx')).SignInPage,
      }),
    },
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      hydrateFallbackElement: null,
      children: [
        { index: true, element: <HomeRedirect /> },
        {
          errorElement: <RouteError />,
          children: [
            {
              path: 'groups',
              lazy: async () => ({
                Component: (await import('../features/groups/groups-page.tsx')).GroupsPage,
              }),
            },
            {
              path: 'groups/:groupId',
              loader: ({ params }) => {
                prefetchGroupPage(queryClient, params.groupId);
                return null;
              },
              lazy: async () => ({
                Component: (await import('../features/groups/group-page.tsx')).GroupPage,
              }),
            },
            {
              path: 'organizations',
              lazy: async () => ({
                Component: (await import('../features/organizations/organizations-page.tsx'))
                  .OrganizationsPage,
              }),
            },
            {
              path: 'organizations/:organizationId',
              loader: ({ params }) => {
                prefetchOrganizationPage(queryClient, params.organizationId);
                return null;
              },
              lazy: async () => ({
                Component: (await import('../features/organizations/organization-page.tsx')).OrganizationPage,
              }),
            },
            {
              path: 'users',
              lazy: async () => ({ Component: (await import('../features/users/users-page.tsx')).UsersPage }),
            },
            {
              path: 'users/:userId',
              lazy: async () => ({ Component: (await import('../features/users/user-page.tsx')).UserPage }),
            },
            {
              path: 'history',
              lazy: async () => ({
                Component: (await import('../features/history/history-page.tsx')).HistoryPage,
              }),
            },
            {
              path: 'history/zendesk-jobs/:jobId',
              lazy: async () => ({
                Component: (await import('../features/history/zendesk-job-page.tsx')).ZendeskJobPage,
              }),
            },
            {
              path: 'history/:operationId',
              lazy: async () => ({
                Component: (await import('../features/history/operation-detail-page.tsx'))
                  .OperationDetailPage,
              }),
            },
            { path: 'jobs', element: <JobsRedirect /> },
            { path: 'jobs/:jobId', element: <JobsRedirect /> },
            ...boxRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
