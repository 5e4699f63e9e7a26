import { queryOptions } from '@tanstack/react-query';
import { boxCollectionSchema } from '../../contract/box/box-collection.ts';
import { type BoxUser, boxUserSchema } from '../../contract/box/box-user.ts';
import { apiRequest } from '../api-client.ts';
import { boxKeys } from './box-keys.ts';
import { boxListQueryOptions, boxPath, fetchBoxPage } from './box-paging.ts';

export const boxUserKeys = {
  all: [...boxKeys.all, 'users'] as const,
  lists: () => [...boxUserKeys.all, 'list'] as const,
  list: (filters: { name: string }) => [...boxUserKeys.lists(), filters] as const,
  /** Every Box user, streamed in one plain query: the grid's rows. */
  every: () => [...boxUserKeys.all, 'every'] as const,
  count: () => [...boxUserKeys.all, 'count'] as const,
  me: () => [...boxUserKeys.all, 'me'] as const,
  details: () => [...boxUserKeys.all, 'detail'] as const,
  detail: (id: string) => [...boxUserKeys.details(), id] as const,
  byLogin: (login: string) => [...boxUserKeys.all, 'by-login', login.toLowerCase()] as const,
};

export const boxUserQueryOptions = (id: string) =>
  queryOptions({
    queryKey: boxUserKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest(boxPath(`/users/${encodeURIComponent(id)}`), { schema: boxUserSchema, signal }),
  });

/** Box users whose name or login starts with `name`, 100 a page by offset. */
export const boxUsersQueryOptions = (filters: { name: string }) =>
  boxListQueryOptions(boxUserKeys.list(filters), '/users', boxUserSchema, filters.name);

export const boxUserCountQueryOptions = () =>
  queryOptions({
    queryKey: boxUserKeys.count(),
    queryFn: async ({ signal }) =>
      (await fetchBoxPage('/users', boxUserSchema, { offset: undefined, limit: 1, signal })).total,
  });

/** Whose Box account Roster acts with: its role says whether it may grant admin permissions. */
export const boxMeQueryOptions = () =>
  queryOptions({
    queryKey: boxUserKeys.me(),
    queryFn: ({ signal }) => apiRequest(boxPath('/users/me'), { schema: boxUserSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Enterprise admins and co-admins set what group admins may do; a group admin cannot. */
export function mayGrantBoxPermissions(user: BoxUser): boolean {
  return user.role === 'admin' || user.role === 'coadmin';
}

/** The user whose login is exactly `login`, if any (`filter_term` matches prefixes). */
export async function findBoxUserByLogin(login: string, signal?: AbortSignal): Promise<BoxUser | undefined> {
  const body = await apiRequest(boxPath('/users', { filter_term: login, limit: '20' }), {
    schema: boxCollectionSchema(boxUserSchema),
    ...(signal && { signal }),
  });
  return body.entries.find((user) => user.login.toLowerCase() === login.toLowerCase());
}

/** The Box user whose login is this email, or null when Box has none: the same person in both places. */
export const boxUserByLoginQueryOptions = (login: string) =>
  queryOptions({
    queryKey: boxUserKeys.byLogin(login),
    queryFn: async ({ signal }) => (await findBoxUserByLogin(login, signal)) ?? null,
    staleTime: 60_000,
  });
