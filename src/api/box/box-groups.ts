import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { boxGroupSchema } from '../../contract/box/box-group.ts';
import { apiRequest } from '../api-client.ts';
import type { NamedListPage } from '../named-list.ts';
import { boxPath, fetchBoxPage } from './box-paging.ts';

export const boxGroupKeys = {
  all: ['box', 'groups'] as const,
  list: (filters: { name: string }) => [...boxGroupKeys.all, 'list', filters] as const,
  count: () => [...boxGroupKeys.all, 'count'] as const,
  detail: (id: string) => [...boxGroupKeys.all, 'detail', id] as const,
};

/** Box groups whose name starts with `name` (all of them without), 100 a page by offset. */
export const boxGroupsQueryOptions = (filters: { name: string }) =>
  infiniteQueryOptions({
    queryKey: boxGroupKeys.list(filters),
    queryFn: async ({
      pageParam,
      signal,
    }): Promise<NamedListPage<ReturnType<typeof boxGroupSchema.parse>>> => {
      const page = await fetchBoxPage('/groups', boxGroupSchema, {
        offset: pageParam,
        query: filters.name ? { filter_term: filters.name } : {},
        signal,
      });
      return { items: page.entries, next: page.next };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
  });

export const boxGroupCountQueryOptions = () =>
  queryOptions({
    queryKey: boxGroupKeys.count(),
    queryFn: async ({ signal }) =>
      (await fetchBoxPage('/groups', boxGroupSchema, { offset: undefined, limit: 1, signal })).total,
  });

export const boxGroupQueryOptions = (id: string) =>
  queryOptions({
    queryKey: boxGroupKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(boxPath(`/groups/${id}`), { schema: boxGroupSchema, signal }),
  });
