import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../../contract/group.ts';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { JobResult, JobStatus } from '../../../contract/job-status.ts';
import type { Organization } from '../../../contract/organization.ts';
import { toZendeskTimestamp } from '../../../contract/timestamp.ts';
import type { User } from '../../../contract/user.ts';
import {
  type CursorList,
  expectError,
  expectErrorList,
  expectJson,
  getJson,
  type OffsetList,
  RECORD_NOT_FOUND,
  send,
  waitForJob,
  walkForward,
} from '../../testing/api-helpers.ts';
import { addCrowd } from '../../testing/crowd.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Pair = { user_id: number; group_id: number };

const COMPLETED_MESSAGE = /^Completed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000$/;
const EXPIRED_JOB = 'expiredjob0000000000000000000000';
const RECENT_JOB = 'recentjob00000000000000000000000';
const TOO_MANY_VALUES = { error: 'TooManyValues', description: expect.any(String) };

let server: TestServer;
let staff: User[];
let groups: Group[];
let endUser: User;

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      prepareDatabase: (db) => {
        // Thirty extra agents in one group each: room for a hundred new staff/group pairs.
        addCrowd(db, 30);
        // Finished jobs from two days and from 23 hours ago: only the second is still readable.
        const insertJob = db.prepare(
          `INSERT INTO job_statuses (id, job_type, kind, status, total, progress, message, payload, requested_by,
             created_at, updated_at)
           VALUES (?, 'Bulk Delete Group Memberships', 'group_memberships.destroy_many', 'completed', 1, 1,
             'Completed at 2024-01-01 00:00:00 +0000', '[400999999]', 380000001, ?, ?)`,
        );
        for (const [id, hoursAgo] of [
          [EXPIRED_JOB, 48],
          [RECENT_JOB, 23],
        ] as const) {
          const at = toZendeskTimestamp(new Date(Date.now() - hoursAgo * 3_600_000));
          insertJob.run(id, at, at);
        }
      },
    },
  );
  staff = (await getJson<OffsetList<'users', User>>(server, '/users?role[]=agent&role[]=admin')).users;
  groups = (await getJson<OffsetList<'groups', Group>>(server, '/groups')).groups;
  endUser = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
});
afterAll(() => server.close());

async function freePairs(count: number): Promise<Pair[]> {
  const memberships = await walkForward<'group_memberships', GroupMembership>(
    server,
    'group_memberships',
    '/group_memberships?page[size]=100',
  );
  const taken = new Set(
    memberships.flatMap((page) => page.group_memberships).map((m) => `${m.user_id}:${m.group_id}`),
  );
  const pairs: Pair[] = [];
  for (const user of staff) {
    for (const group of groups) {
      if (!taken.has(`${user.id}:${group.id}`) && pairs.length < count)
        pairs.push({ user_id: user.id, group_id: group.id });
    }
  }
  expect(pairs).toHaveLength(count);
  return pairs;
}

async function submit(path: string, body?: unknown): Promise<JobStatus> {
  const response = await send(server, body === undefined ? 'DELETE' : 'POST', path, body);
  return (await expectJson<{ job_status: JobStatus }>(response, 200)).job_status;
}

describe('bulk jobs', () => {
  it('creates 100 group memberships in one job with one Created result per item, in order', async () => {
    const pairs = await freePairs(100);
    const queued = await submit('/group_memberships/create_many', { group_memberships: pairs });
    expect(queued).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9]+$/),
      job_type: expect.any(String),
      status: 'queued',
      total: 100,
      progress: null,
      message: null,
      results: null,
    });

    const done = await waitForJob(server, queued.id);
    expect(done).toMatchObject({ status: 'completed', total: 100, progress: 100 });
    expect(done.message).toMatch(COMPLETED_MESSAGE);
    const results = done.results as JobResult[];
    expect(results).toHaveLength(100);
    results.forEach((result, index) => {
      expect(result).toEqual({
        index,
        action: 'create',
        id: expect.any(Number),
        status: 'Created',
        success: true,
      });
    });
    for (const [index, pair] of pairs.entries()) {
      const { group_membership: membership } = await getJson<{ group_membership: GroupMembership }>(
        server,
        `/group_memberships/${results[index]?.id}`,
      );
      expect(membership).toMatchObject(pair);
    }
  });

  it('reports each failed item with error and details, and still creates the good ones', async () => {
    const [good] = await freePairs(1);
    const member = (
      await getJson<OffsetList<'group_memberships', GroupMembership>>(server, '/group_memberships?per_page=1')
    ).group_memberships[0] as GroupMembership;
    const items = [
      { user_id: 380999999, group_id: (groups[0] as Group).id },
      { user_id: (staff[0] as User).id, group_id: 360999999 },
      { user_id: endUser.id, group_id: (groups[0] as Group).id },
      { user_id: member.user_id, group_id: member.group_id },
      good,
    ];
    const queued = await submit('/group_memberships/create_many.json', { group_memberships: items });
    const done = await waitForJob(server, queued.id);
    expect(done.status).toBe('completed');
    const results = done.results as JobResult[];
    const failure = (index: number, error: string) => ({
      index,
      action: 'create',
      success: false,
      status: 'Failed',
      error,
      details: expect.any(String),
    });
    expect(results.slice(0, 3)).toEqual([
      failure(0, 'InvalidValue'),
      failure(1, 'InvalidValue'),
      failure(2, 'InvalidValue'),
    ]);
    expect(results[0]?.details).toContain('380999999');
    expect(results[1]?.details).toContain('360999999');
    expect(results[2]?.details).toMatch(/end user/);
    // A duplicate names the membership that already exists.
    expect(results[3]).toEqual({ ...failure(3, 'DuplicateValue'), id: member.id });
    expect(results[4]).toEqual({
      index: 4,
      action: 'create',
      id: expect.any(Number),
      status: 'Created',
      success: true,
    });
  });

  it('reports unknown ids in destroy_many as RecordNotFound and deletes the known ones', async () => {
    const [pair] = await freePairs(1);
    const created = await send(server, 'POST', '/group_memberships', { group_membership: pair });
    const { group_membership: membership } = await expectJson<{ group_membership: GroupMembership }>(
      created,
      201,
    );
    const queued = await submit(`/group_memberships/destroy_many?ids=400999999,${membership.id}`);
    const done = await waitForJob(server, queued.id);
    expect(done.results).toEqual([
      {
        index: 0,
        action: 'delete',
        id: 400999999,
        success: false,
        status: 'Failed',
        error: 'RecordNotFound',
        details: expect.any(String),
      },
      { index: 1, action: 'delete', id: membership.id, status: 'Deleted', success: true },
    ]);
    expect(await expectError(await server.api(`/group_memberships/${membership.id}`), 404)).toEqual(
      RECORD_NOT_FOUND,
    );
  });

  it('creates organization memberships in bulk, reporting duplicates', async () => {
    const organizations = (await getJson<OffsetList<'organizations', Organization>>(server, '/organizations'))
      .organizations;
    const current = new Set(
      (
        await getJson<OffsetList<'organization_memberships', { organization_id: number }>>(
          server,
          `/users/${endUser.id}/organization_memberships`,
        )
      ).organization_memberships.map((m) => m.organization_id),
    );
    const fresh = organizations.find((o) => !current.has(o.id)) as Organization;
    const existing = [...current][0] as number;
    const queued = await submit('/organization_memberships/create_many', {
      organization_memberships: [
        { user_id: endUser.id, organization_id: fresh.id },
        { user_id: endUser.id, organization_id: existing },
      ],
    });
    const done = await waitForJob(server, queued.id);
    expect(done.results?.map((r) => [r.status, r.error])).toEqual([
      ['Created', undefined],
      ['Failed', 'DuplicateValue'],
    ]);
  });

  it('refuses more than 100 items or ids with 400 TooManyValues and queues nothing', async () => {
    const before = await getJson<CursorList<'job_statuses', JobStatus>>(server, '/job_statuses?page[size]=1');
    const items = Array.from({ length: 101 }, (_, index) => ({
      user_id: 380000001 + index,
      group_id: 360000001,
    }));
    const createMany = await send(server, 'POST', '/group_memberships/create_many', {
      group_memberships: items,
    });
    expect(await expectError(createMany, 400)).toEqual(TOO_MANY_VALUES);
    const organizationItems = items.map((item) => ({ user_id: item.user_id, organization_id: 370000001 }));
    const orgMany = await send(server, 'POST', '/organization_memberships/create_many', {
      organization_memberships: organizationItems,
    });
    expect(await expectError(orgMany, 400)).toEqual(TOO_MANY_VALUES);
    const ids = Array.from({ length: 101 }, (_, index) => 400000001 + index).join(',');
    for (const path of ['/group_memberships/destroy_many', '/organization_memberships/destroy_many']) {
      expect(await expectError(await send(server, 'DELETE', `${path}?ids=${ids}`), 400)).toEqual(
        TOO_MANY_VALUES,
      );
    }
    const after = await getJson<CursorList<'job_statuses', JobStatus>>(server, '/job_statuses?page[size]=1');
    expect(after.job_statuses[0]?.id).toBe(before.job_statuses[0]?.id);
  });

  it('refuses an empty or invalid item list with a 4xx and queues nothing', async () => {
    const empty = await send(server, 'POST', '/group_memberships/create_many', { group_memberships: [] });
    expect((await expectError(empty, 400)).error).toBe('InvalidValue');
    const missing = await send(server, 'POST', '/group_memberships/create_many', { group_membership: [] });
    expect((await expectError(missing, 400)).error).toBe('ParameterMissing');
    const bad = await send(server, 'POST', '/group_memberships/create_many', {
      group_memberships: [{ user_id: 380000001, group_id: 360000001 }, { user_id: 'x' }],
    });
    const error = await expectError(bad, 422);
    expect(Object.keys(error.details ?? {})).toEqual(
      expect.arrayContaining(['group_memberships[1].user_id', 'group_memberships[1].group_id']),
    );
  });
});

describe('job statuses', () => {
  it('lists jobs newest first with cursor pagination only', async () => {
    const submitted = [];
    for (let index = 0; index < 3; index++) {
      submitted.push((await submit(`/group_memberships/destroy_many?ids=${400999990 + index}`)).id);
    }
    const pages = await walkForward<'job_statuses', JobStatus>(
      server,
      'job_statuses',
      '/job_statuses.json?page[size]=2',
    );
    const listed = pages.flatMap((page) => page.job_statuses.map((job) => job.id));
    expect(listed.slice(0, 3)).toEqual([...submitted].reverse());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBeGreaterThan(5);

    const plain = await getJson<CursorList<'job_statuses', JobStatus>>(server, '/job_statuses');
    expect(plain.meta).toBeDefined();
    expect(plain).not.toHaveProperty('count');
    await expectErrorList(await server.api('/job_statuses?page=2'), 400);
    await expectErrorList(await server.api('/job_statuses?per_page=2'), 400);
  });

  it('shows one job by id and many by ids, and answers an unknown id with 404', async () => {
    const a = await submit('/group_memberships/destroy_many?ids=400999980');
    const b = await submit('/organization_memberships/destroy_many?ids=500999980');
    const shown = await waitForJob(server, a.id);
    expect(shown).toMatchObject({ id: a.id, url: `${server.apiUrl}/job_statuses/${a.id}.json`, total: 1 });
    await waitForJob(server, b.id);
    const many = await getJson<{ job_statuses: JobStatus[] }>(
      server,
      `/job_statuses/show_many.json?ids=${a.id},${b.id}`,
    );
    expect(many.job_statuses.map((job) => job.id).sort()).toEqual([a.id, b.id].sort());
    expect(many.job_statuses.every((job) => job.status === 'completed')).toBe(true);
    expect(await expectError(await server.api('/job_statuses/ffffffffffffffff'), 404)).toEqual(
      RECORD_NOT_FOUND,
    );
    expect((await expectError(await server.api('/job_statuses/show_many?ids=a,b-c'), 400)).error).toBe(
      'InvalidValue',
    );
  });
});

describe('job status lifetime', () => {
  it('keeps job statuses readable for one day after creation', async () => {
    const recent = await getJson<{ job_status: JobStatus }>(server, `/job_statuses/${RECENT_JOB}`);
    expect(recent.job_status).toMatchObject({ id: RECENT_JOB, status: 'completed' });
    expect(await expectError(await server.api(`/job_statuses/${EXPIRED_JOB}`), 404)).toEqual(
      RECORD_NOT_FOUND,
    );
    const many = await getJson<{ job_statuses: JobStatus[] }>(
      server,
      `/job_statuses/show_many?ids=${EXPIRED_JOB},${RECENT_JOB}`,
    );
    expect(many.job_statuses.map((job) => job.id)).toEqual([RECENT_JOB]);
    const pages = await walkForward<'job_statuses', JobStatus>(
      server,
      'job_statuses',
      '/job_statuses?page[size]=100',
    );
    const listed = pages.flatMap((page) => page.job_statuses.map((job) => job.id));
    expect(listed).toContain(RECENT_JOB);
    expect(listed).not.toContain(EXPIRED_JOB);
  });
});

describe('active job limit', () => {
  it('answers the 31st queued or working job with 429 TooManyJobs and Retry-After', async () => {
    const slow = await startTestServer({ SANDBOX_JOB_ITEM_DELAY_MS: '1000' });
    try {
      // Five one-second items per job: the first is still running when the thirty-first arrives.
      const accepted: JobStatus[] = [];
      for (let index = 0; index < 30; index++) {
        const ids = [1, 2, 3, 4, 5].map((item) => 400990000 + index * 10 + item).join(',');
        const response = await send(slow, 'DELETE', `/group_memberships/destroy_many?ids=${ids}`);
        accepted.push((await expectJson<{ job_status: JobStatus }>(response, 200)).job_status);
      }
      const refused = await send(slow, 'DELETE', '/group_memberships/destroy_many?ids=400999999');
      expect(await expectError(refused, 429)).toEqual({
        error: 'TooManyJobs',
        description: expect.any(String),
      });
      // A slot frees when the oldest job ends, within its five remaining seconds.
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(5);
      const orgRefused = await send(slow, 'POST', '/organization_memberships/create_many', {
        organization_memberships: [{ user_id: 380000004, organization_id: 370000003 }],
      });
      expect((await expectError(orgRefused, 429)).error).toBe('TooManyJobs');

      // The first job is working through its items; the rest wait. Neither has results yet.
      const working = await waitForJob(
        slow,
        (accepted[0] as JobStatus).id,
        (job) => job.status === 'working',
      );
      expect(working).toMatchObject({ total: 5, results: null, message: null });
      expect(working.progress).toBeLessThan(5);
      const waiting = await getJson<{ job_status: JobStatus }>(slow, `/job_statuses/${accepted[29]?.id}`);
      expect(waiting.job_status).toMatchObject({ status: 'queued', progress: null, results: null });
    } finally {
      await slow.close();
    }
  });

  it('frees a slot when a job finishes (SANDBOX_MAX_ACTIVE_JOBS=2)', async () => {
    const small = await startTestServer({ SANDBOX_JOB_ITEM_DELAY_MS: '200', SANDBOX_MAX_ACTIVE_JOBS: '2' });
    try {
      const first = await send(
        small,
        'DELETE',
        '/group_memberships/destroy_many?ids=400999901,400999911,400999921',
      );
      const { job_status: job } = await expectJson<{ job_status: JobStatus }>(first, 200);
      expect((await send(small, 'DELETE', '/group_memberships/destroy_many?ids=400999902')).status).toBe(200);
      const third = await send(small, 'DELETE', '/group_memberships/destroy_many?ids=400999903');
      expect((await expectError(third, 429)).error).toBe('TooManyJobs');
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      await waitForJob(small, job.id);
      expect((await send(small, 'DELETE', '/group_memberships/destroy_many?ids=400999904')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
