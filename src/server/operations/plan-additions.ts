import { z } from 'zod/mini';
import { MAX_PASTED_ENTRIES } from '../../contract/operation-limits.ts';
import { cursorPageSchema } from '../../contract/pagination.ts';
import { parsePastedPeople } from '../../contract/pasted-people.ts';
import { plural } from '../../contract/plural.ts';
import type { PeopleInput } from '../../contract/providers/zendesk-operations.ts';
import type { SkippedEntry, Target } from '../../contract/roster-operations.ts';
import {
  newItem,
  OperationInputError,
  type PlanDraft,
  planItemOf,
  skip,
  targetsPhrase,
} from './plan-draft.ts';
import type { UpstreamClient } from './upstream-client.ts';
import {
  actorOf,
  cursorQuery,
  groupMembershipBriefSchema,
  mapBounded,
  nextCursorOf,
  organizationMembershipBriefSchema,
  showManyUsers,
  targetName,
  type UserBrief,
  userBriefSchema,
  userPageSchema,
} from './zendesk-reads.ts';

type Kind = 'group_memberships.create' | 'organization_memberships.create';

/** Up to this many emails are looked up one search each; more, and the account's people are listed once. */
const SEARCH_EACH_UP_TO = 20;
/** Listing the account's people stops after this many pages (a large account); the rest are searched. */
const MAX_LISTING_PAGES = 100;
const LOOKUP_CONCURRENCY = 4;

const searchSchema = z.looseObject({ users: z.array(userBriefSchema) });
const groupMembershipsPage = z.extend(cursorPageSchema, {
  group_memberships: z.array(groupMembershipBriefSchema),
});
const organizationMembershipsPage = z.extend(cursorPageSchema, {
  organization_memberships: z.array(organizationMembershipBriefSchema),
});

async function searchEmail(client: UpstreamClient, email: string): Promise<UserBrief | undefined> {
  const body = await client.get(
    `/users/search?${new URLSearchParams({ query: `email:${email}` })}`,
    searchSchema,
  );
  // Search also answers partial matches: only the same address counts.
  return body.users.find((user) => user.email?.toLowerCase() === email);
}

/**
 * Who has these emails: one search each for a few, the account's people listed once for many.
 * For a group, more than `searchUpTo` emails no agent has come back as `notAgents`, not searched.
 */
export async function findByEmail(
  client: UpstreamClient,
  emails: readonly string[],
  agentsOnly: boolean,
  searchUpTo = SEARCH_EACH_UP_TO,
) {
  const found = new Map<string, UserBrief>();
  let rest = [...emails];
  if (rest.length > SEARCH_EACH_UP_TO) {
    const wanted = new Set(rest);
    let after: string | undefined;
    for (let page = 0; page < MAX_LISTING_PAGES; page++) {
      const extra: Record<string, string> = agentsOnly ? { 'role[]': 'agent' } : {};
      const query = new URLSearchParams(cursorQuery(after, extra));
      if (agentsOnly) query.append('role[]', 'admin');
      const body = await client.get(`/users?${query}`, userPageSchema);
      for (const user of body.users) {
        const email = user.email?.toLowerCase();
        if (email && wanted.has(email)) found.set(email, user);
      }
      after = nextCursorOf(body) ?? undefined;
      if (!after || found.size === wanted.size) break;
    }
    rest = rest.filter((email) => !found.has(email));
    // For a group, an email no agent has is either an end user's or no one's: a few are told apart.
    if (agentsOnly && rest.length > searchUpTo) return { found, notAgents: rest };
  }
  const searched = await mapBounded(rest, LOOKUP_CONCURRENCY, (email) => searchEmail(client, email));
  rest.forEach((email, index) => {
    const user = searched[index];
    if (user) found.set(email, user);
  });
  return { found, notAgents: [] as string[] };
}

/** One page of a target's members: whose they are, and where the list goes on. */
async function memberPage(client: UpstreamClient, kind: Kind, targetId: number, after: string | undefined) {
  if (kind === 'group_memberships.create') {
    const body = await client.get(
      `/groups/${targetId}/memberships?${cursorQuery(after)}`,
      groupMembershipsPage,
    );
    return { userIds: body.group_memberships.map((m) => m.user_id), next: nextCursorOf(body) ?? undefined };
  }
  const body = await client.get(
    `/organizations/${targetId}/organization_memberships?${cursorQuery(after)}`,
    organizationMembershipsPage,
  );
  return {
    userIds: body.organization_memberships.map((m) => m.user_id),
    next: nextCursorOf(body) ?? undefined,
  };
}

/** The targets (of those given) a person is already in, from their own membership list. */
async function targetsOfPerson(client: UpstreamClient, kind: Kind, userId: number): Promise<number[]> {
  if (kind === 'group_memberships.create') {
    const body = await client.get(
      `/users/${userId}/group_memberships?${cursorQuery(undefined)}`,
      groupMembershipsPage,
    );
    return body.group_memberships.map((m) => m.group_id);
  }
  const body = await client.get(
    `/users/${userId}/organization_memberships?${cursorQuery(undefined)}`,
    organizationMembershipsPage,
  );
  return body.organization_memberships.map((m) => m.organization_id);
}

/**
 * Which of these people are already members (`userId:targetId`): walking the targets' member
 * lists, or asking each person for their own memberships once walking would cost more requests
 * than that — never a whole 200,000-member list for a handful of people.
 */
async function existingMemberships(
  client: UpstreamClient,
  kind: Kind,
  targetIds: readonly number[],
  people: readonly UserBrief[],
): Promise<Set<string>> {
  const existing = new Set<string>();
  const wanted = new Set(people.map((person) => person.id));
  let budget = people.length;
  let walked = true;
  walk: for (const targetId of targetIds) {
    let after: string | undefined;
    do {
      if (budget-- <= 0) {
        walked = false;
        break walk;
      }
      const page = await memberPage(client, kind, targetId, after);
      for (const userId of page.userIds) if (wanted.has(userId)) existing.add(`${userId}:${targetId}`);
      after = page.next;
    } while (after);
  }
  if (walked) return existing;
  existing.clear();
  const targets = new Set(targetIds);
  await mapBounded(people, LOOKUP_CONCURRENCY, async (person) => {
    for (const targetId of await targetsOfPerson(client, kind, person.id))
      if (targets.has(targetId)) existing.add(`${person.id}:${targetId}`);
  });
  return existing;
}

/** The review of "Add …": people × groups (or organizations), sorted into to add, already members, refused, unknown, invalid. */
export async function planAdditions(
  client: UpstreamClient,
  kind: Kind,
  people: PeopleInput,
  targetIds: readonly number[],
): Promise<PlanDraft> {
  const type = kind === 'group_memberships.create' ? 'group' : 'organization';
  const uniqueTargets = [...new Set(targetIds)];
  const targets: Target[] = [];
  for (const id of uniqueTargets) {
    const name = await targetName(client, type, id);
    if (name === undefined) throw new OperationInputError(404, 'RecordNotFound', `There is no ${type} ${id}`);
    targets.push({ type, id: String(id), name });
  }
  const pasted = parsePastedPeople(people.pasted ?? '');
  const entries = pasted.ids.length + pasted.emails.length + pasted.invalid.length + pasted.tooLong.length;
  if (entries > MAX_PASTED_ENTRIES) {
    throw new OperationInputError(
      422,
      'TooManyEntries',
      `Paste at most ${MAX_PASTED_ENTRIES.toLocaleString('en-US')} entries at a time`,
    );
  }
  const skipped: SkippedEntry[] = [
    ...pasted.invalid.map((entry) =>
      skip(entry.text, 'invalid', 'Not an email address or a user id', entry.line),
    ),
    ...pasted.tooLong.map((entry) =>
      skip(entry.text, 'too_long', 'Longer than any email address can be', entry.line),
    ),
    ...pasted.duplicates.map((entry) =>
      skip(entry.text, 'duplicate', 'Given more than once; counted once', entry.line),
    ),
  ];
  const pickedIds = [...new Set(people.user_ids ?? [])];
  const idEntries = pasted.ids.filter((entry) => !pickedIds.includes(entry.id));
  const byId = new Map(
    (await showManyUsers(client, [...pickedIds, ...idEntries.map((entry) => entry.id)])).map((user) => [
      user.id,
      user,
    ]),
  );
  for (const id of pickedIds)
    if (!byId.has(id)) skipped.push(skip(String(id), 'unknown', 'No user has this id'));
  for (const entry of idEntries)
    if (!byId.has(entry.id)) skipped.push(skip(entry.text, 'unknown', 'No user has this id', entry.line));
  const { found, notAgents } = await findByEmail(
    client,
    pasted.emails.map((entry) => entry.email),
    type === 'group',
  );
  const notAgentSet = new Set(notAgents);
  const candidates = new Map<number, UserBrief>();
  for (const id of [...pickedIds, ...idEntries.map((entry) => entry.id)]) {
    const user = byId.get(id);
    if (user) candidates.set(user.id, user);
  }
  for (const entry of pasted.emails) {
    const user = found.get(entry.email);
    if (!user) {
      skipped.push(
        notAgentSet.has(entry.email)
          ? skip(
              entry.text,
              'unknown',
              'No agent or admin has this email (an end user cannot join a group)',
              entry.line,
            )
          : skip(entry.text, 'unknown', 'No user has this email', entry.line),
      );
    } else if (candidates.has(user.id)) {
      skipped.push(skip(entry.text, 'duplicate', `${user.name} is already in the list`, entry.line));
    } else candidates.set(user.id, user);
  }
  const eligible: UserBrief[] = [];
  for (const user of candidates.values()) {
    if (type === 'group' && user.role === 'end-user') {
      skipped.push(
        skip(
          user.email ?? String(user.id),
          'refused',
          `${user.name} is an end user; only agents and admins join groups`,
        ),
      );
    } else eligible.push(user);
  }
  const existing = await existingMemberships(client, kind, uniqueTargets, eligible);
  const items = [];
  for (const user of eligible) {
    for (const target of targets) {
      if (existing.has(`${user.id}:${target.id}`)) {
        skipped.push(
          skip(user.email ?? String(user.id), 'already_member', `${user.name} is already in ${target.name}`),
        );
      } else items.push(newItem({ user: actorOf(user), target }));
    }
  }
  const noun = type === 'group' ? ['agent', 'agents'] : ['user', 'users'];
  const people_ = new Set(items.map((item) => item.user.id)).size;
  const label = `Add ${plural(people_, noun[0] ?? '', noun[1] ?? '')} to ${targetsPhrase(targets, type, `${type}s`)}`;
  return {
    operation: { kind, source: 'bulk', label, targets, params: {}, items, expanding: false, undoOf: null },
    total: items.length,
    items: items.map(planItemOf),
    skipped,
    warnings: [],
  };
}
