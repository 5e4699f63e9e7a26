import { plural } from '../../contract/plural.ts';
import type { MembershipChange } from '../../contract/providers/zendesk-operations.ts';
import type { SkippedEntry, Target } from '../../contract/roster-operations.ts';
import type { NewItem } from '../store/operation-store.ts';
import { changeLabel } from './change-label.ts';
import { newItem, type PlanDraft, planItemOf, skip } from './plan-draft.ts';
import { type Membership, membershipsOfUser, warningsFor } from './plan-removals.ts';
import type { UpstreamClient } from './upstream-client.ts';
import { actorOf, mapBounded, showManyUsers, targetName, type UserBrief } from './zendesk-reads.ts';

export type MixedChangeKind = 'group_memberships.change' | 'organization_memberships.change';

const LOOKUP_CONCURRENCY = 6;

/** What one person × place is asked to become: at most one add or removal, and maybe their default. */
type Cell = { userId: number; targetId: number; add: boolean; remove: boolean; makeDefault: boolean };

function cellsOf(changes: readonly MembershipChange[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const change of changes) {
    const key = `${change.user_id}:${change.target_id}`;
    const cell = cells.get(key) ?? {
      userId: change.user_id,
      targetId: change.target_id,
      add: false,
      remove: false,
      makeDefault: false,
    };
    if (change.action === 'add') cell.add = true;
    else if (change.action === 'remove') cell.remove = true;
    else cell.makeDefault = true;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

/**
 * The review of a set of mixed changes (the grid's pending cells): each read against the person's
 * memberships today, so what runs is what is still true to change. Whatever cannot be done is
 * listed with its reason: an unknown person or place, an end user in a group, a removal that would
 * leave an agent in no group, two defaults for one person.
 */
export async function planChanges(
  client: UpstreamClient,
  kind: MixedChangeKind,
  changes: readonly MembershipChange[],
): Promise<PlanDraft> {
  const type = kind === 'group_memberships.change' ? 'group' : 'organization';
  const cells = cellsOf(changes);
  const userIds = [...new Set(cells.map((cell) => cell.userId))];
  const targetIds = [...new Set(cells.map((cell) => cell.targetId))];
  const users = new Map((await showManyUsers(client, userIds)).map((user) => [user.id, user]));
  const names = await mapBounded(targetIds, LOOKUP_CONCURRENCY, (id) => targetName(client, type, id));
  const targets = new Map<number, Target>();
  targetIds.forEach((id, index) => {
    const name = names[index];
    if (name !== undefined) targets.set(id, { type, id: String(id), name });
  });
  const known = userIds.filter((id) => users.has(id));
  const memberships = await mapBounded(known, LOOKUP_CONCURRENCY, (id) =>
    membershipsOfUser(client, type, id),
  );
  const membershipsOf = new Map(known.map((id, index) => [id, memberships[index] ?? []]));

  const skipped: SkippedEntry[] = [];
  const adds: NewItem[] = [];
  const removals: NewItem[] = [];
  const defaults: NewItem[] = [];
  const cellsOfUser = new Map<number, Cell[]>();
  for (const cell of cells) cellsOfUser.set(cell.userId, [...(cellsOfUser.get(cell.userId) ?? []), cell]);
  for (const userId of userIds) {
    const user = users.get(userId);
    const mine = cellsOfUser.get(userId) ?? [];
    if (!user) {
      skipped.push(skip(String(userId), 'unknown', `No user has the id ${userId}`));
      continue;
    }
    planPerson(type, user, mine, membershipsOf.get(userId) ?? [], targets, skipped, {
      adds,
      removals,
      defaults,
    });
  }
  return { ...mixedChangeDraft(kind, adds, removals, defaults), skipped };
}

/**
 * A mixed-change operation of these adds, removals and default changes, with its label and the
 * warnings its review shows: the grid's review and an import's both end here.
 */
export function mixedChangeDraft(
  kind: MixedChangeKind,
  adds: readonly NewItem[],
  removals: readonly NewItem[],
  defaults: readonly NewItem[],
): PlanDraft {
  const type = kind === 'group_memberships.change' ? 'group' : 'organization';
  const items = [...adds, ...removals, ...defaults];
  const touched = [...new Map(items.map((item) => [item.target.id, item.target])).values()];
  const noun = type === 'group' ? 'group' : 'organization';
  const lostDefaults = removals.filter((item) => item.wasDefault).length;
  const newDefaults = defaults.length + adds.filter((item) => item.restoreDefault).length;
  return {
    operation: {
      kind,
      source: 'bulk',
      label: changeLabel(
        { add: adds.length, remove: removals.length, makeDefault: defaults.length },
        touched,
        noun,
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
    warnings: [
      ...warningsFor(
        type === 'group' ? 'group_memberships.destroy' : 'organization_memberships.destroy',
        [...new Map(removals.map((item) => [item.target.id, item.target])).values()],
        lostDefaults,
        removals.length,
      ),
      ...(newDefaults > 0
        ? [`${plural(newDefaults, 'person gets', 'people get')} a new default ${noun}.`]
        : []),
    ],
  };
}

function planPerson(
  type: 'group' | 'organization',
  user: UserBrief,
  cells: readonly Cell[],
  memberships: readonly Membership[],
  targets: ReadonlyMap<number, Target>,
  skipped: SkippedEntry[],
  out: { adds: NewItem[]; removals: NewItem[]; defaults: NewItem[] },
): void {
  const person = actorOf(user);
  const entry = user.email ?? String(user.id);
  const current = new Map(memberships.map((m) => [m.target_id, m]));
  const previousDefault = memberships.find((m) => m.default);
  const removals: NewItem[] = [];
  let defaultChosen = false;
  for (const cell of cells) {
    const target = targets.get(cell.targetId);
    if (!target) {
      skipped.push(skip(entry, 'unknown', `There is no ${type} ${cell.targetId}`));
      continue;
    }
    const where = `${user.name} – ${target.name}`;
    if (cell.remove && (cell.add || cell.makeDefault)) {
      skipped.push(
        skip(where, 'invalid', `${user.name} cannot be both removed from ${target.name} and kept in it`),
      );
      continue;
    }
    if (type === 'group' && user.role === 'end-user' && !cell.remove) {
      skipped.push(
        skip(where, 'refused', `${user.name} is an end user; only agents and admins can be in groups`),
      );
      continue;
    }
    let makeDefault = cell.makeDefault;
    if (makeDefault && defaultChosen) {
      skipped.push(skip(where, 'duplicate', `Two defaults for ${user.name}: only the first is made default`));
      makeDefault = false;
    }
    const existing = current.get(cell.targetId);
    const fields = {
      user: person,
      target,
      previousDefaultId: previousDefault ? String(previousDefault.id) : null,
    };
    if (cell.add) {
      if (existing) skipped.push(skip(where, 'already_member', `${user.name} is already in ${target.name}`));
      else out.adds.push(newItem({ ...fields, action: 'add', restoreDefault: makeDefault }));
      if (existing && makeDefault && !existing.default)
        out.defaults.push(newItem({ ...fields, action: 'make_default', membershipId: String(existing.id) }));
      defaultChosen ||= makeDefault;
      continue;
    }
    if (cell.remove) {
      if (!existing) skipped.push(skip(where, 'not_member', `${user.name} is not in ${target.name}`));
      else
        removals.push(
          newItem({
            user: person,
            target,
            action: 'remove',
            membershipId: String(existing.id),
            wasDefault: existing.default,
            viewTickets: existing.view_tickets,
          }),
        );
      continue;
    }
    if (!existing)
      skipped.push(
        skip(where, 'not_member', `${user.name} is not in ${target.name}, so it cannot be their default`),
      );
    else if (existing.default)
      skipped.push(skip(where, 'already_member', `${target.name} is already ${user.name}'s default`));
    else if (makeDefault)
      out.defaults.push(newItem({ ...fields, action: 'make_default', membershipId: String(existing.id) }));
    defaultChosen ||= makeDefault;
  }
  const adding = out.adds.filter((item) => item.user.id === person.id).length;
  if (
    type === 'group' &&
    user.role !== 'end-user' &&
    removals.length > 0 &&
    memberships.length - removals.length + adding === 0
  ) {
    skipped.push(
      skip(entry, 'refused', `${user.name} would be left in no group; Zendesk requires agents to keep one`),
    );
    return;
  }
  out.removals.push(...removals);
}
