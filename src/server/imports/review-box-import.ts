import { z } from 'zod/mini';
import type { BadRow, ImportMode } from '../../contract/membership-csv.ts';
import { MAX_CHANGES } from '../../contract/operation-limits.ts';
import { plural } from '../../contract/plural.ts';
import type { Target } from '../../contract/roster-operations.ts';
import { type BoxMembership, boxActorOf, membershipsPage } from '../operations/plan-box.ts';
import { boxChangeDraft } from '../operations/plan-box-changes.ts';
import { newItem, OperationInputError } from '../operations/plan-draft.ts';
import type { UpstreamClient } from '../operations/upstream-client.ts';
import type { NewItem } from '../store/operation-store.ts';
import type { ImportRow } from './read-import-file.ts';
import type { ImportDifference } from './review-zendesk-import.ts';

const PAGE = 1000;
/** Box's offset paging stops at 10,000. */
const MAX_OFFSET = 10_000;

const boxUserSchema = z.looseObject({ id: z.string(), name: z.string(), login: z.string() });
const boxUserPage = z.looseObject({ total_count: z.int(), entries: z.array(boxUserSchema) });
const boxGroupPage = z.looseObject({
  total_count: z.int(),
  entries: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});

/** Every page of a Box offset list, a thousand at a time, as far as Box lets offsets go. */
export async function boxCollect<T>(
  path: string,
  read: (offset: number) => Promise<{ total_count: number; entries: T[] }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; offset <= MAX_OFFSET; offset += PAGE) {
    const page = await read(offset);
    all.push(...page.entries);
    if (offset + PAGE >= page.total_count) return all;
  }
  throw new OperationInputError(
    422,
    'ListTooLong',
    `${path} holds more than ${MAX_OFFSET.toLocaleString('en-US')} entries, past what Box lets a client page through`,
  );
}

export const boxGroupsOf = (client: UpstreamClient) =>
  boxCollect('/2.0/groups', (offset) =>
    client.get(`/2.0/groups?limit=${PAGE}&offset=${offset}`, boxGroupPage),
  );
export const boxGroupMembers = (client: UpstreamClient, groupId: string) =>
  boxCollect(`/2.0/groups/${groupId}/memberships`, (offset) =>
    client.get(`/2.0/groups/${groupId}/memberships?limit=${PAGE}&offset=${offset}`, membershipsPage),
  );

/**
 * The difference between a Box import (`login, box group[, role]`) and today: adds, role changes
 * and, in "exactly this" mode, removals from the groups the file names; each named group's members
 * read once.
 */
export async function reviewBoxImport(
  client: UpstreamClient,
  mode: ImportMode,
  rows: readonly ImportRow[],
): Promise<ImportDifference> {
  const groups = await boxGroupsOf(client);
  const groupById = new Map(groups.map((group) => [group.id, group]));
  const groupByName = new Map(groups.map((group) => [group.name.toLowerCase(), group]));
  const users = await boxCollect('/2.0/users', (offset) =>
    client.get(`/2.0/users?limit=${PAGE}&offset=${offset}`, boxUserPage),
  );
  const userById = new Map(users.map((user) => [user.id, user]));
  const userByLogin = new Map(users.map((user) => [user.login.toLowerCase(), user]));
  const bad: BadRow[] = [];
  const usable: { row: ImportRow; user: z.infer<typeof boxUserSchema>; group: Target }[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const badRow = (reason: BadRow['reason'], description: string) =>
      bad.push({ line: row.line, text: row.text, reason, description });
    const user = 'id' in row.person ? userById.get(row.person.id) : userByLogin.get(row.person.email);
    const found =
      'id' in row.target
        ? groupById.get(row.target.id)
        : (groupByName.get(row.target.name.toLowerCase()) ?? groupById.get(row.target.name));
    if (!user) {
      badRow(
        'unknown_person',
        `No Box user has ${'id' in row.person ? `the id ${row.person.id}` : `the login ${row.person.email}`}`,
      );
      continue;
    }
    if (!found) {
      badRow(
        'unknown_target',
        `No Box group has ${'id' in row.target ? `the id ${row.target.id}` : `the name "${row.target.name}"`}`,
      );
      continue;
    }
    const key = `${user.id}:${found.id}`;
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      badRow('duplicate_row', `${user.name} in ${found.name} is on line ${earlier} already`);
      continue;
    }
    firstLineOf.set(key, row.line);
    usable.push({ row, user, group: { type: 'box_group', id: found.id, name: found.name } });
  }
  const named = [...new Map(usable.map((entry) => [entry.group.id, entry.group])).values()];
  const membersOf = new Map<string, BoxMembership[]>();
  for (const group of named) membersOf.set(group.id, await boxGroupMembers(client, group.id));
  const today = new Map<string, BoxMembership>();
  for (const members of membersOf.values())
    for (const m of members) today.set(`${m.user.id}:${m.group.id}`, m);
  const items: NewItem[] = [];
  let already = 0;
  for (const { row, user, group } of usable) {
    const existing = today.get(`${user.id}:${group.id}`);
    const fields = { user: boxActorOf(user), target: group };
    if (!existing) items.push(newItem({ ...fields, action: 'add', role: row.role ?? 'member' }));
    else if (row.role !== undefined && row.role !== existing.role)
      items.push(newItem({ ...fields, action: 'set_role', membershipId: existing.id, role: row.role }));
    else already++;
  }
  if (mode === 'exactly') {
    for (const group of named) {
      for (const m of membersOf.get(group.id) ?? []) {
        if (firstLineOf.has(`${m.user.id}:${group.id}`)) continue;
        items.push(
          newItem({
            user: boxActorOf(m.user),
            target: group,
            action: 'remove',
            membershipId: m.id,
            role: m.role,
          }),
        );
      }
    }
  }
  if (items.length > MAX_CHANGES) {
    throw new OperationInputError(
      422,
      'TooManyChanges',
      `This file makes ${plural(items.length, 'change', 'changes')}; one import applies at most ${MAX_CHANGES.toLocaleString('en-US')}: split it by Box group and import the parts one after another`,
    );
  }
  return {
    draft: boxChangeDraft(items),
    bad,
    already,
  };
}
