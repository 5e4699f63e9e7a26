import { membershipsOfUser } from '../operations/plan-removals.ts';
import type { UpstreamClient } from '../operations/upstream-client.ts';
import { mapBounded, type UserBrief } from '../operations/zendesk-reads.ts';
import {
  accountMembershipTotal,
  type FullMembership,
  type MembershipScope,
  targetMemberTotal,
  walkMemberships,
  type ZendeskTargetType,
} from './zendesk-membership-lists.ts';

const LOOKUP_CONCURRENCY = 6;
/** Above this many named groups, counting each one's members costs more than it can save. */
const COUNT_TARGETS_UP_TO = 30;

/** Today's memberships that an import is compared with, read once. */
export type MembershipsToday = {
  /** `userId:targetId` → membership, for every person and named place the read covered. */
  byPair: Map<string, FullMembership>;
  /** Each named place's members (for "exactly this" removals). */
  ofTarget: Map<number, FullMembership[]>;
  /** Everyone the read met, with their names (those to be removed are not in the file). */
  people: Map<number, UserBrief>;
  /** People whose every membership was read (not only those in named places). */
  complete: Set<number>;
  /** Each person's memberships the read met. */
  ofUser: Map<number, FullMembership[]>;
  /** Requests a walk of the account's whole membership list takes (0 when not counted). */
  accountPages: number;
};

function emptyToday(): MembershipsToday {
  return {
    byPair: new Map(),
    ofTarget: new Map(),
    people: new Map(),
    complete: new Set(),
    ofUser: new Map(),
    accountPages: 0,
  };
}

function remember(today: MembershipsToday, m: FullMembership, namedTargets: ReadonlySet<number>) {
  today.byPair.set(`${m.user_id}:${m.target_id}`, m);
  today.ofUser.set(m.user_id, [...(today.ofUser.get(m.user_id) ?? []), m]);
  if (namedTargets.has(m.target_id)) today.ofTarget.get(m.target_id)?.push(m);
}

/**
 * Reads what is true today for the people and places an import names, in the fewest upstream
 * requests: the account's whole membership list, each named place's members, or (when nothing is
 * to be removed) each person's own memberships — whichever costs fewer pages.
 */
export async function membershipsToday(
  client: UpstreamClient,
  type: ZendeskTargetType,
  targetIds: readonly number[],
  people: readonly UserBrief[],
  needsMembers: boolean,
): Promise<MembershipsToday> {
  const today = emptyToday();
  const named = new Set(targetIds);
  for (const id of targetIds) today.ofTarget.set(id, []);
  for (const person of people) today.people.set(person.id, person);
  if (targetIds.length === 0 || (people.length === 0 && !needsMembers)) return today;
  const accountPages = Math.ceil((await accountMembershipTotal(client, type)) / 100);
  today.accountPages = accountPages;
  let targetPages = Number.POSITIVE_INFINITY;
  if (targetIds.length <= COUNT_TARGETS_UP_TO) {
    const totals = await mapBounded(targetIds, LOOKUP_CONCURRENCY, (id) =>
      targetMemberTotal(client, type, id),
    );
    targetPages = totals.reduce((sum, total) => sum + Math.max(1, Math.ceil(total / 100)), 0);
  }
  const personPages = needsMembers ? Number.POSITIVE_INFINITY : people.length;
  if (personPages < accountPages && personPages < targetPages) {
    await readEachPerson(client, type, people, today, named);
    return today;
  }
  const scope: MembershipScope =
    accountPages <= targetPages ? { of: 'account' } : { of: 'targets', ids: targetIds };
  for await (const page of walkMemberships(client, type, scope)) {
    for (const [id, user] of page.users) today.people.set(id, user);
    for (const m of page.memberships) remember(today, m, named);
  }
  if (scope.of === 'account') for (const person of today.people.keys()) today.complete.add(person);
  return today;
}

async function readEachPerson(
  client: UpstreamClient,
  type: ZendeskTargetType,
  people: readonly UserBrief[],
  today: MembershipsToday,
  named: ReadonlySet<number>,
) {
  const lists = await mapBounded(people, LOOKUP_CONCURRENCY, (person) =>
    membershipsOfUser(client, type, person.id),
  );
  people.forEach((person, index) => {
    today.complete.add(person.id);
    for (const m of lists[index] ?? []) remember(today, { ...m, created_at: '' }, named);
  });
}

/** Completes the memberships of a few people the walk saw only in named places (their default may be elsewhere). */
export async function completePeople(
  client: UpstreamClient,
  type: ZendeskTargetType,
  userIds: readonly number[],
  today: MembershipsToday,
): Promise<void> {
  const missing = userIds.filter((id) => !today.complete.has(id));
  if (missing.length === 0) return;
  // The account's whole list once costs fewer requests than each person's own.
  if (missing.length > today.accountPages && today.accountPages > 0) {
    await completeFromAccount(client, type, today);
    return;
  }
  const lists = await mapBounded(missing, LOOKUP_CONCURRENCY, (id) => membershipsOfUser(client, type, id));
  missing.forEach((id, index) => {
    today.complete.add(id);
    const known = new Set((today.ofUser.get(id) ?? []).map((m) => m.id));
    for (const m of lists[index] ?? []) {
      if (known.has(m.id)) continue;
      const full = { ...m, created_at: '' };
      today.byPair.set(`${m.user_id}:${m.target_id}`, full);
      today.ofUser.set(id, [...(today.ofUser.get(id) ?? []), full]);
    }
  });
}

async function completeFromAccount(client: UpstreamClient, type: ZendeskTargetType, today: MembershipsToday) {
  const known = new Set([...today.byPair.values()].map((m) => m.id));
  for await (const page of walkMemberships(client, type, { of: 'account' })) {
    for (const [id, user] of page.users) if (!today.people.has(id)) today.people.set(id, user);
    for (const m of page.memberships) {
      if (known.has(m.id)) continue;
      today.byPair.set(`${m.user_id}:${m.target_id}`, m);
      today.ofUser.set(m.user_id, [...(today.ofUser.get(m.user_id) ?? []), m]);
    }
  }
  for (const id of today.people.keys()) today.complete.add(id);
}
