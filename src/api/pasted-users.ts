import { mutationOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { type PastedEntry, parsePastedPeople } from '../contract/pasted-people.ts';
import { type User, userSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';
import { userKeys } from './user-keys.ts';
import { searchUsers } from './users.ts';

/** `users/show_many` takes at most this many ids. */
const SHOW_MANY_LIMIT = 100;
/** Emails are looked up one search each, this many at a time. */
const SEARCH_CONCURRENCY = 4;

const showManySchema = z.object({ users: z.array(userSchema) });

/** Pasted text looked up: the people found, in the order pasted, and every entry that found no one, with why. */
export type PastedUsers = {
  found: User[];
  notFound: PastedEntry[];
  invalid: PastedEntry[];
  tooLong: PastedEntry[];
  duplicates: PastedEntry[];
};

async function usersByIds(ids: readonly number[], signal?: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  for (let start = 0; start < ids.length; start += SHOW_MANY_LIMIT) {
    const chunk = ids.slice(start, start + SHOW_MANY_LIMIT);
    const body = await apiRequest(`/api/v2/users/show_many?ids=${chunk.join(',')}`, {
      schema: showManySchema,
      ...(signal && { signal }),
    });
    users.push(...body.users);
  }
  return users;
}

async function userByEmail(email: string, signal?: AbortSignal): Promise<User | undefined> {
  const body = await searchUsers(`email:${email}`, 10, signal);
  // Search also answers partial matches: only the same address counts.
  return body.users.find((user) => user.email?.toLowerCase() === email);
}

async function usersByEmails(emails: readonly string[], signal?: AbortSignal) {
  const found = new Map<string, User>();
  for (let start = 0; start < emails.length; start += SEARCH_CONCURRENCY) {
    const chunk = emails.slice(start, start + SEARCH_CONCURRENCY);
    const users = await Promise.all(chunk.map((email) => userByEmail(email, signal)));
    users.forEach((user, index) => {
      if (user) found.set(chunk[index] as string, user);
    });
  }
  return found;
}

/** Finds the people a pasted list of emails or ids names; an entry that cannot be looked up is reported, not sent. */
export async function findPastedUsers(text: string, signal?: AbortSignal): Promise<PastedUsers> {
  const pasted = parsePastedPeople(text);
  const [byId, byEmail] = await Promise.all([
    usersByIds(
      pasted.ids.map((entry) => entry.id),
      signal,
    ).then((users) => new Map(users.map((user) => [user.id, user]))),
    usersByEmails(
      pasted.emails.map((entry) => entry.email),
      signal,
    ),
  ]);
  const entries = [...pasted.ids, ...pasted.emails].sort((a, b) => a.line - b.line);
  const found: User[] = [];
  const notFound: PastedEntry[] = [];
  const seen = new Set<number>();
  for (const entry of entries) {
    const user = 'id' in entry ? byId.get(entry.id) : byEmail.get(entry.email);
    if (!user) notFound.push({ text: entry.text, line: entry.line });
    else if (seen.has(user.id)) pasted.duplicates.push({ text: entry.text, line: entry.line });
    else {
      seen.add(user.id);
      found.push(user);
    }
  }
  return { found, notFound, invalid: pasted.invalid, tooLong: pasted.tooLong, duplicates: pasted.duplicates };
}

/** "Paste emails or ids": the lookup runs when asked, and its answer feeds the page's selection. */
export const findPastedUsersMutationOptions = () =>
  mutationOptions({
    mutationKey: [...userKeys.all, 'pasted'],
    mutationFn: (text: string) => findPastedUsers(text),
  });
