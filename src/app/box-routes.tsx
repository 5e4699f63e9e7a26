import type { RouteObject } from 'react-router';
import { paths } from '../lib/paths.ts';
import { CLIENT_ONLY_ROUTE } from './client-only-route.ts';
import { lazyPage } from './lazy-page.ts';

/**
 * The Box workspace: every path starts with `/box`, so a link says which provider it is about. The
 * gate asks a person to connect their Box account first when Roster has a Box app.
 */
export const boxRoutes: RouteObject[] = [
  {
    ...lazyPage(
      'src/features/box/box-account-gate.tsx',
      async () => (await import('../features/box/box-account-gate.tsx')).BoxAccountGate,
    ),
    children: [
      {
        path: paths.boxGroups.pattern,
        ...lazyPage(
          'src/features/box/box-groups-page.tsx',
          async () => (await import('../features/box/box-groups-page.tsx')).BoxGroupsPage,
        ),
      },
      {
        path: paths.boxGroup.pattern,
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
        ...lazyPage(
          'src/features/box/box-users-page.tsx',
          async () => (await import('../features/box/box-users-page.tsx')).BoxUsersPage,
        ),
      },
      {
        path: paths.boxUser.pattern,
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
