import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../../contract/group.ts';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { JobStatus } from '../../../contract/job-status.ts';
import type { Organization } from '../../../contract/organization.ts';
import type { OrganizationMembership } from '../../../contract/organization-membership.ts';
import type { User } from '../../../contract/user.ts';
import {
  expectError,
  expectJson,
  FORBIDDEN,
  getJson,
  type OffsetList,
  send,
} from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type GroupMemberships = OffsetList<'group_memberships', GroupMembership>;
type OrganizationMemberships = OffsetList<'organization_memberships', OrganizationMembership>;

let server: TestServer;
let admin: User;
let agent: User;
let eve: User;
let groups: Group[];
let organizations: Organization[];
let staff: User[];
let endUsers: User[];

beforeAll(async () => {
  server = await startTestServer();
  admin = (await getJson<{ user: User }>(server, '/users/me')).user;
  agent = (await getJson<{ user: User }>(server, '/users/me', 'agent')).user;
  eve = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
  groups = (await getJson<OffsetList<'groups', Group>>(server, '/groups')).groups;
  organizations = (await getJson<OffsetList<'organizations', Organization>>(server, '/organizations'))
    .organizations;
  staff = (await getJson<OffsetList<'users', User>>(server, '/users?role=agent')).users.filter(
    (u) => u.custom_role_id === null && u.id !== agent.id,
  );
  endUsers = (await getJson<OffsetList<'users', User>>(server, '/users?role=end-user')).users.filter(
    (u) => u.id !== eve.id,
  );
});
afterAll(() => server.close());

async function groupMembershipsOf(userId: number): Promise<GroupMembership[]> {
  return (await getJson<GroupMemberships>(server, `/users/${userId}/group_memberships`)).group_memberships;
}

async function organizationMembershipsOf(userId: number): Promise<OrganizationMembership[]> {
  return (await getJson<OrganizationMemberships>(server, `/users/${userId}/organization_memberships`))
    .organization_memberships;
}

async function expectForbidden(response: Promise<Response>): Promise<void> {
  expect(await expectError(await response, 403)).toEqual(FORBIDDEN);
}

/** A staff member's group they are not in, taken one at a time so tests do not collide. */
let nextStaff = 0;
async function freeGroupPair(): Promise<{ user: User; group: Group }> {
  for (; nextStaff < staff.length; nextStaff++) {
    const user = staff[nextStaff] as User;
    const mine = new Set((await groupMembershipsOf(user.id)).map((m) => m.group_id));
    const group = groups.find((g) => !mine.has(g.id));
    if (group) {
      nextStaff++;
      return { user, group };
    }
  }
  throw new Error('no free staff/group pair left');
}

describe('end users', () => {
  it('are refused every group membership endpoint with 403', async () => {
    const membership = (await groupMembershipsOf(admin.id))[0] as GroupMembership;
    for (const path of [
      '/group_memberships',
      '/group_memberships/assignable',
      `/group_memberships/${membership.id}`,
      `/users/${admin.id}/group_memberships`,
      `/users/${eve.id}/group_memberships`,
      `/groups/${membership.group_id}/memberships`,
      '/groups',
      '/users',
      '/job_statuses',
    ]) {
      await expectForbidden(server.api(path, { as: 'endUser' }));
    }
    const body = { group_membership: { user_id: admin.id, group_id: membership.group_id } };
    await expectForbidden(send(server, 'POST', '/group_memberships', body, 'endUser'));
    await expectForbidden(
      send(server, 'DELETE', `/group_memberships/${membership.id}`, undefined, 'endUser'),
    );
  });

  it('list only their own organization memberships at /organization_memberships', async () => {
    const body = await getJson<OrganizationMemberships>(
      server,
      '/organization_memberships?per_page=100',
      'endUser',
    );
    const mine = await organizationMembershipsOf(eve.id);
    expect(body.organization_memberships.length).toBeGreaterThan(0);
    expect(body.organization_memberships.every((m) => m.user_id === eve.id)).toBe(true);
    expect(body.count).toBe(mine.length);
  });

  it("read their own list under /users/{id}/organization_memberships but not someone else's", async () => {
    const own = await getJson<OrganizationMemberships>(
      server,
      `/users/${eve.id}/organization_memberships`,
      'endUser',
    );
    expect(own.organization_memberships.map((m) => m.id)).toEqual(
      (await organizationMembershipsOf(eve.id)).map((m) => m.id),
    );
    const other = endUsers[0] as User;
    await expectForbidden(server.api(`/users/${other.id}/organization_memberships`, { as: 'endUser' }));
    const membership = own.organization_memberships[0] as OrganizationMembership;
    await expectForbidden(server.api(`/organization_memberships/${membership.id}`, { as: 'endUser' }));
  });
});

describe('plain agents', () => {
  it('may read group memberships but not add or remove them', async () => {
    const { user, group } = await freeGroupPair();
    expect((await server.api('/group_memberships', { as: 'agent' })).status).toBe(200);
    await expectForbidden(
      send(
        server,
        'POST',
        '/group_memberships',
        { group_membership: { user_id: user.id, group_id: group.id } },
        'agent',
      ),
    );
    await expectForbidden(
      send(
        server,
        'POST',
        `/users/${user.id}/group_memberships`,
        { group_membership: { group_id: group.id } },
        'agent',
      ),
    );
    await expectForbidden(
      send(
        server,
        'POST',
        '/group_memberships/create_many',
        { group_memberships: [{ user_id: user.id, group_id: group.id }] },
        'agent',
      ),
    );
    const existing = (await groupMembershipsOf(user.id))[0] as GroupMembership;
    await expectForbidden(send(server, 'DELETE', `/group_memberships/${existing.id}`, undefined, 'agent'));
    await expectForbidden(
      send(server, 'DELETE', `/users/${user.id}/group_memberships/${existing.id}`, undefined, 'agent'),
    );
    await expectForbidden(
      send(server, 'DELETE', `/group_memberships/destroy_many?ids=${existing.id}`, undefined, 'agent'),
    );
    expect((await groupMembershipsOf(user.id)).map((m) => m.id)).toContain(existing.id);
  });

  it('may change which group membership is the default', async () => {
    const memberships = await groupMembershipsOf(agent.id);
    const target = (memberships.find((m) => !m.default) ?? memberships[0]) as GroupMembership;
    const response = await send(
      server,
      'PUT',
      `/users/${agent.id}/group_memberships/${target.id}/make_default`,
      undefined,
      'agent',
    );
    const body = await expectJson<{ group_memberships: GroupMembership[] }>(response, 200);
    expect(body.group_memberships.filter((m) => m.default).map((m) => m.id)).toEqual([target.id]);
  });

  it('may add an end user to an organization but not an agent', async () => {
    let customer: User | undefined;
    let organization: Organization | undefined;
    for (const candidate of endUsers) {
      const mine = new Set((await organizationMembershipsOf(candidate.id)).map((m) => m.organization_id));
      organization = organizations.find((o) => !mine.has(o.id));
      customer = candidate;
      if (organization) break;
    }
    if (!customer || !organization) throw new Error('every end user is in every organization');
    const added = await send(
      server,
      'POST',
      '/organization_memberships',
      { organization_membership: { user_id: customer.id, organization_id: organization.id } },
      'agent',
    );
    const { organization_membership: created } = await expectJson<{
      organization_membership: OrganizationMembership;
    }>(added, 201);
    await expectForbidden(
      send(
        server,
        'POST',
        `/users/${admin.id}/organization_memberships`,
        { organization_membership: { organization_id: organization.id } },
        'agent',
      ),
    );
    expect(await organizationMembershipsOf(admin.id)).toEqual([]);
    const removed = await send(
      server,
      'DELETE',
      `/organization_memberships/${created.id}`,
      undefined,
      'agent',
    );
    expect(removed.status).toBe(204);
  });

  it("may not remove or re-default an agent's organization membership, only an end user's", async () => {
    const organization = organizations[0] as Organization;
    const [first, second] = organizations.slice(1) as [Organization, Organization];
    for (const target of [organization, first, second]) {
      const response = await send(server, 'POST', '/organization_memberships', {
        organization_membership: { user_id: agent.id, organization_id: target.id },
      });
      expect(response.status).toBe(201);
    }
    const [own, other] = (await organizationMembershipsOf(agent.id)) as [
      OrganizationMembership,
      OrganizationMembership,
    ];
    await expectForbidden(send(server, 'DELETE', `/organization_memberships/${own.id}`, undefined, 'agent'));
    await expectForbidden(
      send(server, 'DELETE', `/users/${agent.id}/organization_memberships/${own.id}`, undefined, 'agent'),
    );
    await expectForbidden(
      send(
        server,
        'PUT',
        `/users/${agent.id}/organization_memberships/${other.id}/make_default`,
        undefined,
        'agent',
      ),
    );

    const customerMemberships = await organizationMembershipsOf(eve.id);
    const target = customerMemberships.at(-1) as OrganizationMembership;
    const response = await send(
      server,
      'PUT',
      `/users/${eve.id}/organization_memberships/${target.id}/make_default`,
      undefined,
      'agent',
    );
    expect(response.status).toBe(200);
  });

  it('may queue organization membership bulk jobs', async () => {
    const response = await send(
      server,
      'DELETE',
      '/organization_memberships/destroy_many?ids=500999999',
      undefined,
      'agent',
    );
    expect((await expectJson<{ job_status: JobStatus }>(response, 200)).job_status.status).toBe('queued');
  });
});

describe('group managers (agents with a custom role)', () => {
  it('may add and remove group memberships, one at a time and in bulk', async () => {
    const { user, group } = await freeGroupPair();
    const created = await send(
      server,
      'POST',
      '/group_memberships',
      { group_membership: { user_id: user.id, group_id: group.id } },
      'groupManager',
    );
    const { group_membership: membership } = await expectJson<{ group_membership: GroupMembership }>(
      created,
      201,
    );
    const removed = await send(
      server,
      'DELETE',
      `/group_memberships/${membership.id}`,
      undefined,
      'groupManager',
    );
    expect(removed.status).toBe(204);
    const bulk = await send(
      server,
      'POST',
      '/group_memberships/create_many',
      { group_memberships: [{ user_id: user.id, group_id: group.id }] },
      'groupManager',
    );
    expect(bulk.status).toBe(200);
  });

  it('see every group membership as assignable', async () => {
    const all = await getJson<GroupMemberships>(server, '/group_memberships?per_page=1');
    const assignable = await getJson<GroupMemberships>(
      server,
      '/group_memberships/assignable?per_page=1',
      'groupManager',
    );
    expect(assignable.count).toBe(all.count);
  });
});

describe('what an end user can learn about records that are not theirs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('gets the same 403 for an existing and a missing id, so ids cannot be probed', async () => {
    for (const path of [
      '/users/{id}/groups',
      '/groups/{id}/users',
      '/organizations/{id}/users',
      '/users/{id}/organizations',
    ]) {
      const missing = await server.api(path.replace('{id}', '999999999'), { as: 'endUser' });
      expect(missing.status).toBe(403);
    }
  });
});
