import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { offsetPageSchema } from '../contract/pagination.ts';
import { type User, userSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';

export const userKeys = {
  all: ['users'] as const,
  searches: () => [...userKeys.all, 'search'] as const,
  search: (text: string) => [...userKeys.searches(), text] as const,
};

const searchPageSchema = offsetPageSchema.extend({ users: z.array(userSchema) });
const userListSchema = z.looseObject({ users: z.array(userSchema) });

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

/** `users/show_many` takes at most 100 ids a request. */
export async function showManyUsers(ids: readonly number[], signal?: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  for (let start = 0; start < ids.length; start += 100) {
    const chunk = ids.slice(start, start + 100);
    const body = await apiRequest(`/api/v2/users/show_many?ids=${chunk.join(',')}`, {
      schema: userListSchema,
      ...(signal && { signal }),
    });
    users.push(...body.users);
  }
  return users;
}

/**
 * Zendesk has no lookup by many emails: each address is one search (`email:` term), a few at a
 * time, matched exactly because search also returns partial matches.
 */
export async function findUsersByEmail(
  emails: readonly string[],
  signal?: AbortSignal,
  onProgress?: (checked: number) => void,
): Promise<Map<string, User>> {
  const found = new Map<string, User>();
  const queue = [...emails];
  const worker = async () => {
    for (let email = queue.shift(); email !== undefined; email = queue.shift()) {
      const body = await searchUsers(`email:${email}`, 10, signal);
      const match = body.users.find((user) => user.email?.toLowerCase() === email.toLowerCase());
      if (match) found.set(email.toLowerCase(), match);
      onProgress?.(emails.length - queue.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, emails.length) }, worker));
  return found;
}
