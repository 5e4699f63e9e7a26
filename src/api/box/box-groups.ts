import { queryOptions } from '@tanstack/react-query';
import { boxGroupSchema } from '../../contract/box/box-group.ts';
import { apiRequest } from '../api-client.ts';
import { boxKeys } from './box-keys.ts';
import { boxListQueryOptions, boxPath, fetchBoxPage } from './box-paging.ts';

export const boxGroupKeys = {
  all: [...boxKeys.all, 'groups'] as const,
  lists: () => [...boxGroupKeys.all, 'list'] as const,
  list: (filters: { name: string }) => [...boxGroupKeys.lists(), filters] as const,
  count: () => [...boxGroupKeys.all, 'count'] as const,
  details: () => [...boxGroupKeys.all, 'detail'] as const,
  detail: (id: string) => [...boxGroupKeys.details(), id] as const,
};

/** Box groups whose name starts with `name` (all of them without), 100 a page by offset. */
export const boxGroupsQueryOptions = (filters: { name: string }) =>
  boxListQueryOptions(boxGroupKeys.list(filters), '/groups', boxGroupSchema, filters.name);

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
