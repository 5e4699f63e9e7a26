import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Count } from '../../../contract/count.ts';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { User } from '../../../contract/user.ts';
import {
  expectError,
  expectErrorList,
  FORBIDDEN,
  getJson,
  type OffsetList,
  RECORD_NOT_FOUND,
} from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_IDENTITIES, type DemoIdentityKey } from '../demo-identities.ts';

type Users = OffsetList<'users', User>;

let server: TestServer;
let everyone: User[];

beforeAll(async () => {
  server = await startTestServer();
  everyone = (await getJson<Users>(server, '/users?per_page=100')).users;
});
afterAll(() => server.close());

function ids(users: User[]): number[] {
  return users.map((u) => u.id).sort((a, b) => a - b);
}

describe('users', () => {
  it('answers /users/me for each demo identity with that identity', async () => {
    for (const key of Object.keys(DEMO_IDENTITIES) as DemoIdentityKey[]) {
      const { user } = await getJson<{ user: User }>(server, '/users/me.json', key);
      expect(user).toMatchObject({ email: DEMO_IDENTITIES[key].email, role: DEMO_IDENTITIES[key].role });
      expect(user.custom_role_id === null).toBe(!DEMO_IDENTITIES[key].customRole);
    }
  });

  it('lists users with role= and with repeated role[]=', async () => {
    const agents = await getJson<Users>(server, '/users?role=agent&per_page=100');
    expect(agents.users.length).toBeGreaterThan(0);
    expect(agents.users.every((u) => u.role === 'agent')).toBe(true);
    expect(ids(agents.users)).toEqual(ids(everyone.filter((u) => u.role === 'agent')));

    const staff = await getJson<Users>(server, '/users.json?role[]=agent&role[]=admin&per_page=100');
    expect(ids(staff.users)).toEqual(ids(everyone.filter((u) => u.role !== 'end-user')));
    expect(staff.users.some((u) => u.role === 'admin')).toBe(true);

    const bad = await expectError(await server.api('/users?role=owner'), 400);
    expect(bad.error).toBe('InvalidValue');
  });

  it('presents the fields the dashboard needs, role_type 4 for admins and 0 for custom roles', async () => {
    for (const user of everyone) {
      expect(user.url).toBe(`${server.apiUrl}/users/${user.id}.json`);
      expect(user.role_type).toBe(user.role === 'admin' ? 4 : user.custom_role_id !== null ? 0 : null);
      expect(typeof user.suspended).toBe('boolean');
      expect(user).toHaveProperty('default_group_id');
      expect(user).toHaveProperty('organization_id');
    }
  });

  it('shows one user, answers unknown ids with 404, and lets an end user see only herself', async () => {
    const someone = everyone[5] as User;
    expect((await getJson<{ user: User }>(server, `/users/${someone.id}`)).user).toEqual(someone);
    expect(await expectError(await server.api('/users/380999999'), 404)).toEqual(RECORD_NOT_FOUND);
    const eve = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
    expect((await getJson<{ user: User }>(server, `/users/${eve.id}`, 'endUser')).user.id).toBe(eve.id);
    expect(await expectError(await server.api(`/users/${someone.id}`, { as: 'endUser' }), 403)).toEqual(
      FORBIDDEN,
    );
  });

  it('counts users, optionally by role', async () => {
    expect((await getJson<Count>(server, '/users/count')).count.value).toBe(everyone.length);
    const admins = await getJson<Count>(server, '/users/count.json?role=admin');
    expect(admins.count.value).toBe(everyone.filter((u) => u.role === 'admin').length);
  });

  it('autocompletes by name prefix, ordered by name', async () => {
    const target = everyone[10] as User;
    const prefix = target.name.slice(0, 2);
    const body = await getJson<Users>(server, `/users/autocomplete?name=${encodeURIComponent(prefix)}`);
    expect(body.users.map((u) => u.id)).toContain(target.id);
    expect(body.users.every((u) => u.name.toLowerCase().startsWith(prefix.toLowerCase()))).toBe(true);
    const names = body.users.map((u) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('searches by free text, email: and role:, with offset pagination only', async () => {
    const byEmail = await getJson<Users>(server, '/users/search?query=email:admin@roster.example');
    expect(byEmail.users.map((u) => u.email)).toEqual(['admin@roster.example']);
    const text = await getJson<Users>(server, `/users/search.json?query=${encodeURIComponent('Grace')}`);
    expect(text.users.map((u) => u.email)).toContain(DEMO_IDENTITIES.groupManager.email);
    const admins = await getJson<Users>(server, '/users/search?query=role:admin&per_page=2');
    expect(admins.users).toHaveLength(2);
    expect(admins.count).toBe(everyone.filter((u) => u.role === 'admin').length);
    expect(admins.next_page).toContain('page=2');
    await expectErrorList(await server.api('/users/search?query=a&page[size]=5'), 400);
    expect((await expectError(await server.api('/users/search'), 400)).error).toBe('InvalidValue');
  });

  it('shows many users by ids', async () => {
    const wanted = everyone.slice(0, 3).map((u) => u.id);
    const body = await getJson<{ users: User[] }>(server, `/users/show_many?ids=${wanted.join(',')}`);
    expect(body.users.map((u) => u.id)).toEqual(wanted);
  });

  it("lists a group's users and counts them", async () => {
    const groupId = (everyone.find((u) => u.default_group_id !== null) as User).default_group_id as number;
    const memberships = await getJson<OffsetList<'group_memberships', GroupMembership>>(
      server,
      `/groups/${groupId}/memberships`,
    );
    const users = await getJson<Users>(server, `/groups/${groupId}/users.json`);
    expect(ids(users.users)).toEqual(
      memberships.group_memberships.map((m) => m.user_id).sort((a, b) => a - b),
    );
    const { count } = await getJson<Count>(server, `/groups/${groupId}/users/count`);
    expect(count.value).toBe(memberships.count);
    expect(await expectError(await server.api('/groups/360999999/users'), 404)).toEqual(RECORD_NOT_FOUND);
  });
});

describe('users/search with email:', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('matches the whole address, ignoring case, as Zendesk does; * asks for a partial match', async () => {
    const exact = await (await server.api('/users/search?query=email:ADMIN@roster.example')).json();
    expect(exact.users.map((u: { email: string }) => u.email)).toEqual(['admin@roster.example']);
    const partial = await (await server.api('/users/search?query=email:admin')).json();
    expect(partial.users).toEqual([]);
    const wildcard = await (await server.api('/users/search?query=email:admin*')).json();
    expect(wildcard.users.length).toBeGreaterThan(0);
  });
});

describe('POST /users (Create User)', () => {
  let own: TestServer;
  beforeAll(async () => {
    own = await startTestServer();
  });
  afterAll(() => own.close());

  it('creates a user as an admin and keeps the name exactly as given', async () => {
    const name = '<img src=x onerror=alert(1)> Mallory';
    const response = await own.api('/users.json', {
      method: 'POST',
      body: JSON.stringify({ user: { name, email: 'mallory@example.com', role: 'agent' } }),
    });
    expect(response.status).toBe(201);
    const { user } = await response.json();
    expect(user).toMatchObject({ name, email: 'mallory@example.com', role: 'agent', active: true });
    const again = await own.api(`/users/${user.id}`);
    expect((await again.json()).user.name).toBe(name);
  });

  it('refuses a taken email, a missing name and callers who are not admins', async () => {
    const taken = await own.api('/users', {
      method: 'POST',
      body: JSON.stringify({ user: { name: 'Copy', email: 'agent@roster.example' } }),
    });
    expect(taken.status).toBe(422);
    expect((await taken.json()).details.email[0].error).toBe('DuplicateValue');
    const nameless = await own.api('/users', {
      method: 'POST',
      body: JSON.stringify({ user: { email: 'n@example.com' } }),
    });
    expect(nameless.status).toBe(422);
    const agent = await own.api('/users', {
      method: 'POST',
      as: 'agent',
      body: JSON.stringify({ user: { name: 'X', email: 'x@example.com' } }),
    });
    expect(agent.status).toBe(403);
  });
});
