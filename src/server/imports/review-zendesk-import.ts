import type { BadRow, ImportMode } from '../../contract/membership-csv.ts';
import { MAX_CHANGES } from '../../contract/operation-limits.ts';
import { plural } from '../../contract/plural.ts';
import type { Target } from '../../contract/roster-operations.ts';
import { findByEmail } from '../operations/plan-additions.ts';
import { type MixedChangeKind, mixedChangeDraft } from '../operations/plan-changes.ts';
import { newItem, OperationInputError, type PlanDraft, skip } from '../operations/plan-draft.ts';
import type { UpstreamClient } from '../operations/upstream-client.ts';
import { actorOf, showManyUsers, type UserBrief } from '../operations/zendesk-reads.ts';
import type { NewItem } from '../store/operation-store.ts';
import type { ImportRow, TargetRef } from './read-import-file.ts';
import { listTargets, type ZendeskTargetType } from './zendesk-membership-lists.ts';
import { completePeople, type MembershipsToday, membershipsToday } from './zendesk-memberships-today.ts';

/** For a group import, up to this many emails no agent has are searched to tell end users from no one. */
const SEARCH_NOT_AGENTS_UP_TO = 200;

export type ImportDifference = {
  draft: PlanDraft;
  bad: BadRow[];
  already: number;
};

/** A row whose person and place are known. */
type UsableRow = ImportRow & { user: UserBrief; targetId: number };

function resolveTarget(
  ref: TargetRef,
  targets: ReadonlyMap<number, string>,
  byName: ReadonlyMap<string, number>,
) {
  if ('id' in ref) return targets.has(Number(ref.id)) ? Number(ref.id) : undefined;
  const byItsName = byName.get(ref.name.toLowerCase());
  if (byItsName !== undefined) return byItsName;
  return /^\d+$/.test(ref.name) && targets.has(Number(ref.name)) ? Number(ref.name) : undefined;
}

async function resolvePeople(client: UpstreamClient, type: ZendeskTargetType, rows: readonly ImportRow[]) {
  const ids = [...new Set(rows.flatMap((row) => ('id' in row.person ? [Number(row.person.id)] : [])))];
  const emails = [...new Set(rows.flatMap((row) => ('email' in row.person ? [row.person.email] : [])))];
  const byId = new Map((await showManyUsers(client, ids)).map((user) => [user.id, user]));
  const { found, notAgents } = await findByEmail(client, emails, type === 'group', SEARCH_NOT_AGENTS_UP_TO);
  return { byId, byEmail: found, notAgents: new Set(notAgents) };
}

/**
 * The difference between an import file and today, as the mixed-change operation that applies it:
 * every row checked (person, place, end users in groups, duplicates, two defaults), today's
 * memberships read once, and the plan's items built from that same read.
 */
export async function reviewZendeskImport(
  client: UpstreamClient,
  type: ZendeskTargetType,
  mode: ImportMode,
  rows: readonly ImportRow[],
): Promise<ImportDifference> {
  const noun = type === 'group' ? 'group' : 'organization';
  const targets = await listTargets(client, type);
  const byName = new Map<string, number>();
  for (const [id, name] of targets) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), id);
  const people = await resolvePeople(client, type, rows);
  const bad: BadRow[] = [];
  const usable: UsableRow[] = [];
  const firstLineOf = new Map<string, number>();
  const defaultLineOf = new Map<number, number>();
  for (const row of rows) {
    const badRow = (reason: BadRow['reason'], description: string) =>
      bad.push({ line: row.line, text: row.text, reason, description });
    const targetId = resolveTarget(row.target, targets, byName);
    const user =
      'id' in row.person ? people.byId.get(Number(row.person.id)) : people.byEmail.get(row.person.email);
    if (!user) {
      const who = 'id' in row.person ? `the id ${row.person.id}` : `the email ${row.person.email}`;
      if ('email' in row.person && people.notAgents.has(row.person.email))
        badRow('unknown_person', `No agent or admin has ${who} (an end user cannot be in a group)`);
      else badRow('unknown_person', `No user has ${who}`);
      continue;
    }
    if (targetId === undefined) {
      const what = 'id' in row.target ? `the id ${row.target.id}` : `the name "${row.target.name}"`;
      badRow('unknown_target', `No ${noun} has ${what}`);
      continue;
    }
    if (type === 'group' && user.role === 'end-user') {
      badRow('end_user_in_group', `${user.name} is an end user; only agents and admins can be in groups`);
      continue;
    }
    const key = `${user.id}:${targetId}`;
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      badRow('duplicate_row', `${user.name} in ${targets.get(targetId)} is on line ${earlier} already`);
      continue;
    }
    firstLineOf.set(key, row.line);
    let makeDefault = row.makeDefault;
    const otherDefault = defaultLineOf.get(user.id);
    if (makeDefault === true && otherDefault !== undefined) {
      badRow(
        'two_defaults',
        `Line ${otherDefault} already makes another ${noun} ${user.name}'s default; this line's membership is kept, its default is not`,
      );
      makeDefault = undefined;
    } else if (makeDefault === true) defaultLineOf.set(user.id, row.line);
    usable.push({ ...row, makeDefault, user, targetId });
  }
  const namedTargets = [...new Set(usable.map((row) => row.targetId))];
  const filePeople = [...new Map(usable.map((row) => [row.user.id, row.user])).values()];
  const today = await membershipsToday(client, type, namedTargets, filePeople, mode === 'exactly');
  const difference = await differenceOf(client, type, mode, usable, namedTargets, targets, today);
  return { ...difference, bad };
}

async function differenceOf(
  client: UpstreamClient,
  type: ZendeskTargetType,
  mode: ImportMode,
  rows: readonly UsableRow[],
  namedTargets: readonly number[],
  targets: ReadonlyMap<number, string>,
  today: MembershipsToday,
): Promise<Omit<ImportDifference, 'bad'>> {
  const targetOf = (id: number): Target => ({ type, id: String(id), name: targets.get(id) ?? String(id) });
  const listed = new Set(rows.map((row) => `${row.user.id}:${row.targetId}`));
  const removalsFound =
    mode === 'exactly'
      ? namedTargets.flatMap((id) =>
          (today.ofTarget.get(id) ?? []).filter((m) => !listed.has(`${m.user_id}:${id}`)),
        )
      : [];
  // Someone whose default may change, or who may be left in no group, needs all their memberships read.
  const defaultsAsked = rows.filter(
    (row) => row.makeDefault === true && !today.byPair.get(`${row.user.id}:${row.targetId}`)?.default,
  );
  const leftCount = new Map<number, number>();
  for (const m of removalsFound) leftCount.set(m.user_id, (leftCount.get(m.user_id) ?? 0) - 1);
  for (const row of rows) {
    if (!today.byPair.has(`${row.user.id}:${row.targetId}`))
      leftCount.set(row.user.id, (leftCount.get(row.user.id) ?? 0) + 1);
  }
  // Only an agent the file takes out of every group read so far may be left in none.
  const atRisk = [...new Set(removalsFound.map((m) => m.user_id))].filter(
    (id) => (today.ofUser.get(id)?.length ?? 0) + (leftCount.get(id) ?? 0) <= 0,
  );
  await completePeople(
    client,
    type,
    [...new Set([...defaultsAsked.map((row) => row.user.id), ...(type === 'group' ? atRisk : [])])],
    today,
  );
  const previousDefaultOf = (userId: number) => {
    const found = (today.ofUser.get(userId) ?? []).find((m) => m.default);
    return found ? String(found.id) : null;
  };
  const adds: NewItem[] = [];
  const defaults: NewItem[] = [];
  let already = 0;
  for (const row of rows) {
    const existing = today.byPair.get(`${row.user.id}:${row.targetId}`);
    const fields = {
      user: actorOf(row.user),
      target: targetOf(row.targetId),
      previousDefaultId: previousDefaultOf(row.user.id),
    };
    if (!existing) adds.push(newItem({ ...fields, action: 'add', restoreDefault: row.makeDefault === true }));
    else if (row.makeDefault === true && !existing.default)
      defaults.push(newItem({ ...fields, action: 'make_default', membershipId: String(existing.id) }));
    else already++;
  }
  const addsOf = new Map<number, number>();
  for (const item of adds) addsOf.set(Number(item.user.id), (addsOf.get(Number(item.user.id)) ?? 0) + 1);
  const removalsOf = new Map<number, number>();
  for (const m of removalsFound) removalsOf.set(m.user_id, (removalsOf.get(m.user_id) ?? 0) + 1);
  const skipped = [];
  const removals: NewItem[] = [];
  for (const m of removalsFound) {
    const user = today.people.get(m.user_id);
    const person = user ? actorOf(user) : { id: String(m.user_id), name: `User ${m.user_id}`, email: null };
    const remaining =
      (today.ofUser.get(m.user_id)?.length ?? 0) -
      (removalsOf.get(m.user_id) ?? 0) +
      (addsOf.get(m.user_id) ?? 0);
    if (type === 'group' && user?.role !== 'end-user' && remaining <= 0) {
      skipped.push(
        skip(
          `${person.name} – ${targets.get(m.target_id)}`,
          'refused',
          `${person.name} would be left in no group; Zendesk requires agents to keep one`,
        ),
      );
      continue;
    }
    removals.push(
      newItem({
        user: person,
        target: targetOf(m.target_id),
        action: 'remove',
        membershipId: String(m.id),
        wasDefault: m.default,
        viewTickets: m.view_tickets,
      }),
    );
  }
  const changes = adds.length + removals.length + defaults.length;
  if (changes > MAX_CHANGES) {
    throw new OperationInputError(
      422,
      'TooManyChanges',
      `This file makes ${plural(changes, 'change', 'changes')}; one import applies at most ${MAX_CHANGES.toLocaleString('en-US')}: split it (by ${type === 'group' ? 'group' : 'organization'}, for example) and import the parts one after another`,
    );
  }
  const kind: MixedChangeKind =
    type === 'group' ? 'group_memberships.change' : 'organization_memberships.change';
  const draft = mixedChangeDraft(kind, adds, removals, defaults);
  return { draft: { ...draft, skipped }, already };
}
