import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import type * as BoxPrefetchModule from '../features/box/prefetch-box-pages.ts';
import { paths } from '../lib/paths.ts';
import { CLIENT_ONLY_ROUTE } from './client-only-route.ts';
import { lazyPage } from './lazy-page.ts';
import { prefetchOnEntry } from './route-prefetch.ts';

type BoxPrefetches = typeof BoxPrefetchModule;

/**
 * The Box workspace: every path starts with `/box`, so a link says which provider it is about. The
 * gate asks a person to connect their Box account first when Roster has a Box app. The loaders
 * import their page's prefetch only when the route is entered: the Box query modules would otherwise
 * weigh on every route's entry script, Zendesk's member pages included.
 */
export function boxRoutes(queryClient: QueryClient): RouteObject[] {
  const prefetchBox = (prefetch: (box: BoxPrefetches) => Promise<void>) =>
    prefetchOnEntry(async () => prefetch(await import('../features/box/prefetch-box-pages.ts')));
  return [
    {
      ...lazyPage(
        'src/features/box/box-account-gate.tsx',
        async () => (await import('../features/box/box-account-gate.tsx')).BoxAccountGate,
      ),
      children: [
        {
          path: paths.boxGroups.pattern,
          loader: ({ request }) =>
            prefetchBox((box) => box.prefetchBoxGroupsPage(queryClient, new URL(request.url).searchParams)),
          ...lazyPage(
            'src/features/box/box-groups-page.tsx',
            async () => (await import('../features/box/box-groups-page.tsx')).BoxGroupsPage,
          ),
        },
        {
          path: paths.boxGroup.pattern,
          loader: ({ params }) => prefetchBox((box) => box.prefetchBoxGroupPage(queryClient, params.groupId)),
          ...lazyPage(
            'src/features/box/box-group-page.tsx',
            async () => (await import('../features/box/box-group-page.tsx')).BoxGroupPage,
          ),
        },
        {
          path: paths.boxImport.pattern,
          ...lazyPage(
            'src/features/import/import-page.tsx',
            async () => (await import('../features/import/import-page.tsx')).BoxImportPage,
          ),
        },
        {
          path: paths.boxUsers.pattern,
          loader: ({ request }) =>
            prefetchBox((box) => box.prefetchBoxUsersPage(queryClient, new URL(request.url).searchParams)),
          ...lazyPage(
            'src/features/box/box-users-page.tsx',
            async () => (await import('../features/box/box-users-page.tsx')).BoxUsersPage,
          ),
        },
        {
          path: paths.boxUser.pattern,
          loader: ({ params }) => prefetchBox((box) => box.prefetchBoxUserPage(queryClient, params.userId)),
          ...lazyPage(
            'src/features/box/box-user-page.tsx',
            async () => (await import('../features/box/box-user-page.tsx')).BoxUserPage,
          ),
        },
        {
          path: paths.boxMatrix.pattern,
          ...lazyPage(
            'src/features/matrix/box-matrix-page.tsx',
            async () => (await import('../features/matrix/box-matrix-page.tsx')).BoxMatrixPage,
          ),
        },
        {
          path: paths.box.pattern,
          handle: CLIENT_ONLY_ROUTE,
          lazy: async () => ({ Component: (await import('./box-home-redirect.tsx')).BoxHomeRedirect }),
        },
      ],
    },
  ];
}
