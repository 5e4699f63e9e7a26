import { z } from 'zod/mini';
import type { BoxConfigurablePermissions } from '../../contract/box/box-group-membership.ts';
import { plural } from '../../contract/plural.ts';
import type { SkippedEntry, Target } from '../../contract/roster-operations.ts';
import type { Actor, NewItem } from '../store/operation-store.ts';
import {
  newItem,
  OperationInputError,
  type PlanDraft,
  planItemOf,
  skip,
  targetsPhrase,
} from './plan-draft.ts';
import { type UpstreamClient, UpstreamFailure } from './upstream-client.ts';
import { mapBounded } from './zendesk-reads.ts';

const LOOKUP_CONCURRENCY = 6;
const USERS_PAGE = 1000;
/** Box's offset paging stops at 10,000. */
const MAX_USER_PAGES = 10;

const userMini = z.looseObject({ id: z.string(), name: z.string(), login: z.string() });
const groupMini = z.looseObject({ id: z.string(), name: z.string() });
const membershipSchema = z.looseObject({
  id: z.string(),
  user: userMini,
  group: groupMini,
  role: z.string(),
});
const usersPage = z.looseObject({ total_count: z.int(), entries: z.array(userMini) });
export type BoxMembership = z.infer<typeof membershipSchema>;
export const membershipsPage = z.looseObject({ total_count: z.int(), entries: z.array(membershipSchema) });

export const boxActorOf = (user: z.infer<typeof userMini>): Actor => ({
  id: user.id,
  name: user.name,
  email: user.login,
});

export async function boxGroup(client: UpstreamClient, id: string): Promise<Target> {
  try {
    const group = await client.get(`/2.0/groups/${id}`, groupMini);
    return { type: 'box_group', id: group.id, name: group.name };
  } catch (error) {
    if (error instanceof UpstreamFailure && error.kind === 'not_found')
      throw new OperationInputError(404, 'not_found', `There is no Box group ${id}`);
    throw error;
  }
}

async function membershipById(client: UpstreamClient, id: string) {
  try {
    return await client.get(`/2.0/group_memberships/${id}`, membershipSchema);
  } catch (error) {
    if (error instanceof UpstreamFailure && error.kind === 'not_found') return undefined;
    throw error;
  }
}

/** Box users by id: the enterprise's users listed a thousand at a time until all are found. */
export async function boxUsers(client: UpstreamClient, ids: readonly string[]) {
  const wanted = new Set(ids);
  const found = new Map<string, z.infer<typeof userMini>>();
  for (let page = 0; page < MAX_USER_PAGES && found.size < wanted.size; page++) {
    const body = await client.get(`/2.0/users?limit=${USERS_PAGE}&offset=${page * USERS_PAGE}`, usersPage);
    for (const user of body.entries) if (wanted.has(user.id)) found.set(user.id, user);
    if ((page + 1) * USERS_PAGE >= body.total_count) break;
  }
  return found;
}

export async function planBoxAdditions(
  client: UpstreamClient,
  userIds: readonly string[],
  groupIds: readonly string[],
  role: 'member' | 'admin' | undefined,
): Promise<PlanDraft> {
  const targets: Target[] = [];
  for (const id of new Set(groupIds)) targets.push(await boxGroup(client, id));
  const ids = [...new Set(userIds)];
  const users = await boxUsers(client, ids);
  const skipped: SkippedEntry[] = [];
  const known = ids.filter((id) => {
    if (!users.has(id)) skipped.push(skip(id, 'unknown', 'No Box user has this id'));
    return users.has(id);
  });
  const memberships = await mapBounded(known, LOOKUP_CONCURRENCY, (id) =>
    client.get(`/2.0/users/${id}/memberships?limit=1000`, membershipsPage),
  );
  const items: NewItem[] = [];
  known.forEach((id, index) => {
    const user = users.get(id);
    if (!user) return;
    const groupsOfUser = new Set((memberships[index]?.entries ?? []).map((m) => m.group.id));
    for (const target of targets) {
      if (groupsOfUser.has(target.id))
        skipped.push(skip(user.login, 'already_member', `${user.name} is already in ${target.name}`));
      else items.push(newItem({ user: boxActorOf(user), target, role: role ?? null }));
    }
  });
  const people = new Set(items.map((item) => item.user.id)).size;
  return {
    operation: {
      kind: 'box_group_memberships.create',
      source: 'bulk',
      label: `Add ${plural(people, 'user', 'users')} to ${targetsPhrase(targets, 'Box group', 'Box groups')}`,
      targets,
      params: {},
      items,
      expanding: false,
      undoOf: null,
    },
    total: items.length,
    items: items.map(planItemOf),
    skipped,
    warnings: [],
  };
}

/** Role changes and removals name memberships: each is read once for its person, group and role. */
export async function planBoxMembershipChanges(
  client: UpstreamClient,
  kind: 'box_group_memberships.update' | 'box_group_memberships.destroy',
  membershipIds: readonly string[],
  role?: 'member' | 'admin',
  permissions?: BoxConfigurablePermissions,
): Promise<PlanDraft> {
  const ids = [...new Set(membershipIds)];
  const found = await mapBounded(ids, LOOKUP_CONCURRENCY, (id) => membershipById(client, id));
  const skipped: SkippedEntry[] = [];
  const items: NewItem[] = [];
  ids.forEach((id, index) => {
    const membership = found[index];
    if (!membership) {
      skipped.push(skip(id, 'not_member', `There is no Box group membership ${id}`));
      return;
    }
    if (kind === 'box_group_memberships.update' && membership.role === role && !permissions) {
      skipped.push(
        skip(
          membership.user.login,
          'already_member',
          `${membership.user.name} is already ${role === 'admin' ? 'an admin' : 'a member'}`,
        ),
      );
      return;
    }
    items.push(
      newItem({
        user: boxActorOf(membership.user),
        target: { type: 'box_group', id: membership.group.id, name: membership.group.name },
        membershipId: membership.id,
        role: membership.role,
      }),
    );
  });
  const targets = [...new Map(items.map((item) => [item.target.id, item.target])).values()];
  const where = targetsPhrase(targets, 'Box group', 'Box groups');
  const count = new Set(items.map((item) => item.user.id)).size;
  const label =
    kind === 'box_group_memberships.destroy'
      ? `Remove ${plural(count, 'member', 'members')} from ${where}`
      : role === 'admin'
        ? `Make ${plural(count, 'member an admin', 'members admins')} of ${where}`
        : `Make ${plural(count, 'admin a member', 'admins members')} of ${where}`;
  return {
    operation: {
      kind,
      source: 'bulk',
      label,
      targets,
      params:
        kind === 'box_group_memberships.update'
          ? { role: role ?? 'member', ...(permissions && { permissions }) }
          : {},
      items,
      expanding: false,
      undoOf: null,
    },
    total: items.length,
    items: items.map(planItemOf),
    skipped,
    warnings:
      kind === 'box_group_memberships.destroy'
        ? [
            'The removed users lose access to what is shared with the group. Undo adds them back with their role.',
          ]
        : [],
  };
}
