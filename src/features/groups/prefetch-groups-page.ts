import type { QueryClient } from '@tanstack/react-query';
import {
  groupCountQueryOptions,
  groupMemberCountsQueryOptions,
  groupsQueryOptions,
} from '../../api/groups.ts';

/**
 * Starts what the Groups list shows first (the first page for its search, the total when there is
 * no search, every group's member count) from the route's loader: the server renders the page once,
 * with all of it, instead of finding each query in a render and rendering again.
 */
export function prefetchGroupsPage(queryClient: QueryClient, search: URLSearchParams): void {
  const name = search.get('q') ?? '';
  void queryClient.prefetchInfiniteQuery(groupsQueryOptions({ name }));
  if (!name) void queryClient.prefetchQuery(groupCountQueryOptions());
  void queryClient.prefetchQuery(groupMemberCountsQueryOptions());
}
