import { queryOptions, experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { groupMembershipSchema } from '../contract/group-membership.ts';
import { organizationMembershipSchema } from '../contract/organization-membership.ts';
import { type User, userSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';
import { cursorPageOf, cursorQuery, nextCursor } from './cursor-pagination.ts';
import { groupMembershipKeys } from './group-memberships.ts';
import { mergeStreams } from './merge-streams.ts';
import { organizationMembershipKeys } from './organization-memberships.ts';

/** One membership as a grid cell needs it: who, where, which record, whether it is their default. */
export type GridMembership = {
  id: string;
  userId: string;
  targetId: string;
  isDefault: boolean;
  /** Box's member or admin. */
  role?: 'member' | 'admin';
};

/**
 * The memberships of a grid's columns as they arrive: cells fill page by page. `finished` names
 * the columns whose memberships are all in; `complete` says every column's are.
 */
export type GridMemberships<Person = User> = {
  pages: GridMembership[][];
  users: Person[][];
  finished: string[];
  complete: boolean;
};

export type GridChunk<Person = User> = {
  memberships: GridMembership[];
  users?: Person[];
  finished?: string[];
  complete?: true;
};

/** One chunk of what arrived together, so the cache (and the grid) is updated once for them. */
export function joinChunks<Person>(batch: readonly GridChunk<Person>[]): GridChunk<Person> {
  const joined: GridChunk<Person> = {
    memberships: batch.flatMap((chunk) => chunk.memberships),
    users: batch.flatMap((chunk) => chunk.users ?? []),
    finished: batch.flatMap((chunk) => chunk.finished ?? []),
  };
  if (batch.some((chunk) => chunk.complete)) joined.complete = true;
  return joined;
}

/** The grid re-renders at most this often while memberships stream in. */
export const GRID_BATCH_MS = 120;

export const NO_GRID_MEMBERSHIPS: GridMemberships<never> = {
  pages: [],
  users: [],
  finished: [],
  complete: false,
};

export function addGridChunk<Person>(
  data: GridMemberships<Person>,
  chunk: GridChunk<Person>,
): GridMemberships<Person> {
  return {
    pages: chunk.memberships.length > 0 ? [...data.pages, chunk.memberships] : data.pages,
    users: chunk.users?.length ? [...data.users, chunk.users] : data.users,
    finished: chunk.finished ? [...data.finished, ...chunk.finished] : data.finished,
    complete: data.complete || chunk.complete === true,
  };
}

/** Lists of different groups are read in parallel, as many as a browser sends to one host at once. */
export const PARALLEL_LISTS = 6;

/** Several columns' lists read side by side, handed over in batches, then word that all are in. */
export async function* sideBySide<Person>(
  lists: readonly (() => AsyncGenerator<GridChunk<Person>>)[],
): AsyncGenerator<GridChunk<Person>> {
  for await (const batch of mergeStreams(lists, PARALLEL_LISTS, GRID_BATCH_MS)) yield joinChunks(batch);
  yield { memberships: [], complete: true };
}

/**
 * A grid's memberships as one streamed query. A refetch after an operation keeps today's cells
 * until the new reading is complete, then swaps them at once.
 */
export function gridMembershipsQueryFn<Person>(
  streamFn: (context: { signal: AbortSignal }) => AsyncIterable<GridChunk<Person>>,
) {
  return streamedQuery<GridChunk<Person>, GridMemberships<Person>>({
    streamFn,
    reducer: addGridChunk,
    initialValue: NO_GRID_MEMBERSHIPS,
    refetchMode: 'replace',
  });
}

const groupPageSchema = cursorPageOf('group_memberships', groupMembershipSchema);
const organizationPageSchema = z.extend(
  cursorPageOf('organization_memberships', organizationMembershipSchema),
  { users: z._default(z.array(userSchema), []) },
);

const fromGroupMembership = (m: z.infer<typeof groupMembershipSchema>): GridMembership => ({
  id: String(m.id),
  userId: String(m.user_id),
  targetId: String(m.group_id),
  isDefault: m.default,
});

/**
 * The account's group memberships, walked from both ends at once (ascending and descending ids)
 * until the two walks meet: the same pages as one walk, plus the page where they meet, in half
 * the time.
 */
async function* accountGroupMemberships(signal: AbortSignal): AsyncGenerator<GridChunk> {
  let highestUp = 0;
  let lowestDown = Number.POSITIVE_INFINITY;
  let ended = false;
  const walk = (sort: 'id' | '-id') =>
    async function* (): AsyncGenerator<GridChunk> {
      let after: string | undefined;
      while (!ended) {
        const body = await apiRequest(`/api/v2/group_memberships?${cursorQuery(after, { sort })}`, {
          schema: groupPageSchema,
          signal,
        });
        const ids = body.group_memberships.map((m) => m.id);
        if (sort === 'id') highestUp = Math.max(highestUp, ...ids);
        else lowestDown = Math.min(lowestDown, ...ids);
        yield { memberships: body.group_memberships.map(fromGroupMembership) };
        after = nextCursor(body);
        if (!after || highestUp >= lowestDown) ended = true;
      }
    };
  // No cell is known until the walks meet (a person's next membership may be on the last page), so
  // the grid gets the memberships once, complete, rather than a re-render for every page.
  const pages: GridChunk[] = [];
  for await (const batch of mergeStreams([walk('id'), walk('-id')], 2)) pages.push(...batch);
  yield { ...joinChunks(pages), complete: true };
}

/** Every page of one cursor list, then word that its column is complete. */
export async function* wholeList<Page, Person = User>(
  path: (after: string | undefined) => string,
  fetchPage: (path: string) => Promise<Page>,
  toChunk: (page: Page) => GridChunk<Person>,
  next: (page: Page) => string | undefined,
  columnId: string,
): AsyncGenerator<GridChunk<Person>> {
  let after: string | undefined;
  do {
    const page = await fetchPage(path(after));
    yield toChunk(page);
    after = next(page);
  } while (after);
  yield { memberships: [], finished: [columnId] };
}

async function* perGroupMemberships(groupIds: readonly number[], signal: AbortSignal) {
  const lists = groupIds.map(
    (groupId) => () =>
      wholeList(
        (after) => `/api/v2/groups/${groupId}/memberships?${cursorQuery(after)}`,
        (path) => apiRequest(path, { schema: groupPageSchema, signal }),
        (page) => ({ memberships: page.group_memberships.map(fromGroupMembership) }),
        nextCursor,
        String(groupId),
      ),
  );
  yield* sideBySide(lists);
}

export type GroupMembershipReads = { kind: 'account' } | { kind: 'groups'; groupIds: readonly number[] };

/** The group memberships a grid shows, read as planned (see `planMembershipReads`). */
export const gridGroupMembershipsQueryOptions = (reads: GroupMembershipReads) =>
  queryOptions({
    queryKey: groupMembershipKeys.grid(reads.kind === 'account' ? 'account' : [...reads.groupIds]),
    queryFn: gridMembershipsQueryFn(({ signal }) =>
      reads.kind === 'account'
        ? accountGroupMemberships(signal)
        : perGroupMemberships(reads.groupIds, signal),
    ),
    staleTime: 30_000,
  });

/**
 * The members of the chosen organizations with the people sideloaded: an organization can hold
 * 200,000 people, so the grid reads only the chosen ones, each list in its own parallel walk.
 */
export const gridOrganizationMembershipsQueryOptions = (organizationIds: readonly number[]) =>
  queryOptions({
    queryKey: organizationMembershipKeys.grid([...organizationIds]),
    queryFn: gridMembershipsQueryFn(({ signal }) =>
      sideBySide(
        organizationIds.map(
          (organizationId) => () =>
            wholeList(
              (after) =>
                `/api/v2/organizations/${organizationId}/organization_memberships?${cursorQuery(after, { include: 'users' })}`,
              (path) => apiRequest(path, { schema: organizationPageSchema, signal }),
              (page) => ({
                memberships: page.organization_memberships.map((m) => ({
                  id: String(m.id),
                  userId: String(m.user_id),
                  targetId: String(m.organization_id),
                  isDefault: m.default === true,
                })),
                users: page.users,
              }),
              nextCursor,
              String(organizationId),
            ),
        ),
      ),
    ),
    staleTime: 30_000,
  });
