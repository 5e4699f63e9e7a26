import type { QueryClient } from '@tanstack/react-query';
import { organizationCountQueryOptions, organizationsQueryOptions } from '../../api/organizations.ts';

/** As `prefetchGroupsPage`: the Organizations list's first page and, with no search, its total. */
export function prefetchOrganizationsPage(queryClient: QueryClient, search: URLSearchParams): void {
  const name = search.get('q') ?? '';
  void queryClient.prefetchInfiniteQuery(organizationsQueryOptions({ name }));
  if (!name) void queryClient.prefetchQuery(organizationCountQueryOptions());
}
