import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../../contract/group.ts';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { JobStatus } from '../../../contract/job-status.ts';
import type { User } from '../../../contract/user.ts';
import {
  expectJson,
  getJson,
  type OffsetList,
  send,
  waitForJob,
  walkForward,
} from '../../testing/api-helpers.ts';
import { type SpawnedServer, spawnServer } from '../../testing/spawned-server.ts';
import { prepareDataDir } from '../../testing/test-server.ts';

const running: SpawnedServer[] = [];
let dataDir: string;

beforeAll(() => {
  // The tiny seed leaves 85 staff/group pairs free; one more group makes room for a hundred.
  dataDir = prepareDataDir((db) => {
    db.prepare(
      `INSERT INTO groups (name, description, created_at, updated_at)
       VALUES ('Restart Drill', 'Made for the restart test', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
    ).run();
  });
});
afterAll(async () => {
  for (const server of running) await server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<SpawnedServer> {
  const server = await spawnServer({
    DATA_DIR: dataDir,
    SANDBOX_SEED_SCALE: 'tiny',
    SANDBOX_JOB_ITEM_DELAY_MS: '30',
  });
  running.push(server);
  return server;
}

async function allMemberships(server: SpawnedServer): Promise<GroupMembership[]> {
  const pages = await walkForward<'group_memberships', GroupMembership>(
    server,
    'group_memberships',
    '/group_memberships?page[size]=100',
  );
  return pages.flatMap((page) => page.group_memberships);
}

describe('a bulk job across a crash', () => {
  it('resumes after SIGKILL and applies each of its 100 items exactly once', {
    timeout: 90_000,
  }, async () => {
    const first = await start();
    const staff = (await getJson<OffsetList<'users', User>>(first, '/users?role[]=agent&role[]=admin')).users;
    const groups = (await getJson<OffsetList<'groups', Group>>(first, '/groups')).groups;
    const taken = new Set((await allMemberships(first)).map((m) => `${m.user_id}:${m.group_id}`));
    const pairs = staff
      .flatMap((user) => groups.map((group) => ({ user_id: user.id, group_id: group.id })))
      .filter((pair) => !taken.has(`${pair.user_id}:${pair.group_id}`))
      .slice(0, 100);
    expect(pairs).toHaveLength(100);

    const response = await send(first, 'POST', '/group_memberships/create_many', {
      group_memberships: pairs,
    });
    const { job_status: queued } = await expectJson<{ job_status: JobStatus }>(response, 200);
    const midway = await waitForJob(first, queued.id, (job) => (job.progress ?? 0) >= 10);
    expect(midway.status).toBe('working');
    await first.kill('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await start();
    const resumed = await getJson<{ job_status: JobStatus }>(second, `/job_statuses/${queued.id}`);
    expect(resumed.job_status.progress).toBeGreaterThanOrEqual(midway.progress as number);
    expect(resumed.job_status.progress).toBeLessThan(100);

    const done = await waitForJob(second, queued.id, undefined, 60_000);
    expect(done).toMatchObject({ status: 'completed', total: 100, progress: 100 });
    expect(done.results).toHaveLength(100);
    done.results?.forEach((result, index) => {
      expect(result).toEqual({
        index,
        action: 'create',
        id: expect.any(Number),
        status: 'Created',
        success: true,
      });
    });

    const memberships = await allMemberships(second);
    for (const [index, pair] of pairs.entries()) {
      const matching = memberships.filter((m) => m.user_id === pair.user_id && m.group_id === pair.group_id);
      expect(matching.map((m) => m.id)).toEqual([done.results?.[index]?.id]);
    }
    expect(new Set(memberships.map((m) => m.id)).size).toBe(memberships.length);
    await second.kill('SIGTERM');
  });
});
