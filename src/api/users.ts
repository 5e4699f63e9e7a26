import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { countSchema } from '../contract/count.ts';
import { cursorPageSchema, offsetPageSchema } from '../contract/pagination.ts';
import { type User, userEnvelopeSchema, userSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';
import { nextCursor } from './cursor-pagination.ts';
import { type UserRoleFilter, userKeys } from './user-keys.ts';

const searchPageSchema = z.extend(offsetPageSchema, { users: z.array(userSchema) });

export function searchUsers(query: string, perPage: number, signal?: AbortSignal) {
  const params = new URLSearchParams({ query, per_page: String(perPage) });
  return apiRequest(`/api/v2/users/search?${params}`, {
    schema: searchPageSchema,
    ...(signal && { signal }),
  });
}

/** People whose name or email contains the text, for pickers. */
export const userSearchQueryOptions = (text: string) =>
  queryOptions({
    queryKey: userKeys.search(text),
    queryFn: ({ signal }) => searchUsers(text, 20, signal).then((body) => body.users),
    enabled: text.trim().length >= 2,
    staleTime: 60_000,
  });

export const userQueryOptions = (id: number) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v2/users/${id}`, { schema: userEnvelopeSchema, signal }).then((body) => body.user),
  });

export const ROLE_QUERY: Record<UserRoleFilter, string[]> = {
  staff: ['agent', 'admin'],
  agent: ['agent'],
  admin: ['admin'],
  'end-user': ['end-user'],
  all: [],
};

/** How many people have the roles of a filter (no search): the N of "select all N". */
export const usersCountQueryOptions = (role: UserRoleFilter) =>
  queryOptions({
    queryKey: userKeys.count(role),
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/v2/users/count?${new URLSearchParams(ROLE_QUERY[role].map((name) => ['role[]', name]))}`,
        {
          schema: countSchema,
          signal,
        },
      ).then((body) => body.count.value),
  });

export const userCursorPageSchema = z.extend(cursorPageSchema, { users: z.array(userSchema) });

/**
 * People by role, by cursor; with search text, `users/search` (offset only) narrowed to the role
 * on the page, since Zendesk's search cannot ask for two roles at once.
 */
export const usersQueryOptions = (filters: { role: UserRoleFilter; text: string }) =>
  infiniteQueryOptions({
    queryKey: userKeys.list(filters),
    queryFn: async ({ pageParam, signal }): Promise<{ items: User[]; next: string | undefined }> => {
      const roles = ROLE_QUERY[filters.role];
      if (filters.text) {
        const page = Number(pageParam ?? 1);
        const params = new URLSearchParams({ query: filters.text, page: String(page), per_page: '100' });
        const body = await apiRequest(`/api/v2/users/search?${params}`, { schema: searchPageSchema, signal });
        const items = body.users.filter((user) => roles.length === 0 || roles.includes(user.role));
        return { items, next: body.next_page ? String(page + 1) : undefined };
      }
      const params = new URLSearchParams(roles.map((role) => ['role[]', role]));
      params.set('page[size]', '100');
      if (pageParam) params.set('page[after]', pageParam);
      const body = await apiRequest(`/api/v2/users?${params}`, { schema: userCursorPageSchema, signal });
      return { items: body.users, next: nextCursor(body) };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
  });
