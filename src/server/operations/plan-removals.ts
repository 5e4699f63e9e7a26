import { z } from 'zod/mini';
import { cursorPageSchema } from '../../contract/pagination.ts';
import { plural } from '../../contract/plural.ts';
import type { RemovalInput } from '../../contract/providers/zendesk-operations.ts';
import type { SkippedEntry, Target } from '../../contract/roster-operations.ts';
import type { NewItem } from '../store/operation-store.ts';
import {
  newItem,
  OperationInputError,
  type PlanDraft,
  planItemOf,
  skip,
  targetsPhrase,
} from './plan-draft.ts';
import { type UpstreamClient, UpstreamFailure } from './upstream-client.ts';
import {
  actorOf,
  cursorQuery,
  groupMemberPageSchema,
  groupMembershipBriefSchema,
  mapBounded,
  memberCount,
  organizationMemberPageSchema,
  organizationMembershipBriefSchema,
  showManyUsers,
  targetName,
  type UserBrief,
} from './zendesk-reads.ts';

type Kind = 'group_memberships.destroy' | 'organization_memberships.destroy';
export type Membership = {
  id: number;
  user_id: number;
  target_id: number;
  default: boolean;
  view_tickets: boolean | null;
};

const LOOKUP_CONCURRENCY = 6;

const oneGroupMembership = z.looseObject({ group_membership: groupMembershipBriefSchema });
const oneOrganizationMembership = z.looseObject({
  organization_membership: organizationMembershipBriefSchema,
});
const groupMembershipsPage = z.extend(cursorPageSchema, {
  group_memberships: z.array(groupMembershipBriefSchema),
});
const organizationMembershipsPage = z.extend(cursorPageSchema, {
  organization_memberships: z.array(organizationMembershipBriefSchema),
});

async function membershipById(
  client: UpstreamClient,
  kind: Kind,
  id: number,
): Promise<Membership | undefined> {
  try {
    if (kind === 'group_memberships.destroy') {
      const m = (await client.get(`/group_memberships/${id}`, oneGroupMembership)).group_membership;
      return { id: m.id, user_id: m.user_id, target_id: m.group_id, default: m.default, view_tickets: null };
    }
    const m = (await client.get(`/organization_memberships/${id}`, oneOrganizationMembership))
      .organization_membership;
    return {
      id: m.id,
      user_id: m.user_id,
      target_id: m.organization_id,
      default: m.default === true,
      view_tickets: m.view_tickets,
    };
  } catch (error) {
    if (error instanceof UpstreamFailure && error.kind === 'not_found') return undefined;
    throw error;
  }
}

/** A person's memberships (Zendesk's first page of 100: more than any agent holds groups). */
export async function membershipsOfUser(
  client: UpstreamClient,
  type: 'group' | 'organization',
  userId: number,
): Promise<Membership[]> {
  if (type === 'group') {
    const body = await client.get(
      `/users/${userId}/group_memberships?${cursorQuery(undefined)}`,
      groupMembershipsPage,
    );
    return body.group_memberships.map((m) => ({
      id: m.id,
      user_id: m.user_id,
      target_id: m.group_id,
      default: m.default,
      view_tickets: null,
    }));
  }
  const body = await client.get(
    `/users/${userId}/organization_memberships?${cursorQuery(undefined)}`,
    organizationMembershipsPage,
  );
  return body.organization_memberships.map((m) => ({
    id: m.id,
    user_id: m.user_id,
    target_id: m.organization_id,
    default: m.default === true,
    view_tickets: m.view_tickets,
  }));
}

export function warningsFor(
  kind: Kind,
  targets: readonly Target[],
  defaults: number,
  total: number,
): string[] {
  if (total === 0) return [];
  const where = targetsPhrase(targets, 'the group', 'groups');
  const warnings =
    kind === 'group_memberships.destroy'
      ? [
          `Zendesk unassigns the removed agents' open tickets in ${where}; those tickets will need a new assignee. Undo adds the memberships back but does not reassign the tickets.`,
        ]
      : [
          `The removed users' tickets stop belonging to ${targetsPhrase(targets, 'the organization', 'organizations')}. Undo adds the memberships back but does not move the tickets back.`,
        ];
  if (defaults > 0) {
    warnings.push(
      `${plural(defaults, 'person loses', 'people lose')} their default ${
        kind === 'group_memberships.destroy' ? 'group' : 'organization'
      }; Zendesk makes another of their memberships the default.`,
    );
  }
  if (defaults === 0) {
    warnings.push(
      `None of them has this as their default ${kind === 'group_memberships.destroy' ? 'group' : 'organization'}.`,
    );
  }
  return warnings;
}

function itemOf(membership: Membership, user: UserBrief | undefined, target: Target): NewItem {
  return newItem({
    user: actorOf(
      user ?? { id: membership.user_id, name: `User ${membership.user_id}`, email: null, role: 'end-user' },
    ),
    target,
    membershipId: String(membership.id),
    wasDefault: membership.default,
    viewTickets: membership.view_tickets,
  });
}

/** The review of a removal: who loses which membership, whose default changes, and the ticket warning. */
export async function planRemovals(
  client: UpstreamClient,
  kind: Kind,
  input: RemovalInput,
): Promise<PlanDraft> {
  const type = kind === 'group_memberships.destroy' ? 'group' : 'organization';
  const noun = type === 'group' ? 'group' : 'organization';
  const skipped: SkippedEntry[] = [];
  const targetCache = new Map<number, Target | undefined>();
  async function targetOf(id: number): Promise<Target | undefined> {
    if (!targetCache.has(id)) {
      const name = await targetName(client, type, id);
      targetCache.set(id, name === undefined ? undefined : { type, id: String(id), name });
    }
    return targetCache.get(id);
  }

  if (input.from === 'list') {
    const target = await targetOf(input.list_id);
    if (!target) throw new OperationInputError(404, 'RecordNotFound', `There is no ${noun} ${input.list_id}`);
    const except = [...new Set(input.except ?? [])].map(String);
    const count = await memberCount(client, type, input.list_id);
    const query = cursorQuery(undefined, { include: 'users' });
    let memberships: Membership[];
    let firstUsers: UserBrief[];
    if (type === 'group') {
      const first = await client.get(`/groups/${input.list_id}/memberships?${query}`, groupMemberPageSchema);
      firstUsers = first.users;
      memberships = first.group_memberships.map((m) => ({
        id: m.id,
        user_id: m.user_id,
        target_id: m.group_id,
        default: m.default,
        view_tickets: null,
      }));
    } else {
      const first = await client.get(
        `/organizations/${input.list_id}/organization_memberships?${query}`,
        organizationMemberPageSchema,
      );
      firstUsers = first.users;
      memberships = first.organization_memberships.map((m) => ({
        id: m.id,
        user_id: m.user_id,
        target_id: m.organization_id,
        default: m.default === true,
        view_tickets: m.view_tickets,
      }));
    }
    const users = new Map(firstUsers.map((user) => [user.id, user]));
    const sample = memberships
      .filter((m) => !except.includes(String(m.id)))
      .map((m) => itemOf(m, users.get(m.user_id), target));
    const total = Math.max(0, count - except.length);
    const label = `Remove ${plural(total, 'member', 'members')} from ${target.name}`;
    return {
      operation: {
        kind,
        source: 'bulk',
        label,
        targets: [target],
        params: { selector: { listType: type, listId: String(input.list_id), except } },
        items: [],
        expanding: true,
        undoOf: null,
      },
      total,
      items: sample.map(planItemOf),
      skipped,
      warnings: warningsFor(kind, [target], sample.filter((item) => item.wasDefault).length, total),
    };
  }

  const items: NewItem[] = [];
  if (input.from === 'ids') {
    const ids = [...new Set(input.ids)];
    const found = await mapBounded(ids, LOOKUP_CONCURRENCY, (id) => membershipById(client, kind, id));
    const memberships = found.filter((m): m is Membership => m !== undefined);
    ids.forEach((id, index) => {
      if (!found[index])
        skipped.push(
          skip(
            String(id),
            'not_member',
            `There is no ${noun} membership ${id}; it may have been removed already`,
          ),
        );
    });
    const users = new Map(
      (await showManyUsers(client, [...new Set(memberships.map((m) => m.user_id))])).map((u) => [u.id, u]),
    );
    for (const membership of memberships) {
      const target = await targetOf(membership.target_id);
      if (target) items.push(itemOf(membership, users.get(membership.user_id), target));
    }
  } else {
    const targetIds = [...new Set(input.target_ids)];
    const targets: Target[] = [];
    for (const id of targetIds) {
      const target = await targetOf(id);
      if (!target) throw new OperationInputError(404, 'RecordNotFound', `There is no ${noun} ${id}`);
      targets.push(target);
    }
    const userIds = [...new Set(input.user_ids)];
    const users = new Map((await showManyUsers(client, userIds)).map((u) => [u.id, u]));
    const known = userIds.filter((id) => {
      if (!users.has(id)) skipped.push(skip(String(id), 'unknown', 'No user has this id'));
      return users.has(id);
    });
    const ofUser = await mapBounded(known, LOOKUP_CONCURRENCY, (id) => membershipsOfUser(client, type, id));
    known.forEach((userId, index) => {
      const user = users.get(userId);
      const memberships = ofUser[index] ?? [];
      const removed = memberships.filter((m) => targetIds.includes(m.target_id));
      if (
        type === 'group' &&
        removed.length > 0 &&
        removed.length === memberships.length &&
        user?.role !== 'end-user'
      ) {
        skipped.push(
          skip(
            user?.email ?? String(userId),
            'refused',
            `${user?.name ?? `User ${userId}`} would be left in no group; Zendesk requires agents to keep one`,
          ),
        );
        return;
      }
      for (const target of targets) {
        const membership = removed.find((m) => String(m.target_id) === target.id);
        if (membership) items.push(itemOf(membership, user, target));
        else
          skipped.push(
            skip(
              user?.email ?? String(userId),
              'not_member',
              `${user?.name ?? userId} is not in ${target.name}`,
            ),
          );
      }
    });
  }
  const named = [...new Map(items.map((item) => [item.target.id, item.target])).values()];
  // Nothing to remove still names where it would have been removed from.
  const targets =
    named.length > 0 ? named : [...targetCache.values()].filter((t): t is Target => t !== undefined);
  const people = new Set(items.map((item) => item.user.id)).size;
  const label =
    targets.length === 1
      ? `Remove ${plural(people, 'member', 'members')} from ${targets[0]?.name}`
      : `Remove ${plural(items.length, 'membership', 'memberships')} from ${targetsPhrase(targets, noun, `${noun}s`)}`;
  return {
    operation: { kind, source: 'bulk', label, targets, params: {}, items, expanding: false, undoOf: null },
    total: items.length,
    items: items.map(planItemOf),
    skipped,
    warnings: warningsFor(kind, targets, items.filter((item) => item.wasDefault).length, items.length),
  };
}
