import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { countSchema } from '../contract/count.ts';
import { groupEnvelopeSchema, groupSchema } from '../contract/group.ts';
import { offsetPageSchema } from '../contract/pagination.ts';
import { apiRequest } from './api-client.ts';
import { type CursorPageParam, cursorPageOf, cursorQuery, nextCursor } from './cursor-pagination.ts';

export const groupKeys = {
  all: ['groups'] as const,
  lists: () => [...groupKeys.all, 'list'] as const,
  list: (filters: { name: string }) => [...groupKeys.lists(), filters] as const,
  details: () => [...groupKeys.all, 'detail'] as const,
  detail: (id: number) => [...groupKeys.details(), id] as const,
  memberCount: (id: number) => [...groupKeys.detail(id), 'member-count'] as const,
  count: () => [...groupKeys.all, 'count'] as const,
};

export const groupCountQueryOptions = () =>
  queryOptions({
    queryKey: groupKeys.count(),
    queryFn: ({ signal }) =>
      apiRequest('/api/v2/groups/count?exclude_deleted=true', { schema: countSchema, signal }).then(
        (body) => body.count.value,
      ),
  });

const groupCursorPageSchema = cursorPageOf('groups', groupSchema);
const groupAutocompletePageSchema = offsetPageSchema.extend({ groups: z.array(groupSchema) });

/**
 * All groups by cursor, or those whose name starts with `name` through autocomplete (which only
 * pages by offset). Both answer the same page shape to the caller: groups plus the next page param.
 */
export const groupsQueryOptions = (filters: { name: string }) =>
  infiniteQueryOptions({
    queryKey: groupKeys.list(filters),
    queryFn: async ({ pageParam, signal }) => {
      if (filters.name) {
        const page = Number(pageParam ?? 1);
        const query = new URLSearchParams({ name: filters.name, page: String(page), per_page: '100' });
        const body = await apiRequest(`/api/v2/groups/autocomplete?${query}`, {
          schema: groupAutocompletePageSchema,
          signal,
        });
        return { groups: body.groups, next: body.next_page ? String(page + 1) : undefined };
      }
      const body = await apiRequest(`/api/v2/groups?${cursorQuery(pageParam, { exclude_deleted: 'true' })}`, {
        schema: groupCursorPageSchema,
        signal,
      });
      return { groups: body.groups, next: nextCursor(body) };
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
