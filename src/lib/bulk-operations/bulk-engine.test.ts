import { QueryClient } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApiOrigin } from '../../api/api-client.ts';
import type { Group } from '../../contract/group.ts';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { Organization } from '../../contract/organization.ts';
import type { User } from '../../contract/user.ts';
import { getJson, walkForward } from '../../server/testing/api-helpers.ts';
import { basicAuthFor, startTestServer, type TestServer } from '../../server/testing/test-server.ts';
import { type BulkEngine, createBulkEngine } from './bulk-engine.ts';
import {
  type BulkItem,
  type BulkOperation,
  createBulkOperation,
  failedItemIndexes,
  groupMembershipPayloadSchema,
  itemOutcome,
  operationProgress,
} from './bulk-operation.ts';
import { chunksOf } from './chunk-transitions.ts';
import { EXPIRED_MESSAGE, INTERRUPTED_MESSAGE } from './job-outcomes.ts';
import {
  createMemoryStorage,
  createOperationStore,
  OPERATIONS_STORAGE_KEY,
  type OperationStore,
  type StorageLike,
} from './operation-store.ts';

/**
 * The engine against the real server and its sandbox, through the Roster proxy as the SPA uses it.
 * `fetch` is wrapped only to count and time the requests the engine makes; every one reaches the server.
 */

type RecordedRequest = {
  method: string;
  path: string;
  ids: string[];
  items: number;
  status: number;
  at: number;
};
const requests: RecordedRequest[] = [];
const realFetch = globalThis.fetch;

function countingFetch(): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const response = await realFetch(input, init);
    if (url.pathname.startsWith('/api/v2/')) {
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const items = body && typeof body === 'object' ? Object.values(body)[0] : undefined;
      requests.push({
        method: init?.method ?? 'GET',
        path: url.pathname,
        ids: url.searchParams.get('ids')?.split(',') ?? [],
        items: Array.isArray(items) ? items.length : 0,
        status: response.status,
        at: Date.now(),
      });
    }
    return response;
  };
}

function requestsSince(mark: number, pathEnd: string, method = 'GET'): RecordedRequest[] {
  return requests
    .slice(mark)
    .filter((request) => request.path.endsWith(pathEnd) && request.method === method);
}

beforeAll(() => {
  globalThis.fetch = countingFetch();
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

type Pair = { user: User; group: Group };

/** Agent × group pairs that are not memberships yet, handed out so that no two tests share one. */
async function freshPairs(server: TestServer) {
  const agents = (
    await getJson<{ users: User[] }>(server, '/users?role[]=agent&role[]=admin&page[size]=100')
  ).users.filter((user) => !user.suspended);
  const groups = (await getJson<{ groups: Group[] }>(server, '/groups?page[size]=100')).groups
    .filter((group) => !group.deleted && group.name !== 'Overflow Queue')
    .slice(0, 12);
  const memberships: GroupMembership[] = [];
  for (const group of groups) {
    const pages = await walkForward<'group_memberships', GroupMembership>(
      server,
      'group_memberships',
      `/groups/${group.id}/memberships?page[size]=100`,
    );
    memberships.push(...pages.flatMap((page) => page.group_memberships));
  }
  const taken = new Set(memberships.map((m) => `${m.user_id}/${m.group_id}`));
  const pool: Pair[] = groups.flatMap((group) =>
    agents.filter((user) => !taken.has(`${user.id}/${group.id}`)).map((user) => ({ user, group })),
  );
  return {
    agents,
    groups,
    memberships,
    take(count: number): BulkItem[] {
      if (pool.length < count) throw new Error(`only ${pool.length} fresh pairs left, ${count} wanted`);
      return pool.splice(0, count).map(({ user, group }) => ({
        label: `${user.name} → ${group.name}`,
        payload: { user_id: user.id, group_id: group.id },
      }));
    },
  };
}

function engineOver(
  store: OperationStore,
  queryClient = new QueryClient(),
  pollIntervalMs = { min: 100, max: 1000 },
): BulkEngine {
  return createBulkEngine({ store, queryClient, pollIntervalMs });
}

function startCreating(engine: BulkEngine, items: BulkItem[]): string {
  return engine.start({
    kind: 'group_memberships.create',
    label: `Add ${items.length} agents`,
    items,
    invalidates: [['group-memberships', 'list']],
  });
}

async function settled(engine: BulkEngine, id: string): Promise<BulkOperation> {
  const operation = await engine.settled(id);
  if (!operation) throw new Error(`operation ${id} disappeared`);
  return operation;
}

/** The sandbox's fault control sits beside its API, where the Roster proxy never forwards. */
function faults(server: TestServer, body: unknown): Promise<Response> {
  return realFetch(`${server.url}/sandbox/_sandbox/faults`, {
    method: 'PUT',
    headers: { authorization: basicAuthFor('admin'), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the bulk engine against the sandbox', () => {
  let server: TestServer;
  let pairs: Awaited<ReturnType<typeof freshPairs>>;
  const engines: BulkEngine[] = [];

  function newEngine(...args: Parameters<typeof engineOver>): BulkEngine {
    const engine = engineOver(...args);
    engines.push(engine);
    return engine;
  }

  beforeAll(async () => {
    server = await startTestServer({ SANDBOX_SEED_SCALE: 'demo', SANDBOX_JOB_ITEM_DELAY_MS: '1' });
    pairs = await freshPairs(server);
  });
  beforeEach(() => setApiOrigin(server.url));
  afterEach(() => {
    for (const engine of engines.splice(0)) engine.dispose();
  });
  afterAll(() => server?.close());

  it('adds 250 memberships in 3 jobs, polling every active job with one show_many per tick', async () => {
    const store = createOperationStore({ storage: createMemoryStorage() });
    const engine = newEngine(store, new QueryClient(), { min: 100, max: 1000 });
    const progressSeen: number[] = [];
    store.subscribe(() => {
      const operation = store.getSnapshot()[0];
      if (operation) progressSeen.push(operationProgress(operation).done);
    });
    const mark = requests.length;
    const startedAt = Date.now();

    const id = startCreating(engine, pairs.take(250));
    expect(store.get(id)?.items).toHaveLength(250);
    const operation = await settled(engine, id);
    const durationMs = Date.now() - startedAt;

    expect(operationProgress(operation)).toEqual({
      done: 250,
      total: 250,
      succeeded: 250,
      failed: 0,
      jobsDone: 3,
      jobs: 3,
      state: 'completed',
    });
    expect(itemOutcome(operation, 249)).toMatchObject({ success: true, status: 'Created' });
    expect(progressSeen).toEqual([...progressSeen].sort((a, b) => a - b));

    const creates = requestsSince(mark, '/group_memberships/create_many', 'POST');
    expect(creates.map((request) => request.items)).toEqual([100, 100, 50]);
    const polls = requestsSince(mark, '/job_statuses/show_many');
    expect(polls.length).toBeGreaterThan(0);
    const jobIds = new Set(operation.attempts[0]?.chunks.map((chunk) => chunk.jobId));
    for (const poll of polls) expect(poll.ids.every((jobId) => jobIds.has(jobId))).toBe(true);
    // Never two requests in one tick: consecutive polls are at least the minimum interval apart.
    const gaps = polls.slice(1).map((poll, index) => poll.at - (polls[index] as RecordedRequest).at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
    console.info(
      `250 items: ${creates.length} create_many, ${polls.length} show_many (ids per poll: ${polls
        .map((poll) => poll.ids.length)
        .join(',')}), ${requests.length - mark} requests in all, ${durationMs} ms`,
    );

    const first = groupMembershipPayloadSchema.parse(operation.items[0]?.payload);
    const members = await getJson<{ group_memberships: GroupMembership[] }>(
      server,
      `/users/${first.user_id}/group_memberships`,
    );
    expect(members.group_memberships.some((m) => m.group_id === first.group_id)).toBe(true);
  });

  it("maps each failure to its item with Zendesk's error and details, and retries only those", async () => {
    const store = createOperationStore({ storage: createMemoryStorage() });
    const engine = newEngine(store);
    const endUser = (await getJson<{ users: User[] }>(server, '/users?role=end-user&page[size]=1'))
      .users[0] as User;
    const existing = pairs.memberships[0] as GroupMembership;
    const group = pairs.groups.find((g) => g.id === existing.group_id) as Group;
    const member = (await getJson<{ user: User }>(server, `/users/${existing.user_id}`)).user;
    const [firstNew, lastNew] = pairs.take(2) as [BulkItem, BulkItem];
    const items: BulkItem[] = [
      firstNew,
      { label: `${member.name} → ${group.name}`, payload: { user_id: member.id, group_id: group.id } },
      { label: `${endUser.name} → ${group.name}`, payload: { user_id: endUser.id, group_id: group.id } },
      { label: `User 999999999 → ${group.name}`, payload: { user_id: 999_999_999, group_id: group.id } },
      lastNew,
    ];

    const id = startCreating(engine, items);
    const operation = await settled(engine, id);

    expect(operationProgress(operation)).toMatchObject({
      succeeded: 2,
      failed: 3,
      state: 'completed_with_failures',
    });
    expect(failedItemIndexes(operation)).toEqual([1, 2, 3]);
    expect(itemOutcome(operation, 0)).toMatchObject({ success: true, status: 'Created' });
    expect(itemOutcome(operation, 1)).toMatchObject({
      success: false,
      status: 'Failed',
      error: 'DuplicateValue',
      details: `${member.name} is already a member of ${group.name}`,
    });
    expect(itemOutcome(operation, 2)).toMatchObject({
      success: false,
      error: 'InvalidValue',
      details: `${endUser.name} is an end user; only agents and admins can be group members`,
    });
    expect(itemOutcome(operation, 3)).toMatchObject({
      success: false,
      error: 'InvalidValue',
      details: 'User 999999999 does not exist',
    });
    expect(itemOutcome(operation, 4)).toMatchObject({ success: true });

    // Someone removes the existing membership; a retry can now add it again, the other two still fail.
    expect((await server.api(`/group_memberships/${existing.id}`, { method: 'DELETE' })).status).toBe(204);
    const mark = requests.length;
    expect(engine.retryFailed(id)).toBe(true);
    const retried = await settled(engine, id);

    expect(requestsSince(mark, '/group_memberships/create_many', 'POST').map((r) => r.items)).toEqual([3]);
    expect(retried.attempts).toHaveLength(2);
    expect(retried.attempts[1]?.chunks.map((chunk) => chunk.itemIndexes)).toEqual([[1, 2, 3]]);
    expect(itemOutcome(retried, 1)).toMatchObject({ success: true, status: 'Created' });
    expect(failedItemIndexes(retried)).toEqual([2, 3]);
    expect(operationProgress(retried)).toMatchObject({ done: 5, succeeded: 3, failed: 2, jobs: 2 });
  });

  it('invalidates the given query keys when its jobs finish, at most once per job, no others', async () => {
    const queryClient = new QueryClient();
    const listKey = ['group-memberships', 'list', { groupId: 1 }];
    const otherKey = ['organizations', 'list'];
    queryClient.setQueryData(listKey, { pages: [] });
    queryClient.setQueryData(otherKey, { pages: [] });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const engine = newEngine(createOperationStore({ storage: createMemoryStorage() }), queryClient);

    const id = startCreating(engine, pairs.take(101));
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(false);
    await settled(engine, id);

    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(otherKey)?.isInvalidated).toBe(false);
    // Two jobs: one call each, or a single one when both ended in the same poll.
    expect(invalidate.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(invalidate.mock.calls.length).toBeLessThanOrEqual(2);
    for (const call of invalidate.mock.calls)
      expect(call).toEqual([{ queryKey: ['group-memberships', 'list'] }]);
  });

  it('resumes in a new engine over the same storage and finishes what the old one left running', async () => {
    const storage = createMemoryStorage();
    const before = newEngine(createOperationStore({ storage }));
    const mark = requests.length;
    const id = startCreating(before, pairs.take(150));
    const submitted = await new Promise<BulkOperation>((resolve) => {
      const unsubscribe = before.store.subscribe(() => {
        const operation = before.store.get(id);
        if (operation && [...chunksOf(operation)].every(({ chunk }) => chunk.jobId)) {
          unsubscribe();
          resolve(operation);
        }
      });
    });
    before.dispose();
    expect(operationProgress(submitted).state).not.toMatch(/^completed/);
    expect(JSON.parse(storage.getItem(OPERATIONS_STORAGE_KEY) ?? '{}').operations[0]).toEqual(submitted);

    const after = newEngine(createOperationStore({ storage }));
    after.resume();
    const operation = await settled(after, id);

    expect(operationProgress(operation)).toMatchObject({ done: 150, succeeded: 150, state: 'completed' });
    expect(requestsSince(mark, '/group_memberships/create_many', 'POST')).toHaveLength(2);
    expect(createOperationStore({ storage }).get(id)).toEqual(operation);
  });

  it('fails a chunk cut off while submitting rather than sending it twice, and continues', async () => {
    const storage = createMemoryStorage();
    const items = pairs.take(2);
    const created = createBulkOperation({
      id: 'op_interrupted',
      kind: 'group_memberships.create',
      label: 'Add 2 agents',
      items,
      invalidates: [],
      createdAt: Date.now(),
    });
    const interrupted: BulkOperation = {
      ...created,
      attempts: [
        {
          startedAt: created.createdAt,
          outcomes: {},
          chunks: [
            { itemIndexes: [0], state: 'submitting', progress: 0, total: 1 },
            { itemIndexes: [1], state: 'pending', progress: 0, total: 1 },
          ],
        },
      ],
    };
    createOperationStore({ storage }).add(interrupted);
    const mark = requests.length;

    const engine = newEngine(createOperationStore({ storage }));
    engine.resume();
    const operation = await settled(engine, interrupted.id);

    expect(operation.attempts[0]?.chunks[0]).toMatchObject({
      state: 'failed',
      submitError: INTERRUPTED_MESSAGE,
    });
    expect(itemOutcome(operation, 0)).toMatchObject({ success: false, error: 'Interrupted' });
    expect(itemOutcome(operation, 1)).toMatchObject({ success: true, status: 'Created' });
    expect(requestsSince(mark, '/group_memberships/create_many', 'POST').map((r) => r.items)).toEqual([1]);
  });

  it('marks jobs missing from three polls in a row as expired, asking about at most 100 per request', async () => {
    const storage = createMemoryStorage();
    const items = pairs.take(150);
    const created = createBulkOperation({
      id: 'op_expired',
      kind: 'group_memberships.create',
      label: 'Add 150 agents yesterday',
      items,
      invalidates: [],
      createdAt: Date.now(),
    });
    const gone: BulkOperation = {
      ...created,
      attempts: [
        {
          startedAt: created.createdAt,
          outcomes: {},
          chunks: items.map((_, index) => ({
            itemIndexes: [index],
            jobId: `0000${index.toString(16).padStart(28, '0')}`,
            state: index === 0 ? 'working' : 'queued',
            progress: 0,
            total: 1,
          })),
        },
      ],
    };
    createOperationStore({ storage }).add(gone);
    const mark = requests.length;

    const engine = newEngine(createOperationStore({ storage }));
    engine.resume();
    const operation = await settled(engine, gone.id);

    expect(requestsSince(mark, '/job_statuses/show_many').map((request) => request.ids.length)).toEqual([
      100, 50, 100, 50, 100, 50,
    ]);
    expect(operation.attempts[0]?.chunks.every((chunk) => chunk.state === 'expired')).toBe(true);
    expect(itemOutcome(operation, 0)).toEqual({
      success: false,
      status: 'Failed',
      error: 'JobExpired',
      details: EXPIRED_MESSAGE,
    });
    expect(operationProgress(operation)).toMatchObject({ done: 150, failed: 150, state: 'failed' });
  });

  it("fails only the refused request's items with its reason, finishes the rest, retries them", async () => {
    const set = await faults(server, {
      faults: { rules: [{ method: 'POST', path_contains: 'create_many', status: 403, times: 1 }] },
    });
    expect(set.status).toBe(200);
    const engine = newEngine(createOperationStore({ storage: createMemoryStorage() }));

    const id = startCreating(engine, pairs.take(150));
    const operation = await settled(engine, id);

    const chunks = operation.attempts[0]?.chunks ?? [];
    const refused = chunks.filter((chunk) => chunk.state === 'failed');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.submitError).toBe('You do not have access to this resource');
    expect(chunks.filter((chunk) => chunk.state === 'completed')).toHaveLength(1);
    const refusedItems = refused[0]?.itemIndexes ?? [];
    expect(failedItemIndexes(operation)).toEqual(refusedItems);
    expect(itemOutcome(operation, refusedItems[0] ?? -1)).toEqual({
      success: false,
      status: 'Failed',
      error: 'Forbidden',
      details: 'You do not have access to this resource',
    });

    engine.retryFailed(id);
    expect(operationProgress(await settled(engine, id))).toMatchObject({
      succeeded: 150,
      state: 'completed',
    });
  });

  it('adds and removes organization memberships by the ids Zendesk reports', async () => {
    const organization = (
      await getJson<{ organizations: Organization[] }>(server, '/organizations?page[size]=1')
    ).organizations[0] as Organization;
    const agents = pairs.agents.slice(-2);
    const engine = newEngine(createOperationStore({ storage: createMemoryStorage() }));

    const addId = engine.start({
      kind: 'organization_memberships.create',
      label: `Add 2 users to ${organization.name}`,
      items: agents.map((user) => ({
        label: `${user.name} → ${organization.name}`,
        payload: { user_id: user.id, organization_id: organization.id },
      })),
    });
    const added = await settled(engine, addId);
    expect(operationProgress(added).state).toBe('completed');
    const membershipIds = added.items.map((_, index) => itemOutcome(added, index)?.id as number);

    const removeId = engine.start({
      kind: 'organization_memberships.destroy',
      label: `Remove 2 users from ${organization.name}`,
      items: membershipIds.map((membershipId, index) => ({
        label: `${agents[index]?.name} from ${organization.name}`,
        payload: { membership_id: membershipId },
      })),
    });
    const removed = await settled(engine, removeId);
    expect(itemOutcome(removed, 0)).toMatchObject({ success: true, status: 'Deleted', id: membershipIds[0] });
    expect((await server.api(`/organization_memberships/${membershipIds[1]}`)).status).toBe(404);
  });
});

describe('the bulk engine when the account is at its job limit', () => {
  let server: TestServer;
  let engine: BulkEngine | undefined;

  beforeAll(async () => {
    server = await startTestServer({
      SANDBOX_SEED_SCALE: 'demo',
      SANDBOX_MAX_ACTIVE_JOBS: '1',
      SANDBOX_JOB_ITEM_DELAY_MS: '5',
    });
  });
  beforeEach(() => setApiOrigin(server.url));
  afterEach(() => engine?.dispose());
  afterAll(() => server?.close());

  it('waits out TooManyJobs and resubmits the same chunk until every item is done', async () => {
    const pairs = await freshPairs(server);
    const storage: StorageLike = createMemoryStorage();
    engine = engineOver(createOperationStore({ storage }));
    const mark = requests.length;
    const startedAt = Date.now();

    const id = startCreating(engine, pairs.take(201));
    const operation = await settled(engine, id);

    expect(operationProgress(operation)).toMatchObject({ done: 201, succeeded: 201, failed: 0, jobs: 3 });
    const creates = requestsSince(mark, '/group_memberships/create_many', 'POST');
    const refused = creates.filter((request) => request.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(creates.filter((request) => request.status === 200).map((request) => request.items)).toEqual([
      100, 100, 1,
    ]);
    console.info(
      `job limit 1: ${creates.length} create_many (${refused.length} TooManyJobs), ` +
        `${Date.now() - startedAt} ms`,
    );
  });
});
