import { z } from 'zod/mini';
import type { GroupMemberCounts } from '../../contract/group-member-counts.ts';
import { cursorPageSchema, offsetPageSchema } from '../../contract/pagination.ts';
import type { UpstreamClient } from '../operations/upstream-client.ts';

const PAGE_SIZE = 100;
/** Count requests in flight at once when the groups are counted one by one. */
const COUNT_CONCURRENCY = 4;

const groupPageSchema = z.extend(cursorPageSchema, {
  groups: z.array(z.looseObject({ id: z.int() })),
});
const membershipPageSchema = z.extend(cursorPageSchema, {
  group_memberships: z.array(z.looseObject({ group_id: z.int() })),
});
const membershipTotalSchema = z.extend(offsetPageSchema, { group_memberships: z.array(z.unknown()) });
const countSchema = z.looseObject({ count: z.looseObject({ value: z.int() }) });

async function listGroupIds(client: UpstreamClient): Promise<number[]> {
  const ids: number[] = [];
  let after: string | null = null;
  do {
    const params = new URLSearchParams({ exclude_deleted: 'true', 'page[size]': String(PAGE_SIZE) });
    if (after) params.set('page[after]', after);
    const page = await client.get(`/groups?${params}`, groupPageSchema);
    ids.push(...page.groups.map((group) => group.id));
    after = page.meta.has_more ? page.meta.after_cursor : null;
  } while (after);
  return ids;
}

async function walkMemberships(client: UpstreamClient, counts: Map<number, number>): Promise<void> {
  let after: string | null = null;
  do {
    const params = new URLSearchParams({ 'page[size]': String(PAGE_SIZE) });
    if (after) params.set('page[after]', after);
    const page = await client.get(`/group_memberships?${params}`, membershipPageSchema);
    for (const { group_id } of page.group_memberships) {
      // Memberships of deleted groups are listed too; only the groups the list shows are counted.
      const known = counts.get(group_id);
      if (known !== undefined) counts.set(group_id, known + 1);
    }
    after = page.meta.has_more ? page.meta.after_cursor : null;
  } while (after);
}

async function countEachGroup(client: UpstreamClient, counts: Map<number, number>): Promise<void> {
  const queue = [...counts.keys()];
  async function worker(): Promise<void> {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const body = await client.get(`/groups/${id}/users/count`, countSchema);
      counts.set(id, body.count.value);
    }
  }
  await Promise.all(Array.from({ length: COUNT_CONCURRENCY }, worker));
}

/**
 * Every group's member count in as few upstream requests as Zendesk allows: the group list, one
 * request for the account's total of memberships, then whichever is cheaper — walking every
 * membership (a request per 100) or one count per group.
 */
export async function countGroupMembers(client: UpstreamClient, now: () => Date): Promise<GroupMemberCounts> {
  const refreshedAt = now().toISOString();
  const [groupIds, total] = await Promise.all([
    listGroupIds(client),
    client.get('/group_memberships?per_page=1', membershipTotalSchema),
  ]);
  const counts = new Map(groupIds.map((id) => [id, 0]));
  if (total.count > 0 && counts.size > 0) {
    if (Math.ceil(total.count / PAGE_SIZE) <= counts.size) await walkMemberships(client, counts);
    else await countEachGroup(client, counts);
  }
  return {
    counts: Object.fromEntries([...counts].map(([id, n]) => [String(id), n])),
    refreshed_at: refreshedAt,
  };
}
