import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import type { ProviderId } from '../../contract/providers/operation-providers.ts';
import type { OperationRequest } from '../../contract/roster-operations.ts';
import { BOX_DEMO_IDENTITIES } from '../sandbox/box/box-demo-identities.ts';
import type { Actor, OperationStore } from '../store/operation-store.ts';
import { openRosterDatabase, type RosterDatabase } from '../store/roster-database.ts';
import { openOperationStore } from '../store/roster-operation-store.ts';
import { type InProcessSandbox, startInProcessSandbox } from '../testing/in-process-sandbox.ts';
import { basicAuthFor, makeDataDir } from '../testing/test-server.ts';
import type { ActorCredential, ActorCredentials } from './actor-credentials.ts';
import { type OperationRunner, startOperationRunner } from './operation-runner.ts';
import { planOperation } from './plan-operation.ts';
import { providerById, providerFor } from './providers/operation-providers.ts';

const AUTHORIZATION: Record<ProviderId, string> = {
  zendesk: basicAuthFor('admin'),
  box: `Bearer ${BOX_DEMO_IDENTITIES.admin.token}`,
};
const BACKOFF_MS = 60_000;

/** The engine's clock: it moves only when a test moves it. */
let clock = Date.UTC(2026, 0, 5, 9);
const now = () => clock;

/** Who holds a credential for which provider right now, as sessions would say; refusals are kept. */
function signedInCredentials() {
  const signedIn = new Set<ProviderId>();
  const refused: ProviderId[] = [];
  const credentials: ActorCredentials = {
    async credential(provider): Promise<ActorCredential> {
      return signedIn.has(provider)
        ? { kind: 'ok', authorization: AUTHORIZATION[provider] }
        : { kind: 'signedOut' };
    },
    async refused(provider) {
      refused.push(provider);
    },
  };
  return { credentials, signedIn, refused };
}

/** The real store, counting the runner's ticks: each tick starts by reading the active operations. */
function countingTicks(store: OperationStore) {
  let ticks = 0;
  const counted: OperationStore = {
    ...store,
    active: (owner) => {
      ticks++;
      return store.active(owner);
    },
  };
  return { store: counted, ticks: () => ticks };
}

let sandbox: InProcessSandbox;
let database: RosterDatabase;
let runner: OperationRunner | undefined;
let admin: Actor;
const sleeps: number[] = [];

async function startRunner(store: OperationStore, credentials: ActorCredentials) {
  runner = await startOperationRunner({
    store,
    instanceId: 'test-instance',
    exclusive: true,
    upstreams: { zendesk: sandbox.zendesk, box: sandbox.box },
    credentials,
    pollIntervalMs: 0,
    backoffMs: BACKOFF_MS,
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return runner;
}

async function plan(request: OperationRequest) {
  const provider = providerFor(request.kind);
  const draft = await planOperation(
    provider.client(sandbox[provider.id], AUTHORIZATION[provider.id]),
    request,
  );
  return { ...draft.operation, actor: admin };
}

const finished = async (store: OperationStore, id: string) =>
  vi.waitFor(
    async () => {
      const operation = await store.get(id);
      if (operation?.finishedAt === null || !operation) throw new Error(`${id} is ${operation?.state}`);
      return operation;
    },
    { timeout: 20_000, interval: 20 },
  );

const entriesOf = <T extends z.ZodMiniType>(entry: T) => z.looseObject({ entries: z.array(entry) });
const idSchema = z.looseObject({ id: z.string() });

/** A Box group and `count` regular users outside it, taken once each. */
const boxPeople: string[] = [];
let boxGroupId: string;

async function boxRequest(count: number): Promise<OperationRequest> {
  const ids = boxPeople.splice(0, count);
  if (ids.length < count) throw new Error('The tiny seed has no more Box users outside the group');
  return { kind: 'box_group_memberships.create', box_user_ids: ids, box_group_ids: [boxGroupId] };
}

beforeAll(async () => {
  sandbox = startInProcessSandbox();
  database = await openRosterDatabase({ kind: 'sqlite', file: join(makeDataDir(), 'roster.sqlite') });
  const zendesk = providerById('zendesk').client(sandbox.zendesk, AUTHORIZATION.zendesk);
  const me = await zendesk.get(
    '/users/me',
    z.looseObject({ user: z.looseObject({ id: z.int(), name: z.string(), email: z.string() }) }),
  );
  admin = { id: String(me.user.id), name: me.user.name, email: me.user.email };
  const box = providerById('box').client(sandbox.box, AUTHORIZATION.box);
  const group = (await box.get('/2.0/groups?limit=1000', entriesOf(idSchema))).entries[0];
  if (!group) throw new Error('The tiny seed has no Box group');
  boxGroupId = group.id;
  const members = await box.get(
    `/2.0/groups/${group.id}/memberships?limit=1000`,
    entriesOf(z.looseObject({ user: idSchema })),
  );
  const taken = new Set(members.entries.map((entry) => entry.user.id));
  const users = await box.get(
    '/2.0/users?limit=1000',
    entriesOf(z.looseObject({ id: z.string(), role: z.string(), login: z.string() })),
  );
  boxPeople.push(
    ...users.entries
      .filter(
        (user) => user.role === 'user' && !taken.has(user.id) && !user.login.endsWith('@roster.example'),
      )
      .map((user) => user.id),
  );
});

afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await sandbox.setFaults('box', {});
  await sandbox.setFaults('zendesk', {});
  sleeps.length = 0;
});

afterAll(async () => {
  await database?.close();
  await sandbox?.close();
});

describe('the operation runner', () => {
  it("sends a Box operation's items one request each and completes it", async () => {
    const store = openOperationStore(database, now);
    const { credentials, signedIn } = signedInCredentials();
    signedIn.add('box');
    const created = await store.create(await plan(await boxRequest(3)));
    await startRunner(store, credentials);
    const done = await finished(store, created.id);
    expect(done.state).toBe('completed');
    expect(done.counts).toMatchObject({ succeeded: 3, failed: 0 });
    expect(done.jobsTotal).toBe(0);
    const items = await store.items(created.id, { afterIndex: -1, limit: 10 });
    expect(items.map((item) => [item.status, item.tries])).toEqual([
      ['Created', 1],
      ['Created', 1],
      ['Created', 1],
    ]);
  });

  it("sends Zendesk adds as one job and settles each item from the job's results", async () => {
    const store = openOperationStore(database, now);
    const { credentials, signedIn } = signedInCredentials();
    signedIn.add('zendesk');
    const zendesk = providerById('zendesk').client(sandbox.zendesk, AUTHORIZATION.zendesk);
    const groups = await zendesk.get(
      '/groups',
      z.looseObject({ groups: z.array(z.looseObject({ id: z.int() })) }),
    );
    const agents = await zendesk.get(
      '/users?role=agent',
      z.looseObject({ users: z.array(z.looseObject({ id: z.int() })) }),
    );
    const group = groups.groups.at(-1);
    if (!group) throw new Error('The tiny seed has no group');
    const operation = await plan({
      kind: 'group_memberships.create',
      people: { user_ids: agents.users.map((user) => user.id) },
      group_ids: [group.id],
    });
    expect(operation.items.length).toBeGreaterThan(0);
    const created = await store.create(operation);
    await startRunner(store, credentials);
    const done = await finished(store, created.id);
    expect(done.state).toBe('completed');
    expect(done.jobsTotal).toBe(1);
    expect(done.counts.succeeded).toBe(operation.items.length);
  });

  it("retries a transient failure only once its backoff has passed on the runner's clock", async () => {
    const counted = countingTicks(openOperationStore(database, now));
    const { store } = counted;
    const { credentials, signedIn } = signedInCredentials();
    signedIn.add('box');
    await sandbox.setFaults('box', { rules: [{ method: 'POST', status: 503, times: 1 }] });
    const created = await store.create(await plan(await boxRequest(1)));
    await startRunner(store, credentials);
    const itemOf = async () => (await store.items(created.id, { afterIndex: -1, limit: 1 }))[0];
    await vi.waitFor(async () => expect(await itemOf()).toMatchObject({ state: 'pending', tries: 1 }), {
      timeout: 10_000,
      interval: 20,
    });
    const ticksAfterFailure = counted.ticks();
    await vi.waitFor(() => expect(counted.ticks()).toBeGreaterThan(ticksAfterFailure + 3), {
      timeout: 10_000,
      interval: 20,
    });
    expect(await itemOf()).toMatchObject({ state: 'pending', tries: 1 });
    clock += BACKOFF_MS;
    runner?.wake();
    const done = await finished(store, created.id);
    expect(done.state).toBe('completed');
    expect(await itemOf()).toMatchObject({ state: 'succeeded', status: 'Created', tries: 2 });
  });

  it("pauses in the provider's words while its starter has no credential, and resumes when there is one", async () => {
    const store = openOperationStore(database, now);
    const { credentials, signedIn } = signedInCredentials();
    const created = await store.create(await plan(await boxRequest(1)));
    await startRunner(store, credentials);
    const paused = await vi.waitFor(
      async () => {
        const operation = await store.get(created.id);
        expect(operation?.state).toBe('paused');
        return operation;
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(paused?.stateReason).toBe(`Paused until ${admin.name} connects Box again`);
    signedIn.add('box');
    runner?.wake();
    expect((await finished(store, created.id)).state).toBe('completed');
  });

  it('gives a refused credential back and waits for a new one instead of failing the items', async () => {
    const store = openOperationStore(database, now);
    const { credentials, signedIn, refused } = signedInCredentials();
    signedIn.add('box');
    const expired = {
      ...credentials,
      async credential(provider: ProviderId): Promise<ActorCredential> {
        return refused.length === 0
          ? { kind: 'ok', authorization: 'Bearer expired-token' }
          : credentials.credential(provider, admin.id);
      },
    };
    const created = await store.create(await plan(await boxRequest(1)));
    await startRunner(store, expired);
    const done = await finished(store, created.id);
    expect(refused).toEqual(['box']);
    expect(done.state).toBe('completed');
    expect((await store.items(created.id, { afterIndex: -1, limit: 1 }))[0]?.tries).toBe(1);
  });

  it('walks a "select all" list past a failed page, waiting through its injected sleep', async () => {
    const store = openOperationStore(database, now);
    const { credentials, signedIn } = signedInCredentials();
    signedIn.add('zendesk');
    const zendesk = providerById('zendesk').client(sandbox.zendesk, AUTHORIZATION.zendesk);
    const organizations = await zendesk.get(
      '/organizations',
      z.looseObject({ organizations: z.array(z.looseObject({ id: z.int() })) }),
    );
    const organization = organizations.organizations[0];
    if (!organization) throw new Error('The tiny seed has no organization');
    const operation = await plan({
      kind: 'organization_memberships.destroy',
      memberships: { from: 'list', list_id: organization.id },
    });
    expect(operation.expanding).toBe(true);
    const created = await store.create(operation);
    await sandbox.setFaults('zendesk', {
      rules: [{ method: 'GET', path_contains: 'organization_memberships', status: 503, times: 1 }],
    });
    await startRunner(store, credentials);
    const done = await finished(store, created.id);
    expect(sleeps).toEqual([1000]);
    expect(done.state).toBe('completed');
    expect(done.counts.succeeded).toBeGreaterThan(0);
    const left = await zendesk.get(
      `/organizations/${organization.id}/organization_memberships`,
      z.looseObject({ organization_memberships: z.array(z.unknown()) }),
    );
    expect(left.organization_memberships).toEqual([]);
  });
});
