import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../../contract/group.ts';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { JobStatus } from '../../../contract/job-status.ts';
import type { User } from '../../../contract/user.ts';
import {
  type CursorList,
  expectError,
  expectJson,
  getJson,
  type OffsetList,
  RECORD_NOT_FOUND,
  send,
  waitForJob,
} from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Memberships = OffsetList<'group_memberships', GroupMembership>;

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let server: TestServer;
let admin: User;
let agent: User;
let endUser: User;
let groups: Group[];
let staff: User[];

beforeAll(async () => {
  server = await startTestServer();
  admin = (await getJson<{ user: User }>(server, '/users/me')).user;
  agent = (await getJson<{ user: User }>(server, '/users/me', 'agent')).user;
  endUser = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
  groups = (await getJson<OffsetList<'groups', Group>>(server, '/groups')).groups;
  staff = (await getJson<OffsetList<'users', User>>(server, '/users?role[]=agent&role[]=admin')).users;
});
afterAll(() => server.close());

async function membershipsOf(userId: number): Promise<GroupMembership[]> {
  return (await getJson<Memberships>(server, `/users/${userId}/group_memberships`)).group_memberships;
}

async function userById(id: number): Promise<User> {
  return (await getJson<{ user: User }>(server, `/users/${id}`)).user;
}

async function allMemberships(): Promise<GroupMembership[]> {
  const body = await getJson<Memberships>(server, '/group_memberships?per_page=100');
  expect(body.next_page).toBeNull();
  return body.group_memberships;
}

/** A staff member (other than the demo identities) and a group they are not in. */
async function freePair(): Promise<{ userId: number; groupId: number }> {
  const taken = new Set((await allMemberships()).map((m) => `${m.user_id}:${m.group_id}`));
  const demo = new Set([admin.id, agent.id]);
  for (const user of staff) {
    if (demo.has(user.id)) continue;
    const group = groups.find((g) => !taken.has(`${user.id}:${g.id}`));
    if (group) return { userId: user.id, groupId: group.id };
  }
  throw new Error('no free staff/group pair left in the seed');
}

async function create(userId: number, groupId: number): Promise<GroupMembership> {
  const response = await send(server, 'POST', '/group_memberships', {
    group_membership: { user_id: userId, group_id: groupId },
  });
  return (await expectJson<{ group_membership: GroupMembership }>(response, 201)).group_membership;
}

describe('group membership lists', () => {
  it('lists memberships in the Zendesk envelope with cursor meta and links', async () => {
    const response = await server.api('/group_memberships.json?page[size]=2');
    const body = await expectJson<CursorList<'group_memberships', GroupMembership>>(response, 200);
    expect(body.group_memberships).toHaveLength(2);
    expect(body.meta).toMatchObject({ has_more: true });
    expect(body.links.next).toContain('page%5Bafter%5D=');
  });

  it('presents each membership with its own .json url, ids in their ranges and Zendesk timestamps', async () => {
    const memberships = await allMemberships();
    expect(memberships.length).toBeGreaterThan(10);
    for (const membership of memberships) {
      expect(Object.keys(membership).sort()).toEqual(
        ['created_at', 'default', 'group_id', 'id', 'updated_at', 'url', 'user_id'].sort(),
      );
      expect(membership.url).toBe(`${server.apiUrl}/group_memberships/${membership.id}.json`);
      expect(membership.id).toBeGreaterThan(400_000_000);
      expect(membership.user_id).toBeGreaterThan(380_000_000);
      expect(membership.group_id).toBeGreaterThan(360_000_000);
      expect(membership.group_id).toBeLessThan(370_000_000);
      expect(typeof membership.default).toBe('boolean');
      expect(membership.created_at).toMatch(TIMESTAMP);
      expect(membership.updated_at).toMatch(TIMESTAMP);
    }
  });

  it('accepts every path with or without the .json suffix and answers the same', async () => {
    for (const path of [
      '/group_memberships',
      `/users/${admin.id}/group_memberships`,
      `/groups/${groups[0]?.id}/memberships`,
      '/group_memberships/assignable',
    ]) {
      const plain = await getJson<Memberships>(server, path);
      const suffixed = await getJson<Memberships>(server, `${path}.json`);
      expect(suffixed.group_memberships).toEqual(plain.group_memberships);
      expect(suffixed.count).toBe(plain.count);
    }
  });

  it("lists only one user's memberships under /users/{id}/group_memberships", async () => {
    const memberships = await membershipsOf(admin.id);
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((m) => m.user_id === admin.id)).toBe(true);
    const expected = (await allMemberships()).filter((m) => m.user_id === admin.id);
    expect(memberships.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
  });

  it("lists only one group's memberships under /groups/{id}/memberships", async () => {
    const group = groups[0] as Group;
    const body = await getJson<Memberships>(server, `/groups/${group.id}/memberships`);
    expect(body.group_memberships.length).toBeGreaterThan(0);
    expect(body.group_memberships.every((m) => m.group_id === group.id)).toBe(true);
    expect(body.count).toBe((await allMemberships()).filter((m) => m.group_id === group.id).length);
  });

  it('lists every membership as assignable for an admin and only those in her own groups for an agent', async () => {
    const all = await allMemberships();
    const forAdmin = await getJson<Memberships>(server, '/group_memberships/assignable?per_page=100');
    expect(forAdmin.count).toBe(all.length);

    const agentGroups = new Set((await membershipsOf(agent.id)).map((m) => m.group_id));
    const forAgent = await getJson<Memberships>(
      server,
      '/group_memberships/assignable?per_page=100',
      'agent',
    );
    expect(forAgent.group_memberships.length).toBeGreaterThan(0);
    expect(forAgent.count).toBe(all.filter((m) => agentGroups.has(m.group_id)).length);
    expect(forAgent.group_memberships.every((m) => agentGroups.has(m.group_id))).toBe(true);
  });

  it("lists a group's assignable memberships, empty for an agent outside the group", async () => {
    const agentGroups = new Set((await membershipsOf(agent.id)).map((m) => m.group_id));
    const inside = groups.find((g) => agentGroups.has(g.id)) as Group;
    const outside = groups.find((g) => !agentGroups.has(g.id)) as Group;
    const own = await getJson<Memberships>(server, `/groups/${inside.id}/memberships/assignable`, 'agent');
    const all = await getJson<Memberships>(server, `/groups/${inside.id}/memberships`);
    expect(own.group_memberships).toEqual(all.group_memberships);
    const other = await getJson<Memberships>(server, `/groups/${outside.id}/memberships/assignable`, 'agent');
    expect(other.group_memberships).toEqual([]);
    const forAdmin = await getJson<Memberships>(server, `/groups/${outside.id}/memberships/assignable`);
    expect(forAdmin.group_memberships.length).toBeGreaterThan(0);
  });

  it('sideloads the referenced users and groups with include=users,groups', async () => {
    const body = await getJson<Memberships & { users: User[]; groups: Group[] }>(
      server,
      '/group_memberships?per_page=10&include=users,groups',
    );
    const userIds = [...new Set(body.group_memberships.map((m) => m.user_id))].sort();
    const groupIds = [...new Set(body.group_memberships.map((m) => m.group_id))].sort();
    expect(body.users.map((u) => u.id).sort()).toEqual(userIds);
    expect(body.groups.map((g) => g.id).sort()).toEqual(groupIds);
    expect(body.users[0]).toMatchObject({
      url: expect.stringContaining('/users/'),
      role: expect.any(String),
    });
    const plain = await getJson<Record<string, unknown>>(server, '/group_memberships?per_page=10');
    expect(plain).not.toHaveProperty('users');
    expect(plain).not.toHaveProperty('groups');
  });

  it('answers lists under an unknown user or group with 404 RecordNotFound', async () => {
    for (const path of ['/users/380999999/group_memberships', '/groups/360999999/memberships']) {
      expect(await expectError(await server.api(path), 404)).toEqual(RECORD_NOT_FOUND);
    }
  });
});

describe('showing a group membership', () => {
  it('shows one membership by id, also under its user', async () => {
    const membership = (await membershipsOf(admin.id))[0] as GroupMembership;
    const direct = await getJson<{ group_membership: GroupMembership }>(
      server,
      `/group_memberships/${membership.id}.json`,
    );
    expect(direct.group_membership).toEqual(membership);
    const underUser = await getJson<{ group_membership: GroupMembership }>(
      server,
      `/users/${admin.id}/group_memberships/${membership.id}`,
    );
    expect(underUser.group_membership).toEqual(membership);
  });

  it("answers another user's membership under the wrong user with 404 RecordNotFound", async () => {
    const membership = (await membershipsOf(admin.id))[0] as GroupMembership;
    const response = await server.api(`/users/${agent.id}/group_memberships/${membership.id}`);
    expect(await expectError(response, 404)).toEqual(RECORD_NOT_FOUND);
    expect(await expectError(await server.api('/group_memberships/400999999'), 404)).toEqual(
      RECORD_NOT_FOUND,
    );
  });

  it('does not find a group membership by an id from another table', async () => {
    expect(await expectError(await server.api(`/group_memberships/${admin.id}`), 404)).toEqual(
      RECORD_NOT_FOUND,
    );
  });
});

describe('creating group memberships', () => {
  it('creates a membership with POST /group_memberships and answers 201 with the record', async () => {
    const { userId, groupId } = await freePair();
    const created = await create(userId, groupId);
    expect(created).toMatchObject({ user_id: userId, group_id: groupId, default: false });
    expect(created.url).toBe(`${server.apiUrl}/group_memberships/${created.id}.json`);
    const shown = await getJson<{ group_membership: GroupMembership }>(
      server,
      `/group_memberships/${created.id}`,
    );
    expect(shown.group_membership).toEqual(created);
  });

  it('creates a membership with POST /users/{id}/group_memberships, the user taken from the path', async () => {
    const { userId, groupId } = await freePair();
    const response = await send(server, 'POST', `/users/${userId}/group_memberships.json`, {
      group_membership: { group_id: groupId },
    });
    const { group_membership: created } = await expectJson<{ group_membership: GroupMembership }>(
      response,
      201,
    );
    expect(created).toMatchObject({ user_id: userId, group_id: groupId });
    expect((await membershipsOf(userId)).map((m) => m.id)).toContain(created.id);
  });

  it('answers a duplicate membership with 422 DuplicateValue', async () => {
    const before = await membershipsOf(admin.id);
    const existing = before[0] as GroupMembership;
    for (const [path, body] of [
      ['/group_memberships', { group_membership: { user_id: admin.id, group_id: existing.group_id } }],
      [`/users/${admin.id}/group_memberships`, { group_membership: { group_id: existing.group_id } }],
    ] as const) {
      const error = await expectError(await send(server, 'POST', path, body), 422);
      expect(error).toMatchObject({ error: 'RecordInvalid', description: 'Record validation errors' });
      expect(error.details?.user_id?.[0]).toMatchObject({
        error: 'DuplicateValue',
        description: expect.any(String),
      });
    }
    expect(await membershipsOf(admin.id)).toEqual(before);
  });

  it('refuses to put an end user in a group with 422', async () => {
    const groupId = (groups[0] as Group).id;
    const response = await send(server, 'POST', '/group_memberships', {
      group_membership: { user_id: endUser.id, group_id: groupId },
    });
    const error = await expectError(response, 422);
    expect(error).toMatchObject({
      error: 'RecordInvalid',
      details: { user_id: [{ error: 'InvalidValue' }] },
    });
    expect(await membershipsOf(endUser.id)).toEqual([]);
  });

  it('answers an unknown group or user with 422 naming the field', async () => {
    const unknownGroup = await send(server, 'POST', '/group_memberships', {
      group_membership: { user_id: admin.id, group_id: 360999999 },
    });
    expect((await expectError(unknownGroup, 422)).details?.group_id?.[0]?.error).toBe('InvalidValue');
    const unknownUser = await send(server, 'POST', '/group_memberships', {
      group_membership: { user_id: 380999999, group_id: (groups[0] as Group).id },
    });
    expect((await expectError(unknownUser, 422)).details?.user_id?.[0]?.error).toBe('InvalidValue');
  });
});

describe('default on create', () => {
  it('honours "default": true on both create paths, clearing the previous default as make_default does', async () => {
    const { userId, groupId } = await freePair();
    await create(userId, groupId);
    const user = await userById(userId);
    const taken = new Set((await membershipsOf(user.id)).map((m) => m.group_id));
    const free = groups.filter((g) => !taken.has(g.id));
    while (free.length < 2) {
      const dropped = (await membershipsOf(user.id)).find((m) => !m.default) as GroupMembership;
      expect((await send(server, 'DELETE', `/group_memberships/${dropped.id}`)).status).toBe(204);
      free.push(groups.find((g) => g.id === dropped.group_id) as Group);
    }
    const [first, second] = free as [Group, Group];

    const viaTopLevel = await send(server, 'POST', '/group_memberships', {
      group_membership: { user_id: user.id, group_id: first.id, default: true },
    });
    const created = (await expectJson<{ group_membership: GroupMembership }>(viaTopLevel, 201))
      .group_membership;
    expect(created.default).toBe(true);
    expect((await membershipsOf(user.id)).filter((m) => m.default).map((m) => m.id)).toEqual([created.id]);
    expect((await userById(user.id)).default_group_id).toBe(first.id);

    const viaUser = await send(server, 'POST', `/users/${user.id}/group_memberships`, {
      group_membership: { group_id: second.id, default: true },
    });
    const again = (await expectJson<{ group_membership: GroupMembership }>(viaUser, 201)).group_membership;
    expect(again.default).toBe(true);
    expect((await membershipsOf(user.id)).filter((m) => m.default).map((m) => m.id)).toEqual([again.id]);
    expect((await userById(user.id)).default_group_id).toBe(second.id);
  });

  it('leaves the default alone for "default": false', async () => {
    const { userId, groupId } = await freePair();
    const before = (await membershipsOf(userId)).find((m) => m.default);
    const response = await send(server, 'POST', '/group_memberships', {
      group_membership: { user_id: userId, group_id: groupId, default: false },
    });
    expect(
      (await expectJson<{ group_membership: GroupMembership }>(response, 201)).group_membership.default,
    ).toBe(before === undefined);
    expect((await membershipsOf(userId)).find((m) => m.default)?.id).toBe(before?.id ?? expect.any(Number));
  });
});

describe('deleting group memberships', () => {
  it('deletes with DELETE /group_memberships/{id}: 204, empty body, then gone', async () => {
    const { userId, groupId } = await freePair();
    const created = await create(userId, groupId);
    const response = await send(server, 'DELETE', `/group_memberships/${created.id}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await server.api(`/group_memberships/${created.id}`)).status).toBe(404);
    expect((await send(server, 'DELETE', `/group_memberships/${created.id}`)).status).toBe(404);
  });

  it('deletes with DELETE /users/{user_id}/group_memberships/{id}, but not under another user', async () => {
    const { userId, groupId } = await freePair();
    const created = await create(userId, groupId);
    const wrongUser = await send(server, 'DELETE', `/users/${admin.id}/group_memberships/${created.id}.json`);
    expect(await expectError(wrongUser, 404)).toEqual(RECORD_NOT_FOUND);
    const response = await send(server, 'DELETE', `/users/${userId}/group_memberships/${created.id}.json`);
    expect(response.status).toBe(204);
    expect((await membershipsOf(userId)).map((m) => m.id)).not.toContain(created.id);
  });
});

describe('default group memberships', () => {
  it("makes a user's first membership the default and points default_group_id at its group", async () => {
    const user = staff.at(-1) as User;
    for (const membership of await membershipsOf(user.id)) {
      expect((await send(server, 'DELETE', `/group_memberships/${membership.id}`)).status).toBe(204);
    }
    expect((await userById(user.id)).default_group_id).toBeNull();

    const [first, second] = groups as [Group, Group];
    const firstMembership = await create(user.id, first.id);
    expect(firstMembership.default).toBe(true);
    expect((await userById(user.id)).default_group_id).toBe(first.id);
    const secondMembership = await create(user.id, second.id);
    expect(secondMembership.default).toBe(false);
    expect((await userById(user.id)).default_group_id).toBe(first.id);
  });

  it('promotes the oldest remaining membership when the default is deleted', async () => {
    const user = staff.find(
      (u) => u.id !== admin.id && u.id !== agent.id && u.default_group_id !== null,
    ) as User;
    let memberships = await membershipsOf(user.id);
    while (memberships.length < 3) {
      const taken = new Set(memberships.map((m) => m.group_id));
      await create(user.id, (groups.find((g) => !taken.has(g.id)) as Group).id);
      memberships = await membershipsOf(user.id);
    }
    const current = memberships.find((m) => m.default) as GroupMembership;
    expect(memberships.filter((m) => m.default)).toHaveLength(1);
    expect((await send(server, 'DELETE', `/group_memberships/${current.id}`)).status).toBe(204);

    const remaining = memberships.filter((m) => m.id !== current.id);
    const oldest = [...remaining].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id)[0];
    const after = await membershipsOf(user.id);
    expect(after.filter((m) => m.default).map((m) => m.id)).toEqual([oldest?.id]);
    expect((await userById(user.id)).default_group_id).toBe(oldest?.group_id);
  });

  it("answers make_default with the user's whole list, exactly one of them default", async () => {
    const memberships = await membershipsOf(admin.id);
    expect(memberships.length).toBeGreaterThan(1);
    const target = memberships.find((m) => !m.default) as GroupMembership;
    const response = await send(
      server,
      'PUT',
      `/users/${admin.id}/group_memberships/${target.id}/make_default`,
    );
    const body = await expectJson<{ group_memberships: GroupMembership[] }>(response, 200);
    expect(body.group_memberships.map((m) => m.id).sort()).toEqual(memberships.map((m) => m.id).sort());
    expect(body.group_memberships.filter((m) => m.default).map((m) => m.id)).toEqual([target.id]);
    expect((await membershipsOf(admin.id)).filter((m) => m.default).map((m) => m.id)).toEqual([target.id]);
    expect((await userById(admin.id)).default_group_id).toBe(target.group_id);

    const again = await send(
      server,
      'PUT',
      `/users/${admin.id}/group_memberships/${target.id}/make_default.json`,
    );
    const repeated = await expectJson<{ group_memberships: GroupMembership[] }>(again, 200);
    expect(repeated.group_memberships.filter((m) => m.default).map((m) => m.id)).toEqual([target.id]);
  });

  it("answers make_default on another user's membership with 404", async () => {
    const membership = (await membershipsOf(admin.id))[0] as GroupMembership;
    const response = await send(
      server,
      'PUT',
      `/users/${agent.id}/group_memberships/${membership.id}/make_default`,
    );
    expect(await expectError(response, 404)).toEqual(RECORD_NOT_FOUND);
  });
});

describe('bulk group membership endpoints', () => {
  it('queues create_many and answers 200 with a queued job status', async () => {
    const { userId, groupId } = await freePair();
    const response = await send(server, 'POST', '/group_memberships/create_many', {
      group_memberships: [{ user_id: userId, group_id: groupId }],
    });
    const { job_status: job } = await expectJson<{ job_status: JobStatus }>(response, 200);
    expect(job).toMatchObject({ status: 'queued', total: 1, progress: null, message: null, results: null });
    expect(job.url).toBe(`${server.apiUrl}/job_statuses/${job.id}.json`);
    const done = await waitForJob(server, job.id);
    expect(done.results).toEqual([
      { index: 0, action: 'create', id: expect.any(Number), status: 'Created', success: true },
    ]);
    expect((await membershipsOf(userId)).map((m) => m.group_id)).toContain(groupId);
  });

  it('queues destroy_many for ?ids= and removes the memberships', async () => {
    const first = await freePair();
    const a = await create(first.userId, first.groupId);
    const second = await freePair();
    const b = await create(second.userId, second.groupId);
    const response = await send(server, 'DELETE', `/group_memberships/destroy_many.json?ids=${a.id},${b.id}`);
    const { job_status: job } = await expectJson<{ job_status: JobStatus }>(response, 200);
    expect(job).toMatchObject({ status: 'queued', total: 2 });
    const done = await waitForJob(server, job.id);
    expect(done.results).toEqual([
      { index: 0, action: 'delete', id: a.id, status: 'Deleted', success: true },
      { index: 1, action: 'delete', id: b.id, status: 'Deleted', success: true },
    ]);
    expect((await server.api(`/group_memberships/${a.id}`)).status).toBe(404);
    expect((await server.api(`/group_memberships/${b.id}`)).status).toBe(404);
  });

  it.each([
    ['repeated ids (the OpenAPI form)', (ids: number[]) => ids.map((id) => `ids=${id}`).join('&')],
    ['ids[]', (ids: number[]) => ids.map((id) => `ids[]=${id}`).join('&')],
    ['a mix', ([first, ...rest]: number[]) => `ids=${first}&ids=${rest.join(',')}`],
  ])('reads every id of destroy_many in the form of %s', async (_form, query) => {
    const created: GroupMembership[] = [];
    for (let index = 0; index < 3; index++) {
      const pair = await freePair();
      created.push(await create(pair.userId, pair.groupId));
    }
    const ids = created.map((m) => m.id);
    const response = await send(server, 'DELETE', `/group_memberships/destroy_many?${query(ids)}`);
    const { job_status: job } = await expectJson<{ job_status: JobStatus }>(response, 200);
    expect(job.total).toBe(3);
    const done = await waitForJob(server, job.id);
    expect(done.results?.map((result) => [result.id, result.status])).toEqual(
      ids.map((id) => [id, 'Deleted']),
    );
  });

  it('refuses destroy_many with 400 when any id cannot be read, and deletes nothing', async () => {
    const pair = await freePair();
    const kept = await create(pair.userId, pair.groupId);
    for (const query of [`ids=${kept.id}&ids=x`, `ids[]=${kept.id}&ids[]=`, 'ids=', 'other=1']) {
      const response = await send(server, 'DELETE', `/group_memberships/destroy_many?${query}`);
      expect((await expectError(response, 400)).error, query).toBe('InvalidValue');
    }
    expect((await server.api(`/group_memberships/${kept.id}`)).status).toBe(200);
  });
});
