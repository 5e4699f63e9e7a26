import type { RouteObject } from 'react-router';
import { CLIENT_ONLY_ROUTE } from './client-only-route.ts';

/**
 * The Box workspace: every path starts with `/box`, so a link says which provider it is about. The
 * gate asks a person to connect their Box account first when Roster has a Box app.
 */
export const boxRoutes: RouteObject[] = [
  {
    lazy: async () => ({ Component: (await import('../features/box/box-account-gate.tsx')).BoxAccountGate }),
    children: [
      {
        path: 'box/groups',
        lazy: async () => ({
          Component: (await import('../features/box/box-groups-page.tsx')).BoxGroupsPage,
        }),
      },
      {
        path: 'box/groups/:groupId',
        lazy: async () => ({ Component: (await import('../features/box/box-group-page.tsx')).BoxGroupPage }),
      },
      {
        path: 'box/users',
        lazy: async () => ({ Component: (await import('../features/box/box-users-page.tsx')).BoxUsersPage }),
      },
      {
        path: 'box/users/:userId',
        lazy: async () => ({ Component: (await import('../features/box/box-user-page.tsx')).BoxUserPage }),
      },
      {
        path: 'box',
        handle: CLIENT_ONLY_ROUTE,
        lazy: async () => ({ Component: (await import('./box-home-redirect.tsx')).BoxHomeRedirect }),
      },
    ],
  },
];
