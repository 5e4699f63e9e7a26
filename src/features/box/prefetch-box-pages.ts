import type { QueryClient } from '@tanstack/react-query';
import { isBoxAvailable } from '../../api/box/box-availability.ts';
import {
  boxGroupCountQueryOptions,
  boxGroupQueryOptions,
  boxGroupsQueryOptions,
} from '../../api/box/box-groups.ts';
import {
  boxGroupMembersQueryOptions,
  boxUserMembershipsQueryOptions,
} from '../../api/box/box-memberships.ts';
import {
  boxUserCountQueryOptions,
  boxUserQueryOptions,
  boxUsersQueryOptions,
} from '../../api/box/box-users.ts';
import { currentUserQueryOptions } from '../../api/current-user.ts';
import { sessionQueryOptions } from '../../api/session.ts';
import { parseBoxId } from './parse-box-id.ts';

/**
 * What each Box page shows first, started from its route's loader (src/app/box-routes.tsx) as the
 * Zendesk pages' `prefetch-*-page.ts` do, so the server renders the lists and the Box user page in
 * one pass. Nothing is asked of Box unless this person may read it now, by the rule the pages
 * offer Box by (box-availability.ts): a person who has still to connect their Box account sees the
 * gate's button instead, and an agent on a server with one Box credential is not offered Box.
 */
async function whenBoxIsAvailable(queryClient: QueryClient, start: () => void): Promise<void> {
  const [session, user] = await Promise.all([
    queryClient.ensureQueryData(sessionQueryOptions()).catch(() => undefined),
    queryClient.ensureQueryData(currentUserQueryOptions()).catch(() => undefined),
  ]);
  if (session?.signedIn && isBoxAvailable(session, user)) start();
}

/** The Box groups list: its first page for the search in the URL, and the total without one. */
export function prefetchBoxGroupsPage(queryClient: QueryClient, search: URLSearchParams): Promise<void> {
  const name = search.get('q') ?? '';
  return whenBoxIsAvailable(queryClient, () => {
    void queryClient.prefetchInfiniteQuery(boxGroupsQueryOptions({ name }));
    if (!name) void queryClient.prefetchQuery(boxGroupCountQueryOptions());
  });
}

/** The Box users list, as the groups list. */
export function prefetchBoxUsersPage(queryClient: QueryClient, search: URLSearchParams): Promise<void> {
  const name = search.get('q') ?? '';
  return whenBoxIsAvailable(queryClient, () => {
    void queryClient.prefetchInfiniteQuery(boxUsersQueryOptions({ name }));
    if (!name) void queryClient.prefetchQuery(boxUserCountQueryOptions());
  });
}

/**
 * A Box group and its first page of members. The admins among the rows on screen then read their
 * own memberships (box-permissions-cell.tsx), which only the rendered rows can say: a second pass.
 */
export function prefetchBoxGroupPage(queryClient: QueryClient, idParam: string | undefined): Promise<void> {
  const groupId = parseBoxId(idParam);
  if (groupId === undefined) return Promise.resolve();
  return whenBoxIsAvailable(queryClient, () => {
    void queryClient.prefetchQuery(boxGroupQueryOptions(groupId));
    void queryClient.prefetchInfiniteQuery(boxGroupMembersQueryOptions(groupId));
  });
}

/** A Box user, then (as the page asks for them once the user is known) their groups and all groups. */
export function prefetchBoxUserPage(queryClient: QueryClient, idParam: string | undefined): Promise<void> {
  const userId = parseBoxId(idParam);
  if (userId === undefined) return Promise.resolve();
  return whenBoxIsAvailable(queryClient, () => {
    void queryClient
      .fetchQuery(boxUserQueryOptions(userId))
      .then(() =>
        Promise.all([
          queryClient.prefetchInfiniteQuery(boxUserMembershipsQueryOptions(userId)),
          queryClient.prefetchInfiniteQuery(boxGroupsQueryOptions({ name: '' })),
        ]),
      )
      // The page shows its own error state when the user cannot be read: nothing more to start then.
      .catch(() => {});
  });
}
