import type { QueryClient } from '@tanstack/react-query';
import { isBoxAvailable } from '../../api/box/box-availability.ts';
import { boxUserMembershipsQueryOptions } from '../../api/box/box-memberships.ts';
import { boxUserByLoginQueryOptions } from '../../api/box/box-users.ts';
import { currentUserQueryOptions } from '../../api/current-user.ts';
import { allGroupsQueryOptions } from '../../api/groups.ts';
import { sessionQueryOptions } from '../../api/session.ts';
import {
  userGroupMembershipsQueryOptions,
  userOrganizationMembershipsQueryOptions,
} from '../../api/user-memberships.ts';
import { userQueryOptions } from '../../api/users.ts';
import { isAgentRole } from '../../contract/user.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';

/**
 * As `prefetchGroupPage`: the person page's first requests start from its route's loader. What
 * an agent viewing it sees besides (every group's name, the person's Box groups) depends on who
 * is looking and on the person's email, so those follow once the answers they depend on are in;
 * the page asks for the same queries with the same conditions (user-page.tsx, person-box-groups.tsx).
 */
export function prefetchPersonPage(queryClient: QueryClient, userIdParam: string | undefined): void {
  const userId = parseRecordId(userIdParam);
  if (userId === undefined) return;
  void queryClient.prefetchQuery(userGroupMembershipsQueryOptions(userId));
  void queryClient.prefetchQuery(userOrganizationMembershipsQueryOptions(userId));
  // Each failure shows as the page's own error state for that query: nothing more to start then.
  void prefetchForTheViewer(queryClient, userId).catch(() => {});
}

async function prefetchForTheViewer(queryClient: QueryClient, userId: number): Promise<void> {
  const [session, viewer, person] = await Promise.all([
    queryClient.ensureQueryData(sessionQueryOptions()),
    queryClient.ensureQueryData(currentUserQueryOptions()),
    queryClient.ensureQueryData(userQueryOptions(userId)),
  ]);
  if (!isAgentRole(viewer.role)) return;
  void queryClient.prefetchQuery(allGroupsQueryOptions());
  if (!isBoxAvailable(session, viewer) || !person.email) return;
  const boxUser = await queryClient.ensureQueryData(boxUserByLoginQueryOptions(person.email));
  if (boxUser) await queryClient.prefetchInfiniteQuery(boxUserMembershipsQueryOptions(boxUser.id));
}
