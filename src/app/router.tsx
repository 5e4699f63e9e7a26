import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type HydrationState, type RouteObject } from 'react-router';
import { prefetchGroupPage } from '../features/groups/prefetch-group-page.ts';
import { prefetchOrganizationPage } from '../features/organizations/prefetch-organization-page.ts';
import { AppShell } from './app-shell.tsx';
import { boxRoutes } from './box-routes.tsx';
import { CLIENT_ONLY_ROUTE } from './client-only-route.ts';
import { HomeRedirect } from './home-redirect.tsx';
import { JobsRedirect } from './jobs-redirect.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteError } from './route-error.tsx';

/** The route tree, shared by the browser's router and the server's first render (entry-server.tsx). */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
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
        { index: true, element: <HomeRedirect />, handle: CLIENT_ONLY_ROUTE },
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
            { path: 'jobs', element: <JobsRedirect />, handle: CLIENT_ONLY_ROUTE },
            { path: 'jobs/:jobId', element: <JobsRedirect />, handle: CLIENT_ONLY_ROUTE },
            ...boxRoutes,
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
