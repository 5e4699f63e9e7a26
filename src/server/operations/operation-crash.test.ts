import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { User } from '../../contract/user.ts';
import { walkForward } from '../testing/api-helpers.ts';
import {
  getOperation,
  planOperation,
  rosterCaller,
  startPlan,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server.ts';
import { makeDataDir } from '../testing/test-server.ts';

const TRUST_AND_SAFETY = 360000021;
const dataDir = makeDataDir();
const running: SpawnedServer[] = [];

afterAll(async () => {
  for (const server of running) await server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<SpawnedServer> {
  const server = await spawnServer({
    DATA_DIR: dataDir,
    SANDBOX_SEED_SCALE: 'demo',
    SANDBOX_IDENTITY: 'admin',
    SANDBOX_JOB_ITEM_DELAY_MS: '4',
    SANDBOX_RATE_LIMIT: '100000',
    LOG_REQUESTS: 'false',
  });
  running.push(server);
  return server;
}

async function members(server: SpawnedServer): Promise<GroupMembership[]> {
  const pages = await walkForward<'group_memberships', GroupMembership>(
    server,
    'group_memberships',
    `/groups/${TRUST_AND_SAFETY}/memberships?page[size]=100`,
  );
  return pages.flatMap((page) => page.group_memberships);
}

describe('an operation across crashes of the server', () => {
  it('survives three kill -9s at different moments with every one of 1,000 adds applied exactly once', {
    timeout: 180_000,
  }, async () => {
    let server = await start();
    const before = new Set((await members(server)).map((m) => m.user_id));
    const staff = (
      await walkForward<'users', User>(server, 'users', '/users?role[]=agent&role[]=admin&page[size]=100')
    ).flatMap((page) => page.users);
    const agents = staff.filter((user) => !before.has(user.id)).slice(0, 1000);
    expect(agents).toHaveLength(1000);
    const roster = () => rosterCaller(server.url);
    const plan = await planOperation(roster(), {
      kind: 'group_memberships.create',
      group_ids: [TRUST_AND_SAFETY],
      people: { user_ids: agents.map((agent) => agent.id) },
    });
    const { id } = await startPlan(roster(), plan);

    // 1: while the first chunks are being sent; 2: with jobs running; 3: once a good part is done.
    const moments = [
      () => new Promise((resolve) => setTimeout(resolve, 30)),
      () =>
        waitForOperation(
          roster(),
          id,
          (operation) => operation.counts.succeeded > 0 || operation.done > 150,
          60_000,
        ),
      () => waitForOperation(roster(), id, (operation) => operation.counts.succeeded >= 500, 60_000),
    ];
    for (const moment of moments) {
      await moment();
      await server.kill('SIGKILL');
      server = await start();
    }
    const done = await waitForOperation(roster(), id, undefined, 120_000);
    expect(done).toMatchObject({ state: 'completed', counts: { total: 1000, succeeded: 1000, failed: 0 } });

    const after = await members(server);
    const added = after.filter((m) => !before.has(m.user_id));
    expect(added).toHaveLength(1000);
    expect(new Set(added.map((m) => m.user_id)).size).toBe(1000);
    expect(new Set(added.map((m) => m.user_id))).toEqual(new Set(agents.map((agent) => agent.id)));
    expect((await getOperation(roster(), id)).jobs.total).toBeGreaterThanOrEqual(10);
  });
});
