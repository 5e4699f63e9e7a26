import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../contract/job-status.ts';
import type { Organization } from '../../../contract/organization.ts';
import type { OrganizationMembership } from '../../../contract/organization-membership.ts';
import type { User } from '../../../contract/user.ts';
import {
  expectError,
  expectJson,
  getJson,
  type OffsetList,
  RECORD_NOT_FOUND,
  send,
  waitForJob,
} from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Memberships = OffsetList<'organization_memberships', OrganizationMembership>;
type One = { organization_membership: OrganizationMembership };

let server: TestServer;
let organizations: Organization[];
let endUsers: User[];
let eve: User;

beforeAll(async () => {
  server = await startTestServer();
  eve = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
  organizations = (await getJson<OffsetList<'organizations', Organization>>(server, '/organizations'))
    .organizations;
  endUsers = (await getJson<OffsetList<'users', User>>(server, '/users?role=end-user')).users;
});
afterAll(() => server.close());

async function membershipsOf(userId: number): Promise<OrganizationMembership[]> {
  return (await getJson<Memberships>(server, `/users/${userId}/organization_memberships`))
    .organization_memberships;
}

async function userById(id: number): Promise<User> {
  return (await getJson<{ user: User }>(server, `/users/${id}`)).user;
}

async function create(userId: number, organizationId: number): Promise<OrganizationMembership> {
  const response = await send(server, 'POST', '/organization_memberships', {
    organization_membership: { user_id: userId, organization_id: organizationId },
  });
  return (await expectJson<One>(response, 201)).organization_membership;
}

/** An end user other than Eve with no memberships at all, made so by deleting theirs. */
async function endUserWithoutMemberships(skip: number[]): Promise<User> {
  const user = endUsers.find((u) => u.id !== eve.id && !skip.includes(u.id)) as User;
  for (const membership of await membershipsOf(user.id)) {
    expect((await send(server, 'DELETE', `/organization_memberships/${membership.id}`)).status).toBe(204);
  }
  return user;
}

function nameOf(organizationId: number): string {
  return (organizations.find((o) => o.id === organizationId) as Organization).name;
}

const used: number[] = [];
function claim(user: User): User {
  used.push(user.id);
  return user;
}

describe('organization membership lists', () => {
  it('presents default as true or null, never false, with the organization name and view_tickets', async () => {
    const { organization_memberships: all, count } = await getJson<Memberships>(
      server,
      '/organization_memberships?per_page=100',
    );
    expect(all.length).toBe(Math.min(count, 100));
    expect(all.some((m) => m.default === null)).toBe(true);
    for (const membership of all) {
      expect([true, null]).toContain(membership.default);
      expect(membership.organization_name).toBe(nameOf(membership.organization_id));
      expect(typeof membership.view_tickets).toBe('boolean');
      expect(membership.url).toBe(`${server.apiUrl}/organization_memberships/${membership.id}.json`);
      expect(membership.id).toBeGreaterThan(500_000_000);
      expect(membership.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it("lists a user's and an organization's memberships, with or without .json", async () => {
    const mine = await getJson<Memberships>(server, `/users/${eve.id}/organization_memberships.json`);
    expect(mine.organization_memberships.length).toBeGreaterThan(0);
    expect(mine.organization_memberships.every((m) => m.user_id === eve.id)).toBe(true);

    const organization = organizations[0] as Organization;
    const plain = await getJson<Memberships>(
      server,
      `/organizations/${organization.id}/organization_memberships`,
    );
    const suffixed = await getJson<Memberships>(
      server,
      `/organizations/${organization.id}/organization_memberships.json`,
    );
    expect(plain.organization_memberships.length).toBeGreaterThan(0);
    expect(plain.organization_memberships.every((m) => m.organization_id === organization.id)).toBe(true);
    expect(suffixed.organization_memberships).toEqual(plain.organization_memberships);
  });

  it("lists a user's memberships default first, then by organization name", async () => {
    const user = claim(await endUserWithoutMemberships(used));
    const byName = [...organizations].sort((a, b) => a.name.localeCompare(b.name));
    // Joined last-name-first, so the default (the first joined) is the last by name.
    for (const organization of [...byName].reverse()) await create(user.id, organization.id);
    const listed = await membershipsOf(user.id);
    const expected = [byName.at(-1), ...byName.slice(0, -1)].map((o) => o?.name);
    expect(listed.map((m) => m.organization_name)).toEqual(expected);
    expect(listed.map((m) => m.default)).toEqual([true, ...byName.slice(1).map(() => null)]);
  });

  it('sideloads the referenced users and organizations with include=users,organizations', async () => {
    const body = await getJson<Memberships & { users: User[]; organizations: Organization[] }>(
      server,
      '/organization_memberships?per_page=20&include=users,organizations',
    );
    const userIds = [...new Set(body.organization_memberships.map((m) => m.user_id))].sort();
    const organizationIds = [...new Set(body.organization_memberships.map((m) => m.organization_id))].sort();
    expect(body.users.map((u) => u.id).sort()).toEqual(userIds);
    expect(body.organizations.map((o) => o.id).sort()).toEqual(organizationIds);
  });

  it('answers lists under an unknown user or organization with 404 RecordNotFound', async () => {
    for (const path of [
      '/users/380999999/organization_memberships',
      '/organizations/370999999/organization_memberships',
    ]) {
      expect(await expectError(await server.api(path), 404)).toEqual(RECORD_NOT_FOUND);
    }
  });
});

describe('showing an organization membership', () => {
  it('shows one membership by id, also under its user, and 404 under another user', async () => {
    const membership = (await membershipsOf(eve.id))[0] as OrganizationMembership;
    const direct = await getJson<One>(server, `/organization_memberships/${membership.id}`);
    expect(direct.organization_membership).toEqual(membership);
    const underUser = await getJson<One>(
      server,
      `/users/${eve.id}/organization_memberships/${membership.id}.json`,
    );
    expect(underUser.organization_membership).toEqual(membership);
    const other = (endUsers.find((u) => u.id !== eve.id) as User).id;
    const wrong = await server.api(`/users/${other}/organization_memberships/${membership.id}`);
    expect(await expectError(wrong, 404)).toEqual(RECORD_NOT_FOUND);
  });
});

describe('creating organization memberships', () => {
  it("creates with POST /organization_memberships: 201, first one default, user's organization_id follows", async () => {
    const user = claim(await endUserWithoutMemberships(used));
    expect((await userById(user.id)).organization_id).toBeNull();
    const [first, second] = organizations as [Organization, Organization];
    const created = await create(user.id, first.id);
    expect(created).toMatchObject({
      user_id: user.id,
      organization_id: first.id,
      organization_name: first.name,
      default: true,
      view_tickets: true,
    });
    expect((await userById(user.id)).organization_id).toBe(first.id);
    const next = await create(user.id, second.id);
    expect(next.default).toBeNull();
    expect((await userById(user.id)).organization_id).toBe(first.id);
  });

  it('creates with POST /users/{id}/organization_memberships, honouring view_tickets', async () => {
    const user = claim(await endUserWithoutMemberships(used));
    const organization = organizations[1] as Organization;
    const response = await send(server, 'POST', `/users/${user.id}/organization_memberships.json`, {
      organization_membership: { organization_id: organization.id, view_tickets: false },
    });
    const { organization_membership: created } = await expectJson<One>(response, 201);
    expect(created).toMatchObject({
      user_id: user.id,
      organization_id: organization.id,
      view_tickets: false,
    });
  });

  it('answers an existing membership with 422 DuplicateValue on both create paths', async () => {
    const existing = (await membershipsOf(eve.id))[0] as OrganizationMembership;
    for (const [path, body] of [
      [
        '/organization_memberships',
        { organization_membership: { user_id: eve.id, organization_id: existing.organization_id } },
      ],
      [
        `/users/${eve.id}/organization_memberships`,
        { organization_membership: { organization_id: existing.organization_id } },
      ],
    ] as const) {
      const error = await expectError(await send(server, 'POST', path, body), 422);
      expect(error).toMatchObject({ error: 'RecordInvalid', description: 'Record validation errors' });
      expect(error.details?.user_id?.[0]?.error).toBe('DuplicateValue');
    }
  });

  it('answers an unknown organization with 422 naming organization_id', async () => {
    const response = await send(server, 'POST', '/organization_memberships', {
      organization_membership: { user_id: eve.id, organization_id: 370999999 },
    });
    expect((await expectError(response, 422)).details?.organization_id?.[0]?.error).toBe('InvalidValue');
  });
});

describe('deleting organization memberships', () => {
  it('deletes by id and under the user with 204 and promotes the oldest remaining to default', async () => {
    const user = claim(await endUserWithoutMemberships(used));
    const [a, b, c] = organizations as [Organization, Organization, Organization];
    const first = await create(user.id, a.id);
    const second = await create(user.id, b.id);
    const third = await create(user.id, c.id);

    const response = await send(server, 'DELETE', `/organization_memberships/${first.id}.json`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    let listed = await membershipsOf(user.id);
    expect(listed.filter((m) => m.default).map((m) => m.id)).toEqual([second.id]);
    expect((await userById(user.id)).organization_id).toBe(b.id);

    const wrongUser = await send(server, 'DELETE', `/users/${eve.id}/organization_memberships/${second.id}`);
    expect(await expectError(wrongUser, 404)).toEqual(RECORD_NOT_FOUND);
    expect(
      (await send(server, 'DELETE', `/users/${user.id}/organization_memberships/${second.id}`)).status,
    ).toBe(204);
    listed = await membershipsOf(user.id);
    expect(listed.map((m) => [m.id, m.default])).toEqual([[third.id, true]]);
    expect((await userById(user.id)).organization_id).toBe(c.id);
  });

  it("unassigns with DELETE /users/{id}/organizations/{organization_id}, clearing the user's organization", async () => {
    const user = claim(await endUserWithoutMemberships(used));
    const organization = organizations[2] as Organization;
    await create(user.id, organization.id);
    const response = await send(server, 'DELETE', `/users/${user.id}/organizations/${organization.id}.json`);
    expect(response.status).toBe(204);
    expect(await membershipsOf(user.id)).toEqual([]);
    expect((await userById(user.id)).organization_id).toBeNull();
    const again = await send(server, 'DELETE', `/users/${user.id}/organizations/${organization.id}`);
    expect(await expectError(again, 404)).toEqual(RECORD_NOT_FOUND);
  });
});

describe('default organization memberships', () => {
  it("answers make_default by membership id with the user's ordered list, exactly one default", async () => {
    const user = claim(await endUserWithoutMemberships(used));
    const created = [];
    for (const organization of organizations) created.push(await create(user.id, organization.id));
    const target = created[2] as OrganizationMembership;
    const response = await send(
      server,
      'PUT',
      `/users/${user.id}/organization_memberships/${target.id}/make_default`,
    );
    const { organization_memberships: listed } = await expectJson<Memberships>(response, 200);
    expect(listed[0]).toMatchObject({ id: target.id, default: true });
    expect(listed.filter((m) => m.default === true)).toHaveLength(1);
    expect(listed.slice(1).every((m) => m.default === null)).toBe(true);
    const rest = listed.slice(1).map((m) => m.organization_name);
    expect(rest).toEqual([...rest].sort((x, y) => x.localeCompare(y)));
    expect(await membershipsOf(user.id)).toEqual(listed);
    expect((await userById(user.id)).organization_id).toBe(target.organization_id);
  });

  it('answers make_default by organization id with the one membership, now the only default', async () => {
    const before = await membershipsOf(eve.id);
    const target = before.find((m) => m.default === null) as OrganizationMembership;
    const response = await send(
      server,
      'PUT',
      `/users/${eve.id}/organizations/${target.organization_id}/make_default.json`,
    );
    const { organization_membership: one } = await expectJson<One>(response, 200);
    expect(one).toMatchObject({ id: target.id, default: true, organization_id: target.organization_id });
    const after = await membershipsOf(eve.id);
    expect(after.filter((m) => m.default === true).map((m) => m.id)).toEqual([target.id]);
    expect((await userById(eve.id)).organization_id).toBe(target.organization_id);
  });

  it('answers make_default for an organization the user is not in with 404', async () => {
    const mine = new Set((await membershipsOf(eve.id)).map((m) => m.organization_id));
    const outside = organizations.find((o) => !mine.has(o.id));
    const organizationId = outside?.id ?? 370999999;
    const response = await send(
      server,
      'PUT',
      `/users/${eve.id}/organizations/${organizationId}/make_default`,
    );
    expect(await expectError(response, 404)).toEqual(RECORD_NOT_FOUND);
  });
});

describe('bulk organization membership endpoints', () => {
  it('reads every id of destroy_many, repeated (the OpenAPI form) or as ids[], and refuses what it cannot read', async () => {
    const user = claim(await endUserWithoutMemberships(used));
    const created: OrganizationMembership[] = [];
    for (const organization of organizations.slice(0, 3))
      created.push(await create(user.id, organization.id));
    const [a, b, c] = created.map((m) => m.id) as [number, number, number];
    const bad = await send(server, 'DELETE', `/organization_memberships/destroy_many?ids=${a}&ids=nope`);
    expect((await expectError(bad, 400)).error).toBe('InvalidValue');
    for (const [query, ids] of [
      [`ids=${a}&ids=${b}`, [a, b]],
      [`ids[]=${c}`, [c]],
    ] as const) {
      const response = await send(server, 'DELETE', `/organization_memberships/destroy_many?${query}`);
      const { job_status: job } = await expectJson<{ job_status: JobStatus }>(response, 200);
      expect(job.total).toBe(ids.length);
      const done = await waitForJob(server, job.id);
      expect(done.results?.map((result) => [result.id, result.status])).toEqual(
        ids.map((id) => [id, 'Deleted']),
      );
    }
    expect(await membershipsOf(user.id)).toEqual([]);
  });

  it('queues create_many and destroy_many as jobs that create and delete the memberships', async () => {
    const user = claim(await endUserWithoutMemberships(used));
    const [a, b] = organizations as [Organization, Organization];
    const response = await send(server, 'POST', '/organization_memberships/create_many.json', {
      organization_memberships: [
        { user_id: user.id, organization_id: a.id },
        { user_id: user.id, organization_id: b.id },
      ],
    });
    const { job_status: queued } = await expectJson<{ job_status: JobStatus }>(response, 200);
    expect(queued).toMatchObject({ status: 'queued', total: 2, progress: null, results: null });
    const created = await waitForJob(server, queued.id);
    expect(created).toMatchObject({ status: 'completed', progress: 2 });
    const listed = await membershipsOf(user.id);
    expect(created.results?.map((r) => r.id).sort()).toEqual(listed.map((m) => m.id).sort());
    expect(created.results?.every((r) => r.status === 'Created' && r.success === true)).toBe(true);

    const ids = listed.map((m) => m.id).join(',');
    const destroy = await send(server, 'DELETE', `/organization_memberships/destroy_many?ids=${ids}`);
    const { job_status: destroying } = await expectJson<{ job_status: JobStatus }>(destroy, 200);
    const destroyed = await waitForJob(server, destroying.id);
    expect(destroyed.results?.map((r) => r.status)).toEqual(['Deleted', 'Deleted']);
    expect(await membershipsOf(user.id)).toEqual([]);
    expect((await userById(user.id)).organization_id).toBeNull();
  });
});
