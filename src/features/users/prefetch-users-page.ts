import type { QueryClient } from '@tanstack/react-query';
import { allGroupsQueryOptions } from '../../api/groups.ts';
import { organizationsOfPagesQueryOptions } from '../../api/organizations.ts';
import { usersCountQueryOptions, usersQueryOptions } from '../../api/users.ts';
import { usersFiltersOf } from './users-filters.ts';

/**
 * As `prefetchGroupsPage`: the Users list's first page for the filters in its URL, the group names
 * and the total, and, once the page has answered, the names of the organizations its people are in
 * (the list asks for those only when it has rows).
 */
export function prefetchUsersPage(queryClient: QueryClient, search: URLSearchParams): void {
  const filters = usersFiltersOf(search);
  void queryClient.prefetchQuery(allGroupsQueryOptions());
  if (!filters.text) void queryClient.prefetchQuery(usersCountQueryOptions(filters.role));
  void queryClient
    .fetchInfiniteQuery(usersQueryOptions(filters))
    .then((users) =>
      Promise.all(
        organizationsOfPagesQueryOptions(users.pages)
          .filter((options) => options.enabled)
          .map((options) => queryClient.prefetchQuery(options)),
      ),
    )
    // The list shows its own error state when the page fails: nothing more to start then.
    .catch(() => {});
}
