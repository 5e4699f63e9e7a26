import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../contract/group.ts';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { JobStatus } from '../../contract/job-status.ts';
import type { Organization } from '../../contract/organization.ts';
import type { OrganizationMembership } from '../../contract/organization-membership.ts';
import type { User } from '../../contract/user.ts';
import { getJson, type OffsetList } from '../testing/api-helpers.ts';
import { addCrowd } from '../testing/crowd.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES } from './demo-identities.ts';

/**
 * node-zendesk@6, a Zendesk client we did not write, against the sandbox: every membership and job
 * status method it offers. It is CommonJS whose exports Node cannot name statically, hence require.
 */
const require = createRequire(import.meta.url);
const zendesk = require('node-zendesk') as typeof import('node-zendesk');

type Client = ReturnType<typeof zendesk.createClient>;
/** What its single-record methods resolve with (its typings promise less precise shapes). */
type Answer<Result> = { response: { status: number }; result: Result };
type ClientError = Error & { statusCode?: number; result?: unknown };

let server: TestServer;
let client: Client;
let strictClient: Client;
let admin: User;
let staff: User[];
let endUsers: User[];
let groups: Group[];
let organizations: Organization[];

function clientFor(options: { throwOriginalException?: boolean } = {}): Client {
  return zendesk.createClient({
    username: DEMO_IDENTITIES.admin.email,
    token: DEMO_API_TOKEN,
    endpointUri: server.apiUrl,
    ...options,
  });
}

/** The client's typings describe its promises loosely; the tests state what they resolve with. */
async function answer<Result>(call: Promise<unknown>): Promise<Answer<Result>> {
  return (await call) as Answer<Result>;
}

async function list<Item>(call: Promise<unknown>): Promise<Item[]> {
  const items = (await call) as Item[];
  expect(Array.isArray(items)).toBe(true);
  return items;
}

async function rejection(call: Promise<unknown>): Promise<ClientError> {
  try {
    await call;
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected the client to throw');
}

async function apiList<Item>(key: string, path: string): Promise<{ items: Item[]; count: number }> {
  const body = await getJson<OffsetList<string, Item>>(server, path);
  return { items: body[key] as Item[], count: body.count };
}

function ids(items: { id: number }[]): number[] {
  return items.map((item) => item.id).sort((a, b) => a - b);
}

async function groupMembershipsOf(userId: number): Promise<GroupMembership[]> {
  return (await apiList<GroupMembership>('group_memberships', `/users/${userId}/group_memberships`)).items;
}

async function organizationMembershipsOf(userId: number): Promise<OrganizationMembership[]> {
  return (
    await apiList<OrganizationMembership>(
      'organization_memberships',
      `/users/${userId}/organization_memberships`,
    )
  ).items;
}

/** Staff/group pairs that are not memberships yet, a different one on each call. */
const handedOut = new Set<string>();
async function freeGroupPairs(count: number): Promise<{ user_id: number; group_id: number }[]> {
  const pairs = [];
  for (const user of staff) {
    const mine = new Set((await groupMembershipsOf(user.id)).map((m) => m.group_id));
    for (const group of groups) {
      const key = `${user.id}:${group.id}`;
      if (mine.has(group.id) || handedOut.has(key)) continue;
      handedOut.add(key);
      pairs.push({ user_id: user.id, group_id: group.id });
      if (pairs.length === count) return pairs;
    }
  }
  throw new Error('not enough free pairs');
}

/** An end user with no organization memberships, made so through the API. */
let nextEndUser = 0;
async function bareEndUser(): Promise<User> {
  const user = endUsers[nextEndUser++] as User;
  for (const membership of await organizationMembershipsOf(user.id)) {
    expect(
      (await server.api(`/organization_memberships/${membership.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
  }
  return user;
}

beforeAll(async () => {
  // 150 more agents in every group and 150 more customers: the client's list walks need a second page.
  server = await startTestServer({}, { prepareDatabase: (db) => addCrowd(db, 150, 5) });
  client = clientFor();
  strictClient = clientFor({ throwOriginalException: true });
  admin = (await getJson<{ user: User }>(server, '/users/me')).user;
  staff = (await getJson<OffsetList<'users', User>>(server, '/users?role[]=agent&role[]=admin')).users;
  endUsers = (await getJson<OffsetList<'users', User>>(server, '/users?role=end-user')).users.filter(
    (u) => u.email !== DEMO_IDENTITIES.endUser.email,
  );
  groups = (await getJson<OffsetList<'groups', Group>>(server, '/groups')).groups;
  organizations = (await getJson<OffsetList<'organizations', Organization>>(server, '/organizations'))
    .organizations;
});
afterAll(() => server.close());

describe('node-zendesk groupmemberships', () => {
  it('list() follows the cursor links to the end and returns every membership once', async () => {
    const { count } = await apiList<GroupMembership>('group_memberships', '/group_memberships?per_page=1');
    expect(count).toBeGreaterThan(100);
    const all = await list<GroupMembership>(client.groupmemberships.list());
    expect(all).toHaveLength(count);
    expect(new Set(all.map((m) => m.id)).size).toBe(count);
  });

  it('listByUser(), listByGroup(), listAssignable() and listAssignableByGroup() match the API', async () => {
    const byUser = await list<GroupMembership>(client.groupmemberships.listByUser(admin.id));
    expect(ids(byUser)).toEqual(ids(await groupMembershipsOf(admin.id)));

    const group = groups[0] as Group;
    const byGroup = await list<GroupMembership>(client.groupmemberships.listByGroup(group.id));
    const expectedByGroup = await apiList<GroupMembership>(
      'group_memberships',
      `/groups/${group.id}/memberships`,
    );
    expect(byGroup.length).toBeGreaterThan(100);
    expect(byGroup).toHaveLength(expectedByGroup.count);
    expect(byGroup.every((m) => m.group_id === group.id)).toBe(true);

    const assignable = await list<GroupMembership>(client.groupmemberships.listAssignable());
    const { count } = await apiList<GroupMembership>(
      'group_memberships',
      '/group_memberships/assignable?per_page=1',
    );
    expect(assignable).toHaveLength(count);

    const assignableByGroup = await list<GroupMembership>(
      client.groupmemberships.listAssignableByGroup(group.id),
    );
    expect(ids(assignableByGroup)).toEqual(ids(byGroup));
  });

  it('show() and showByUser() resolve with the membership', async () => {
    const membership = (await groupMembershipsOf(admin.id))[0] as GroupMembership;
    const shown = await answer<GroupMembership>(client.groupmemberships.show(membership.id));
    expect(shown.result).toEqual(membership);
    const byUser = await answer<GroupMembership>(client.groupmemberships.showByUser(admin.id, membership.id));
    expect(byUser.result).toEqual(membership);
  });

  it('create() and createByUser() add memberships', async () => {
    const [first, second] = (await freeGroupPairs(2)) as [
      { user_id: number; group_id: number },
      { user_id: number; group_id: number },
    ];
    const created = await answer<GroupMembership>(
      client.groupmemberships.create({ group_membership: first }),
    );
    expect(created.response.status).toBe(201);
    expect(created.result).toMatchObject(first);
    const byUser = await answer<GroupMembership>(
      client.groupmemberships.createByUser(second.user_id, {
        group_membership: { group_id: second.group_id },
      }),
    );
    expect(byUser.result).toMatchObject(second);
  });

  it('create() takes the bare membership of node-zendesk’s own documentation example, with default', async () => {
    const [pair] = (await freeGroupPairs(1)) as [{ user_id: number; group_id: number }];
    // The client's typings ask for the envelope; its documented example sends the fields alone.
    const bare = { ...pair, default: true } as unknown as Parameters<Client['groupmemberships']['create']>[0];
    const created = await answer<GroupMembership>(client.groupmemberships.create(bare));
    expect(created.response.status).toBe(201);
    expect(created.result).toMatchObject({ ...pair, default: true });
  });

  it('delete() and deleteByUser() resolve with the No Content result and remove the membership', async () => {
    const pairs = await freeGroupPairs(2);
    const made = [];
    for (const pair of pairs) {
      made.push(
        (await answer<GroupMembership>(client.groupmemberships.create({ group_membership: pair }))).result,
      );
    }
    const [a, b] = made as [GroupMembership, GroupMembership];
    const deleted = await answer<ClientError>(client.groupmemberships.delete(a.id));
    expect(deleted.result).toBeInstanceOf(Error);
    expect(deleted.result).toMatchObject({ message: 'No Content', statusCode: 204 });
    const byUser = await answer<ClientError>(client.groupmemberships.deleteByUser(b.user_id, b.id));
    expect(byUser.result.statusCode).toBe(204);
    expect((await server.api(`/group_memberships/${a.id}`)).status).toBe(404);
    expect((await server.api(`/group_memberships/${b.id}`)).status).toBe(404);
  });

  it("makeDefault() resolves with the user's memberships, the chosen one the only default", async () => {
    const memberships = await groupMembershipsOf(admin.id);
    const target = memberships.find((m) => !m.default) as GroupMembership;
    const made = await answer<GroupMembership[]>(client.groupmemberships.makeDefault(admin.id, target.id));
    expect(ids(made.result)).toEqual(ids(memberships));
    expect(made.result.filter((m) => m.default).map((m) => m.id)).toEqual([target.id]);
  });

  it('bulkCreate() and bulkDelete() queue jobs that jobstatuses.watch() sees through', async () => {
    const pairs = await freeGroupPairs(3);
    const queued = await answer<{ job_status: JobStatus }>(client.groupmemberships.bulkCreate(pairs));
    expect(queued.result.job_status).toMatchObject({ status: 'queued', total: 3 });
    const created = (await client.jobstatuses.watch(queued.result.job_status.id, 50, 5)) as JobStatus;
    expect(created).toMatchObject({ status: 'completed', progress: 3 });
    const createdIds = (created.results ?? []).map((r) => r.id as number);
    expect(createdIds).toHaveLength(3);

    const deleting = await answer<{ job_status: JobStatus }>(client.groupmemberships.bulkDelete(createdIds));
    const deleted = (await client.jobstatuses.watch(deleting.result.job_status.id, 50, 5)) as JobStatus;
    expect(deleted.results?.map((r) => [r.id, r.status])).toEqual(createdIds.map((id) => [id, 'Deleted']));
  });

  it('attaches sideloaded users and groups to each membership when asked to', async () => {
    const sideloading = clientFor();
    sideloading.groupmemberships.setSideLoad(['users', 'groups']);
    const memberships = await list<GroupMembership & { user: User | null; groups: Group | null }>(
      sideloading.groupmemberships.listByUser(admin.id),
    );
    expect(memberships.length).toBeGreaterThan(0);
    for (const membership of memberships) {
      expect(membership.user?.id).toBe(admin.id);
      expect(membership.groups?.id).toBe(membership.group_id);
    }
  });

  it('throws on refusals; with throwOriginalException the error carries the status code', async () => {
    const plain = await rejection(client.groupmemberships.show(400999999));
    expect(plain.message).toContain('404');
    const strict = await rejection(strictClient.groupmemberships.show(400999999));
    expect(strict.statusCode).toBe(404);
    const membership = (await groupMembershipsOf(admin.id))[0] as GroupMembership;
    const duplicate = await rejection(
      strictClient.groupmemberships.create({
        group_membership: { user_id: admin.id, group_id: membership.group_id },
      }),
    );
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.result).toMatchObject({ details: { user_id: [{ error: 'DuplicateValue' }] } });
  });
});

describe('node-zendesk organizationmemberships', () => {
  it('list(), listByUser() and listByOrganization() follow next_page to the end', async () => {
    const { count } = await apiList<OrganizationMembership>(
      'organization_memberships',
      '/organization_memberships?per_page=1',
    );
    expect(count).toBeGreaterThan(100);
    const all = await list<OrganizationMembership>(client.organizationmemberships.list());
    expect(all).toHaveLength(count);
    expect(new Set(all.map((m) => m.id)).size).toBe(count);

    const eve = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
    const byUser = await list<OrganizationMembership>(client.organizationmemberships.listByUser(eve.id));
    expect(byUser.map((m) => m.id)).toEqual((await organizationMembershipsOf(eve.id)).map((m) => m.id));

    const organization = organizations[0] as Organization;
    const byOrganization = await list<OrganizationMembership>(
      client.organizationmemberships.listByOrganization(organization.id),
    );
    const expected = await apiList<OrganizationMembership>(
      'organization_memberships',
      `/organizations/${organization.id}/organization_memberships?per_page=1`,
    );
    expect(byOrganization).toHaveLength(expected.count);
    expect(byOrganization.every((m) => m.organization_id === organization.id)).toBe(true);
  });

  it('create(), createByUser(), show(), showByUser(), makeDefault(), delete() and deleteByUser()', async () => {
    const user = await bareEndUser();
    const [a, b, c] = organizations as [Organization, Organization, Organization];
    const first = await answer<OrganizationMembership>(
      client.organizationmemberships.create({ user_id: user.id, organization_id: a.id }),
    );
    expect(first.response.status).toBe(201);
    expect(first.result).toMatchObject({ user_id: user.id, organization_id: a.id, default: true });
    const second = await answer<OrganizationMembership>(
      client.organizationmemberships.createByUser(user.id, { organization_id: b.id }),
    );
    expect(second.result).toMatchObject({ organization_id: b.id, default: null });
    const third = await answer<OrganizationMembership>(
      client.organizationmemberships.createByUser(user.id, { organization_id: c.id }),
    );

    const shown = await answer<OrganizationMembership>(client.organizationmemberships.show(second.result.id));
    expect(shown.result).toEqual(second.result);
    const byUser = await answer<OrganizationMembership>(
      client.organizationmemberships.showByUser(user.id, second.result.id),
    );
    expect(byUser.result).toEqual(second.result);

    const made = await answer<OrganizationMembership[]>(
      client.organizationmemberships.makeDefault(user.id, third.result.id),
    );
    expect(made.result.map((m) => [m.id, m.default])).toEqual([
      [third.result.id, true],
      ...[first.result, second.result]
        .sort((x, y) => x.organization_name.localeCompare(y.organization_name))
        .map((m) => [m.id, null]),
    ]);

    const deleted = await answer<ClientError>(client.organizationmemberships.delete(first.result.id));
    expect(deleted.result.statusCode).toBe(204);
    const deletedByUser = await answer<ClientError>(
      client.organizationmemberships.deleteByUser(user.id, third.result.id),
    );
    expect(deletedByUser.result.statusCode).toBe(204);
    expect((await organizationMembershipsOf(user.id)).map((m) => [m.id, m.default])).toEqual([
      [second.result.id, true],
    ]);
  });

  it('createMany() and deleteMany() queue jobs with a result per item', async () => {
    const user = await bareEndUser();
    const items = organizations.slice(0, 2).map((o) => ({ user_id: user.id, organization_id: o.id }));
    const queued = await answer<{ job_status: JobStatus }>(client.organizationmemberships.createMany(items));
    expect(queued.result.job_status).toMatchObject({ status: 'queued', total: 2, results: null });
    const created = (await client.jobstatuses.watch(queued.result.job_status.id, 50, 5)) as JobStatus;
    const createdIds = (created.results ?? []).map((r) => r.id as number);
    expect(ids(await organizationMembershipsOf(user.id))).toEqual([...createdIds].sort((x, y) => x - y));

    const deleting = await answer<{ job_status: JobStatus }>(
      client.organizationmemberships.deleteMany(createdIds),
    );
    const deleted = (await client.jobstatuses.watch(deleting.result.job_status.id, 50, 5)) as JobStatus;
    expect(deleted.results?.every((r) => r.status === 'Deleted' && r.success === true)).toBe(true);
    expect(await organizationMembershipsOf(user.id)).toEqual([]);
  });

  it('throws on a duplicate with the 422 status code', async () => {
    const eve = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
    const existing = (await organizationMembershipsOf(eve.id))[0] as OrganizationMembership;
    const error = await rejection(
      strictClient.organizationmemberships.create({
        user_id: eve.id,
        organization_id: existing.organization_id,
      }),
    );
    expect(error.statusCode).toBe(422);
  });
});

describe('node-zendesk jobstatuses', () => {
  it('show(), showMany(), list() and watch() read the jobs', async () => {
    const [pair] = await freeGroupPairs(1);
    const first = await answer<{ job_status: JobStatus }>(client.groupmemberships.bulkCreate([pair]));
    const second = await answer<{ job_status: JobStatus }>(client.groupmemberships.bulkDelete([400999999]));
    const firstId = first.result.job_status.id;
    const secondId = second.result.job_status.id;

    const watched = (await client.jobstatuses.watch(secondId, 50, 5)) as JobStatus;
    expect(watched.results).toEqual([
      expect.objectContaining({ id: 400999999, success: false, error: 'RecordNotFound' }),
    ]);
    await client.jobstatuses.watch(firstId, 50, 5);

    const shown = await answer<{ job_status: JobStatus }>(client.jobstatuses.show(firstId));
    expect(shown.result.job_status).toMatchObject({
      id: firstId,
      status: 'completed',
      total: 1,
      progress: 1,
    });
    expect(shown.result.job_status.message).toMatch(/^Completed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000$/);

    const many = await answer<{ job_statuses: JobStatus[] }>(
      client.jobstatuses.showMany([firstId, secondId]),
    );
    expect(many.result.job_statuses.map((job) => job.id).sort()).toEqual([firstId, secondId].sort());

    const listed = await answer<{ job_statuses: JobStatus[] }>(client.jobstatuses.list());
    expect(listed.result.job_statuses.slice(0, 2).map((job) => job.id)).toEqual([secondId, firstId]);

    const missing = await rejection(strictClient.jobstatuses.show('0123456789abcdef'));
    expect(missing.statusCode).toBe(404);
  });
});
