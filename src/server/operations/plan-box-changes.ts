import type { BoxMembershipChange } from '../../contract/providers/box-operations.ts';
import type { SkippedEntry, Target } from '../../contract/roster-operations.ts';
import type { NewItem } from '../store/operation-store.ts';
import { changeLabel } from './change-label.ts';
import { type BoxMembership, boxActorOf, boxGroup, boxUsers, membershipsPage } from './plan-box.ts';
import { newItem, OperationInputError, type PlanDraft, planItemOf, skip } from './plan-draft.ts';
import type { UpstreamClient } from './upstream-client.ts';
import { mapBounded } from './zendesk-reads.ts';

const LOOKUP_CONCURRENCY = 6;

const roleWord = (role: string) => (role === 'admin' ? 'an admin' : 'a member');

/**
 * The review of mixed Box changes (the Box grid): adds, removals and member ↔ admin, each read
 * against the person's Box memberships today.
 */
export async function planBoxChanges(
  client: UpstreamClient,
  changes: readonly BoxMembershipChange[],
): Promise<PlanDraft> {
  const groupIds = [...new Set(changes.map((change) => change.box_group_id))];
  const groups = new Map<string, Target>();
  const skipped: SkippedEntry[] = [];
  for (const id of groupIds) {
    try {
      groups.set(id, await boxGroup(client, id));
    } catch (error) {
      if (!(error instanceof OperationInputError)) throw error;
    }
  }
  const userIds = [...new Set(changes.map((change) => change.box_user_id))];
  const users = await boxUsers(client, userIds);
  const known = userIds.filter((id) => users.has(id));
  const pages = await mapBounded(known, LOOKUP_CONCURRENCY, (id) =>
    client.get(`/2.0/users/${id}/memberships?limit=1000`, membershipsPage),
  );
  const membershipOf = new Map<string, BoxMembership>();
  known.forEach((userId, index) => {
    for (const m of pages[index]?.entries ?? []) membershipOf.set(`${userId}:${m.group.id}`, m);
  });
  const seen = new Set<string>();
  const items: NewItem[] = [];
  for (const change of changes) {
    const user = users.get(change.box_user_id);
    const target = groups.get(change.box_group_id);
    if (!user) {
      skipped.push(skip(change.box_user_id, 'unknown', `No Box user has the id ${change.box_user_id}`));
      continue;
    }
    if (!target) {
      skipped.push(skip(user.login, 'unknown', `There is no Box group ${change.box_group_id}`));
      continue;
    }
    const where = `${user.name} – ${target.name}`;
    const key = `${user.id}:${target.id}`;
    if (seen.has(key)) {
      skipped.push(skip(where, 'duplicate', `More than one change asked for ${user.name} in ${target.name}`));
      continue;
    }
    seen.add(key);
    const existing = membershipOf.get(key);
    const fields = { user: boxActorOf(user), target };
    if (change.action === 'add') {
      if (existing) skipped.push(skip(where, 'already_member', `${user.name} is already in ${target.name}`));
      else items.push(newItem({ ...fields, action: 'add', role: change.role ?? 'member' }));
    } else if (!existing) {
      skipped.push(skip(where, 'not_member', `${user.name} is not in ${target.name}`));
    } else if (change.action === 'remove') {
      items.push(newItem({ ...fields, action: 'remove', membershipId: existing.id, role: existing.role }));
    } else if (change.role === undefined) {
      skipped.push(skip(where, 'invalid', 'A role change names the role: member or admin'));
    } else if (existing.role === change.role) {
      skipped.push(
        skip(where, 'already_member', `${user.name} is already ${roleWord(change.role)} of ${target.name}`),
      );
    } else {
      items.push(newItem({ ...fields, action: 'set_role', membershipId: existing.id, role: change.role }));
    }
  }
  return { ...boxChangeDraft(items), skipped };
}

/** A mixed Box change of these items, with its label and warnings: the Box grid's review and a Box import's both end here. */
export function boxChangeDraft(items: NewItem[]): PlanDraft {
  const count = (action: string) => items.filter((item) => item.action === action).length;
  const touched = [...new Map(items.map((item) => [item.target.id, item.target])).values()];
  return {
    operation: {
      kind: 'box_group_memberships.change',
      source: 'bulk',
      label: changeLabel(
        { add: count('add'), remove: count('remove'), makeDefault: 0, setRole: count('set_role') },
        touched,
        'Box group',
      ),
      targets: touched,
      params: {},
      items,
      expanding: false,
      undoOf: null,
    },
    total: items.length,
    items: items.map(planItemOf),
    skipped: [],
    warnings:
      count('remove') > 0
        ? [
            'The removed users lose access to what is shared with the group. Undo adds them back with their role.',
          ]
        : [],
  };
}
