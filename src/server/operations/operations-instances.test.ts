import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { JobStatus } from '../../contract/job-status.ts';
import type { Operation } from '../../contract/roster-operations.ts';
import type { User } from '../../contract/user.ts';
import { BOX_DEMO_IDENTITIES } from '../sandbox/box/box-demo-identities.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES, type DemoIdentityKey } from '../sandbox/demo-identities.ts';
import { allStaff, getJson, walkForward } from '../testing/api-helpers.ts';
import { cookieClient } from '../testing/cookie-client.ts';
import { operationStatesFromStream } from '../testing/operation-event-stream.ts';
import {
  getOperation,
  type RosterCall,
  rosterCallerOf,
  startGroupAdd,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server.ts';
import { makeDataDir, startTestServer, type TestServer } from '../testing/test-server.ts';
import {
  createTestDatabase,
  onPostgres,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../testing/test-stores.ts';

/**
 * Two Roster instances on one PostgreSQL database, as behind a load balancer. Both are configured
 * as for a real Zendesk and Box whose "Zendesk" and "Box" are a third server's sandboxes, so
 * killing an instance leaves the upstream running, as a real account would.
 */
describe.skipIf(!TEST_DATABASE_URL)(onPostgres('several Roster instances on one PostgreSQL database'), () => {
  let upstream: TestServer;
  let database: TestDatabase;
  let a: SpawnedServer;
  let b: SpawnedServer;
  let staff: User[];
  const dataDirs: string[] = [];

  async function instance(environment: Record<string, string> = {}): Promise<SpawnedServer> {
    const dataDir = makeDataDir();
    dataDirs.push(dataDir);
    return spawnServer({
      ...environment,
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SESSION_SECRET: 'one secret that every instance shares, 32+ characters',
      ZENDESK_URL: `${upstream.url}/sandbox`,
      BOX_API_URL: `${upstream.url}/sandbox/box`,
      BOX_DEVELOPER_TOKEN: BOX_DEMO_IDENTITIES.admin.token,
      LOG_REQUESTS: 'false',
    });
  }

  /** A browser signed in on `on` as a demo identity, with its API token. */
  async function signIn(on: SpawnedServer, identity: DemoIdentityKey) {
    const client = cookieClient(on.url);
    const answer = await client.post('/roster/session/api-token', {
      email: DEMO_IDENTITIES[identity].email,
      token: DEMO_API_TOKEN,
    });
    expect(answer.status).toBe(200);
    return client;
  }

  /** The same browser's cookie sent to another instance (a load balancer choosing differently). */
  function sameBrowserOn(client: ReturnType<typeof cookieClient>, on: SpawnedServer) {
    const moved = cookieClient(on.url);
    for (const [name, value] of client.jar) moved.jar.set(name, value);
    return moved;
  }

  const rosterOf = (client: ReturnType<typeof cookieClient>): RosterCall => rosterCallerOf(client.request);

  async function members(groupId: number): Promise<GroupMembership[]> {
    const pages = await walkForward<'group_memberships', GroupMembership>(
      upstream,
      'group_memberships',
      `/groups/${groupId}/memberships?page[size]=100`,
    );
    return pages.flatMap((page) => page.group_memberships);
  }

  /** Agents in none of `groupIds`, so adding them to each is exactly `count × groupIds.length` items. */
  async function outsiders(groupIds: number[], count: number): Promise<User[]> {
    const inside = new Set<number>();
    for (const groupId of groupIds) for (const m of await members(groupId)) inside.add(m.user_id);
    const found = staff.filter((user) => !inside.has(user.id)).slice(0, count);
    expect(found).toHaveLength(count);
    return found;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    upstream = await startTestServer({
      SANDBOX_SEED_SCALE: 'demo',
      SANDBOX_JOB_ITEM_DELAY_MS: '1',
      // Roster's own budget is under test, not the sandbox's refusal.
      SANDBOX_MAX_ACTIVE_JOBS: '1000',
    });
    [a, b] = await Promise.all([instance(), instance()]);
    staff = await allStaff(upstream);
  }, 120_000);
  afterAll(async () => {
    await a?.kill('SIGKILL');
    await b?.kill('SIGKILL');
    await upstream?.close();
    await database?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('knows a session signed in through one instance on every other, and ends it everywhere', async () => {
    const onA = await signIn(a, 'admin');
    const onB = sameBrowserOn(onA, b);
    const session = await (await onB.request('/roster/session')).json();
    expect(session).toMatchObject({ signedIn: true, user: { email: 'admin@roster.example' } });
    const me = await onB.request('/api/v2/users/me');
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe('admin@roster.example');
    expect((await onB.request('/roster/session', { method: 'DELETE' })).status).toBe(204);
    const after = await (await sameBrowserOn(onA, a).request('/roster/session')).json();
    expect(after.signedIn).toBe(false);
  });

  it('sends the events of an operation started on one instance to a browser connected to another', async () => {
    const onA = await signIn(a, 'admin');
    const onB = sameBrowserOn(onA, b);
    const stream = await onB.request('/roster/operations/events');
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const groupId = 360000031;
    const started = await startGroupAdd(rosterOf(onA), [groupId], await outsiders([groupId], 150));
    const states = await operationStatesFromStream(stream, started.id);
    expect(states[0]).toMatch(/queued|running/);
    expect(states.at(-1)).toBe('completed');
  });

  it('keeps two people’s operations on two instances within 30 jobs in flight together', {
    timeout: 120_000,
  }, async () => {
    const ada = rosterOf(await signIn(a, 'admin'));
    const grace = rosterOf(await signIn(b, 'groupManager'));
    const first = await startGroupAdd(ada, [360000041, 360000042], staff);
    const second = await startGroupAdd(grace, [360000043, 360000044], staff);
    let most = 0;
    for (;;) {
      const jobs = (await getJson<{ job_statuses: JobStatus[] }>(upstream, '/job_statuses?page[size]=100'))
        .job_statuses;
      most = Math.max(most, jobs.filter((job) => job.status === 'queued' || job.status === 'working').length);
      const [x, y] = await Promise.all([getOperation(ada, first.id), getOperation(grace, second.id)]);
      if (x.finished_at && y.finished_at) {
        expect(x).toMatchObject({ state: 'completed', counts: { failed: 0 } });
        expect(y).toMatchObject({ state: 'completed', counts: { failed: 0 } });
        expect(x.jobs.total + y.jobs.total).toBeGreaterThan(30);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(most).toBeLessThanOrEqual(30);
    // The budget is used, not merely respected by running one job at a time.
    expect(most).toBeGreaterThanOrEqual(20);
  });

  it('finishes a 2,000-item operation on the other instance when the one running it is killed', {
    timeout: 120_000,
  }, async () => {
    // A pair with a small budget, so the instance killed leaves jobs running at Zendesk and items
    // it had not sent yet: the other must poll the first and send the rest.
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
    [a, b] = await Promise.all([
      instance({ OPERATIONS_MAX_JOBS: '5' }),
      instance({ OPERATIONS_MAX_JOBS: '5' }),
    ]);
    const groups = [360000051, 360000053];
    const agents = await outsiders(groups, 1000);
    const onA = await signIn(a, 'admin');
    const started = await startGroupAdd(rosterOf(onA), groups, agents);
    expect(started.counts.total).toBe(2000);
    const onB = rosterOf(sameBrowserOn(onA, b));
    const before = await waitForOperation(onB, started.id, (op: Operation) => op.done >= 500, 60_000);
    expect(before.counts.pending).toBeGreaterThan(0);
    const killedAt = Date.now();
    await a.kill('SIGKILL');

    const takeover = new RegExp(`Took over operation ${started.id} from instance`);
    while (!takeover.test(b.output())) {
      expect(Date.now() - killedAt).toBeLessThan(15_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const takeoverMs = Date.now() - killedAt;
    const done = await waitForOperation(onB, started.id, undefined, 90_000);
    console.log(
      `Takeover after kill -9: ${(takeoverMs / 1000).toFixed(1)} s; finished ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`,
    );
    expect(done).toMatchObject({ state: 'completed', counts: { total: 2000, succeeded: 2000, failed: 0 } });
    for (const groupId of groups) {
      const added = (await members(groupId)).filter((m) => agents.some((agent) => agent.id === m.user_id));
      expect(added).toHaveLength(1000);
      expect(new Set(added.map((m) => m.user_id)).size).toBe(1000);
    }
  });
});
