import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../contract/job-status.ts';
import type { Operation, RosterError } from '../../contract/roster-operations.ts';
import type { User } from '../../contract/user.ts';
import type { DemoIdentityKey } from '../sandbox/demo-identities.ts';
import { allStaff, getJson } from '../testing/api-helpers.ts';
import { cookieClient } from '../testing/cookie-client.ts';
import {
  planOperation,
  rosterCallerOf,
  rosterJson,
  startGroupAdd,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let staff: User[];
/** Every browser signed in so far, to sign a person out everywhere. */
const signedIn: { identity: DemoIdentityKey; client: ReturnType<typeof cookieClient> }[] = [];

async function signIn(identity: DemoIdentityKey) {
  const client = cookieClient(server.url);
  expect((await client.post('/roster/session/demo', { identity })).status).toBe(200);
  signedIn.push({ identity, client });
  return { client, roster: rosterCallerOf(client.request) };
}

async function signOutEverywhere(identity: DemoIdentityKey): Promise<void> {
  for (const browser of signedIn.filter((entry) => entry.identity === identity)) {
    expect((await browser.client.request('/roster/session', { method: 'DELETE' })).status).toBeLessThan(300);
  }
}

beforeAll(async () => {
  server = await startTestServer({
    SANDBOX_SEED_SCALE: 'demo',
    SANDBOX_IDENTITY: '',
    SANDBOX_JOB_ITEM_DELAY_MS: '2',
    // Roster's own budget is what is under test, not the sandbox's refusal.
    SANDBOX_MAX_ACTIVE_JOBS: '1000',
  });
  staff = await allStaff(server);
}, 60_000);
afterAll(() => server.close());

describe('operations of signed-in people', () => {
  it('keeps two people’s operations together within 30 jobs in flight', { timeout: 120_000 }, async () => {
    const ada = await signIn('admin');
    const grace = await signIn('groupManager');
    const first = await startGroupAdd(ada.roster, [360000041, 360000042], staff);
    const second = await startGroupAdd(grace.roster, [360000043, 360000044], staff);
    expect(first.actor.name).toBe('Ada Admin');
    expect(second.actor.name).toBe('Grace Groupmanager');
    let most = 0;
    const watching = (async () => {
      for (;;) {
        const jobs = (await getJson<{ job_statuses: JobStatus[] }>(server, '/job_statuses?page[size]=100'))
          .job_statuses;
        most = Math.max(
          most,
          jobs.filter((job) => job.status === 'queued' || job.status === 'working').length,
        );
        const [a, b] = await Promise.all([
          rosterJson<{ operation: Operation }>(await ada.roster(`/${first.id}`), 200),
          rosterJson<{ operation: Operation }>(await grace.roster(`/${second.id}`), 200),
        ]);
        if (a.operation.finished_at && b.operation.finished_at) return [a.operation, b.operation] as const;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const [a, b] = await watching;
    expect(a).toMatchObject({ state: 'completed', counts: { failed: 0 } });
    expect(b).toMatchObject({ state: 'completed', counts: { failed: 0 } });
    expect(a.jobs.total + b.jobs.total).toBeGreaterThan(30);
    expect(most).toBeLessThanOrEqual(30);
    // The budget is used, not merely respected by running one job at a time.
    expect(most).toBeGreaterThanOrEqual(20);
  });

  it('pauses when its starter signs out and resumes when she signs in again', {
    timeout: 90_000,
  }, async () => {
    const ada = await signIn('admin');
    const started = await startGroupAdd(ada.roster, [360000045, 360000046, 360000047], staff);
    await signOutEverywhere('admin');
    const observer = await signIn('agent');
    const paused = await waitForOperation(
      observer.roster,
      started.id,
      (operation) => operation.state === 'paused',
    );
    expect(paused.state_reason).toBe('Paused until Ada Admin signs in again');
    expect(paused.counts.pending).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const still = await rosterJson<{ operation: Operation }>(await observer.roster(`/${started.id}`), 200);
    expect(still.operation.state).toBe('paused');
    const again = await signIn('admin');
    const done = await waitForOperation(again.roster, started.id);
    expect(done).toMatchObject({
      state: 'completed',
      counts: { failed: 0, succeeded: started.counts.total },
    });
  });

  it('shows everyone’s operations to everyone but lets only the starter or an admin change them', async () => {
    const ada = await signIn('admin');
    const alan = await signIn('agent');
    const started = await startGroupAdd(ada.roster, [360000048], staff.slice(0, 500));
    const seen = await rosterJson<{ operation: Operation }>(await alan.roster(`/${started.id}`), 200);
    expect(seen.operation).toMatchObject({
      actor: { name: 'Ada Admin' },
      can: { cancel: false, undo: false },
    });
    const refused = await alan.roster(`/${started.id}/cancel`, { method: 'POST' });
    expect(await rosterJson<RosterError>(refused, 403)).toMatchObject({
      error: 'Forbidden',
      description: 'Only Ada Admin or an admin may change this operation',
    });
    const mine = await rosterJson<{ operations: Operation[] }>(await alan.roster('?who=mine'), 200);
    expect(mine.operations).toEqual([]);
    await waitForOperation(ada.roster, started.id);
  });

  it('answers 401 to a visitor who is not signed in', async () => {
    const anonymous = cookieClient(server.url);
    const response = await anonymous.request('/roster/operations');
    expect(await rosterJson<RosterError>(response, 401)).toMatchObject({ error: 'SignInRequired' });
  });

  it('refuses a plan reviewed by someone else', async () => {
    const ada = await signIn('admin');
    const grace = await signIn('groupManager');
    const plan = await planOperation(ada.roster, {
      kind: 'group_memberships.create',
      group_ids: [360000049],
      people: { user_ids: [staff[0]?.id ?? 0] },
    });
    const response = await grace.roster('', { method: 'POST', body: JSON.stringify({ plan_id: plan.id }) });
    expect(await rosterJson<RosterError>(response, 404)).toMatchObject({ error: 'PlanNotFound' });
  });
});
