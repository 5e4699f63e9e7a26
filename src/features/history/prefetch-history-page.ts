import type { QueryClient } from '@tanstack/react-query';
import { operationsQueryOptions } from '../../api/roster-operations.ts';
import { historyFiltersOf } from './history-filters.ts';

/** As `prefetchGroupsPage`: History's first page of changes for the filters in its URL. */
export function prefetchHistoryPage(queryClient: QueryClient, search: URLSearchParams): void {
  void queryClient.prefetchInfiniteQuery(operationsQueryOptions(historyFiltersOf(search)));
}
