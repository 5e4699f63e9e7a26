import type { QueryClient } from '@tanstack/react-query';
import { allGroupsQueryOptions } from '../../api/groups.ts';
import { recentJobStatusesQueryOptions } from '../../api/job-statuses.ts';
import { operationsQueryOptions } from '../../api/roster-operations.ts';
import { historyFiltersOf } from './history-filters.ts';

/**
 * As `prefetchGroupsPage`: History's first page of changes for the filters in its URL, the group
 * names its filter bar offers and the first page of the account's Zendesk jobs.
 */
export function prefetchHistoryPage(queryClient: QueryClient, search: URLSearchParams): void {
  void queryClient.prefetchInfiniteQuery(operationsQueryOptions(historyFiltersOf(search)));
  void queryClient.prefetchQuery(allGroupsQueryOptions());
  void queryClient.prefetchInfiniteQuery(recentJobStatusesQueryOptions());
}
