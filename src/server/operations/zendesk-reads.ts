import { z } from 'zod/mini';
import { cursorPageSchema } from '../../contract/pagination.ts';
import type { Actor } from '../store/operation-store.ts';
import type { UpstreamClient } from './upstream-client.ts';

/**
 * The few Zendesk reads planning and expansion need, validated to the fields they use (the SPA
 * validates whole records; the server only needs ids, names, roles and default flags).
 */

export const userBriefSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  email: z.nullable(z.string()),
  role: z.string(),
});
export type UserBrief = z.infer<typeof userBriefSchema>;

export const groupMembershipBriefSchema = z.looseObject({
  id: z.int(),
  user_id: z.int(),
  group_id: z.int(),
  default: z.boolean(),
});
export const organizationMembershipBriefSchema = z.looseObject({
  id: z.int(),
  user_id: z.int(),
  organization_id: z.int(),
  default: z.nullable(z.boolean()),
  view_tickets: z._default(z.boolean(), true),
});

export const PAGE_SIZE = 100;

export const groupMemberPageSchema = z.extend(cursorPageSchema, {
  group_memberships: z.array(groupMembershipBriefSchema),
  users: z._default(z.array(userBriefSchema), []),
});
export const organizationMemberPageSchema = z.extend(cursorPageSchema, {
  organization_memberships: z.array(organizationMembershipBriefSchema),
  users: z._default(z.array(userBriefSchema), []),
});
export const userPageSchema = z.extend(cursorPageSchema, { users: z.array(userBriefSchema) });
const usersSchema = z.looseObject({ users: z.array(userBriefSchema) });
const namedSchema = z.looseObject({ id: z.int(), name: z.string() });
const countSchema = z.looseObject({ count: z.looseObject({ value: z.int() }) });

export const actorOf = (user: UserBrief): Actor => ({
  id: String(user.id),
  name: user.name,
  email: user.email,
});

export function cursorQuery(after: string | undefined, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...extra, 'page[size]': String(PAGE_SIZE) });
  if (after) params.set('page[after]', after);
  return params.toString();
}

export const nextCursorOf = (page: z.infer<typeof cursorPageSchema>): string | null =>
  page.meta.has_more && page.meta.after_cursor ? page.meta.after_cursor : null;

/** Users by id, 100 per request; ids Zendesk does not know are simply absent. */
export async function showManyUsers(client: UpstreamClient, ids: readonly number[]): Promise<UserBrief[]> {
  const found: UserBrief[] = [];
  for (let start = 0; start < ids.length; start += PAGE_SIZE) {
    const batch = ids.slice(start, start + PAGE_SIZE);
    const body = await client.get(`/users/show_many?ids=${batch.join(',')}`, usersSchema);
    found.push(...body.users);
  }
  return found;
}

/** A group's or organization's name; undefined when it does not exist. */
export async function targetName(
  client: UpstreamClient,
  type: 'group' | 'organization',
  id: number,
): Promise<string | undefined> {
  try {
    const body = await client.get(
      type === 'group' ? `/groups/${id}` : `/organizations/${id}`,
      z.looseObject(type === 'group' ? { group: namedSchema } : { organization: namedSchema }),
    );
    const record = (body as Record<string, z.infer<typeof namedSchema>>)[type];
    return record?.name;
  } catch (error) {
    if (error instanceof Error && 'kind' in error && error.kind === 'not_found') return undefined;
    throw error;
  }
}

export async function memberCount(
  client: UpstreamClient,
  type: 'group' | 'organization',
  id: number,
): Promise<number> {
  const body = await client.get(
    type === 'group' ? `/groups/${id}/users/count` : `/organizations/${id}/users/count`,
    countSchema,
  );
  return body.count.value;
}

/** Runs `work` over `inputs` with at most `limit` at once, keeping the input order in the answers. */
export async function mapBounded<I, O>(
  inputs: readonly I[],
  limit: number,
  work: (input: I) => Promise<O>,
): Promise<O[]> {
  const results: O[] = new Array(inputs.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as I);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}
