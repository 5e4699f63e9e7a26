import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { countSchema } from '../contract/count.ts';
import { groupEnvelopeSchema, groupSchema } from '../contract/group.ts';
import { groupMemberCountsSchema } from '../contract/group-member-counts.ts';
import { apiRequest } from './api-client.ts';
import type { CursorPageParam } from './cursor-pagination.ts';
import { fetchAllPages, fetchNamedListPage } from './named-list.ts';

export const groupKeys = {
  all: ['groups'] as const,
  lists: () => [...groupKeys.all, 'list'] as const,
  list: (filters: { name: string }) => [...groupKeys.lists(), filters] as const,
  details: () => [...groupKeys.all, 'detail'] as const,
  detail: (id: number) => [...groupKeys.details(), id] as const,
  memberCount: (id: number) => [...groupKeys.detail(id), 'member-count'] as const,
  count: () => [...groupKeys.all, 'count'] as const,
  /** Every group in one plain list (not the paged infinite list): accounts have hundreds at most. */
  every: () => [...groupKeys.all, 'every'] as const,
  memberCounts: () => [...groupKeys.all, 'member-counts'] as const,
};

/** Every group, to name memberships and for pickers; accounts have hundreds at most. */
export const allGroupsQueryOptions = () =>
  queryOptions({
    queryKey: groupKeys.every(),
    queryFn: ({ signal }) => fetchAllPages('/api/v2/groups', 'groups', groupSchema, signal),
    staleTime: 5 * 60_000,
  });

/** Every group's member count, in one request: the Roster server reads and caches them. */
export const groupMemberCountsQueryOptions = () =>
  queryOptions({
    queryKey: groupKeys.memberCounts(),
    queryFn: ({ signal }) =>
      apiRequest('/roster/group-member-counts', { schema: groupMemberCountsSchema, signal }).then(
        (body) => body.counts,
      ),
    staleTime: 30_000,
  });

export const groupCountQueryOptions = () =>
  queryOptions({
    queryKey: groupKeys.count(),
    queryFn: ({ signal }) =>
      apiRequest('/api/v2/groups/count?exclude_deleted=true', { schema: countSchema, signal }).then(
        (body) => body.count.value,
      ),
  });

/**
 * All groups, or those whose name contains `name` anywhere: Zendesk's autocomplete matches only the
 * start of names, and an account's groups fit in memory, so a search filters the whole list.
 */
export const groupsQueryOptions = (filters: { name: string }) =>
  infiniteQueryOptions({
    queryKey: groupKeys.list(filters),
    queryFn: async ({ pageParam, signal, client }) => {
      if (filters.name) {
        const wanted = filters.name.toLowerCase();
        const all = await client.ensureQueryData(allGroupsQueryOptions());
        return {
          items: all.filter((group) => !group.deleted && group.name.toLowerCase().includes(wanted)),
          next: undefined,
        };
      }
      return fetchNamedListPage({
        resource: 'groups',
        item: groupSchema,
        name: filters.name,
        pageParam,
        extra: { exclude_deleted: 'true' },
        signal,
      });
    },
    initialPageParam: undefined as CursorPageParam,
    getNextPageParam: (page) => page.next,
  });

export const groupQueryOptions = (id: number) =>
  queryOptions({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v2/groups/${id}`, { schema: groupEnvelopeSchema, signal }).then((body) => body.group),
  });

export const groupMemberCountQueryOptions = (id: number) =>
  queryOptions({
    queryKey: groupKeys.memberCount(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v2/groups/${id}/users/count`, { schema: countSchema, signal }).then(
        (b) => b.count.value,
      ),
  });
