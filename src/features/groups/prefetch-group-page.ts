import type { QueryClient } from '@tanstack/react-query';
import { groupMembersQueryOptions } from '../../api/group-memberships.ts';
import { groupMemberCountQueryOptions, groupQueryOptions } from '../../api/groups.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';

/**
 * Starts what the group page shows first (the group, its member count and first page of members)
 * from the route's loader, so the requests run while the page's code is still downloading.
 */
export function prefetchGroupPage(queryClient: QueryClient, groupIdParam: string | undefined): void {
  const groupId = parseRecordId(groupIdParam);
  if (groupId === undefined) return;
  void queryClient.prefetchQuery(groupQueryOptions(groupId));
  void queryClient.prefetchQuery(groupMemberCountQueryOptions(groupId));
  void queryClient.prefetchInfiniteQuery(groupMembersQueryOptions(groupId));
}
