import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxGroup } from '../../../contract/box/box-group.ts';
import type { BoxGroupMembership } from '../../../contract/box/box-group-membership.ts';
import type { BoxUser } from '../../../contract/box/box-user.ts';
import { type BoxCall, boxCaller, expectBoxError, expectBoxJson } from '../../testing/box-api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Collection<Entry> = {
  total_count: number;
  limit: number;
  offset: number;
  order: unknown[];
  entries: Entry[];
};

let server: TestServer;
let box: BoxCall;
/** The tiny seed's groups by position (see seed-box.ts): 0 admins_and_members, 1 admins_only, 2 all_managed_users. */
let groups: BoxGroup[];
let me: Record<'admin' | 'groupAdmin' | 'member', BoxUser>;
let users: BoxUser[];
const taken = new Set<string>();

async function get<Body>(path: string, as: 'admin' | 'groupAdmin' | 'member' = 'admin'): Promise<Body> {
  return expectBoxJson<Body>(await box('GET', path, { as }), 200);
}

/** A regular user not yet in the group, handed out once per run so that tests never collide. */
async function outsiderOf(group: BoxGroup): Promise<BoxUser> {
  const members = await get<Collection<BoxGroupMembership>>(`/groups/${group.id}/memberships?limit=1000`);
  const inGroup = new Set(members.entries.map((m) => m.user.id));
  const user = users.find(
    (u) =>
      !inGroup.has(u.id) && !taken.has(u.id) && u.role === 'user' && !u.login.endsWith('@roster.example'),
  );
  if (!user) throw new Error(`everyone is in ${group.name}`);
  taken.add(user.id);
  return user;
}

/** A new member (201) of `group`: someone who was not in it. */
async function newMembership(group: BoxGroup): Promise<{ user: BoxUser; created: BoxGroupMembership }> {
  const user = await outsiderOf(group);
  const response = await box('POST', '/group_memberships', {
    body: { user: { id: user.id }, group: { id: group.id } },
  });
  return { user, created: await expectBoxJson<BoxGroupMembership>(response, 201) };
}

beforeAll(async () => {
  server = await startTestServer();
  box = boxCaller(server.url);
  const all = await get<Collection<BoxGroup>>('/groups?limit=1000');
  groups = [...all.entries].sort((a, b) => Number(a.id) - Number(b.id));
  me = {
    admin: await get('/users/me', 'admin'),
    groupAdmin: await get('/users/me', 'groupAdmin'),
    member: await get('/users/me', 'member'),
  };
  users = (await get<Collection<BoxUser>>('/users?limit=1000')).entries;
});
afterAll(() => server.close());

const groupAt = (position: number) => groups[position] as BoxGroup;

describe('GET /groups/{id}/memberships', () => {
  it('pages a group by offset and limit; entries are Box group memberships without permissions', async () => {
    const group = groupAt(0);
    const whole = await get<Collection<BoxGroupMembership>>(`/groups/${group.id}/memberships`);
    expect(whole).toMatchObject({ limit: 100, offset: 0, total_count: whole.entries.length });
    expect(whole.entries.length).toBeGreaterThan(3);
    for (const entry of whole.entries) {
      expect(Object.keys(entry).sort()).toEqual([
        'created_at',
        'group',
        'id',
        'modified_at',
        'role',
        'type',
        'user',
      ]);
      expect(entry).toMatchObject({
        type: 'group_membership',
        id: expect.stringMatching(/^\d+$/),
        user: {
          type: 'user',
          id: expect.stringMatching(/^\d+$/),
          name: expect.any(String),
          login: expect.any(String),
        },
        group: { type: 'group', id: group.id, name: group.name, group_type: 'managed_group' },
        role: expect.stringMatching(/^(member|admin)$/),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
      });
    }
    const walked: string[] = [];
    for (let offset = 0; offset < whole.total_count; offset += 2) {
      const page = await get<Collection<BoxGroupMembership>>(
        `/groups/${group.id}/memberships?limit=2&offset=${offset}`,
      );
      expect(page).toMatchObject({ limit: 2, offset, total_count: whole.total_count });
      walked.push(...page.entries.map((m) => m.id));
    }
    expect(walked).toEqual(whole.entries.map((m) => m.id));
  });

  it('caps limit at 1000, answers the offset ceiling itself and refuses beyond it', async () => {
    const group = groupAt(0);
    expect((await get<Collection<unknown>>(`/groups/${group.id}/memberships?limit=5000`)).limit).toBe(1000);
    const atCeiling = await get<Collection<unknown>>(`/groups/${group.id}/memberships?offset=10000`);
    expect(atCeiling.entries).toEqual([]);
    const beyond = await expectBoxError(
      await box('GET', `/groups/${group.id}/memberships?offset=10001`),
      400,
      'invalid_offset',
    );
    expect(beyond.message).toContain('10000');
    await expectBoxError(
      await box('GET', `/groups/${group.id}/memberships?offset=-1`),
      400,
      'invalid_offset',
    );
    await expectBoxError(await box('GET', `/groups/${group.id}/memberships?limit=0`), 400, 'invalid_limit');
    await expectBoxError(await box('GET', `/groups/${group.id}/memberships?limit=ten`), 400, 'invalid_limit');
  });

  it('answers 404 not_found naming the group for an unknown or malformed id', async () => {
    const body = await expectBoxError(await box('GET', '/groups/39999999/memberships'), 404, 'not_found');
    expect(body.context_info).toEqual({
      errors: [
        { reason: 'invalid_parameter', name: 'group', message: expect.stringContaining("'39999999'") },
      ],
    });
    await expectBoxError(await box('GET', '/groups/abc/memberships'), 404, 'not_found');
  });

  it("follows the group's member_viewability_level for people who are not admins", async () => {
    expect(groupAt(0).member_viewability_level).toBe('admins_and_members');
    expect(groupAt(1).member_viewability_level).toBe('admins_only');
    expect(groupAt(2).member_viewability_level).toBe('all_managed_users');
    await get(`/groups/${groupAt(0).id}/memberships`, 'member');
    await expectBoxError(
      await box('GET', `/groups/${groupAt(1).id}/memberships`, { as: 'member' }),
      403,
      'access_denied_insufficient_permissions',
    );
    await get(`/groups/${groupAt(1).id}/memberships`, 'groupAdmin');
    await get(`/groups/${groupAt(2).id}/memberships`, 'member');
  });
});

describe('GET /users/{id}/memberships', () => {
  it("lists a user's groups with role for admins and for the user themself, refusing others", async () => {
    const own = await get<Collection<BoxGroupMembership>>(
      `/users/${me.groupAdmin.id}/memberships`,
      'groupAdmin',
    );
    expect(own.entries.map((m) => [m.group.name, m.role])).toEqual([
      [groupAt(1).name, 'admin'],
      [groupAt(2).name, 'admin'],
      [groupAt(3).name, 'member'],
    ]);
    expect(await get(`/users/${me.groupAdmin.id}/memberships`)).toEqual(own);
    await expectBoxError(
      await box('GET', `/users/${me.groupAdmin.id}/memberships`, { as: 'member' }),
      403,
      'access_denied_insufficient_permissions',
    );
    await expectBoxError(await box('GET', '/users/29999999/memberships'), 404, 'not_found');
  });
});

describe('POST /group_memberships', () => {
  it('creates a member by default (201) and an admin whose left-out permissions are enabled', async () => {
    const group = groupAt(4);
    const first = await outsiderOf(group);
    const second = await outsiderOf(group);
    const member = await expectBoxJson<BoxGroupMembership>(
      await box('POST', '/group_memberships', { body: { user: { id: first.id }, group: { id: group.id } } }),
      201,
    );
    expect(member).toMatchObject({
      type: 'group_membership',
      user: { id: first.id, login: first.login },
      group: { id: group.id },
      role: 'member',
      configurable_permissions: null,
    });
    const admin = await expectBoxJson<BoxGroupMembership>(
      await box('POST', '/group_memberships', {
        body: {
          user: { id: second.id },
          group: { id: group.id },
          role: 'admin',
          configurable_permissions: { can_instant_login: false },
        },
      }),
      201,
    );
    expect(admin.configurable_permissions).toEqual({
      can_run_reports: true,
      can_instant_login: false,
      can_create_accounts: true,
      can_edit_accounts: true,
    });
    expect(await get(`/group_memberships/${admin.id}`)).toEqual(admin);
  });

  it('answers a duplicate with 409 conflict carrying the existing membership', async () => {
    const existing = (
      await get<Collection<BoxGroupMembership>>(`/groups/${groupAt(0).id}/memberships?limit=1`)
    ).entries[0];
    const body = await expectBoxError(
      await box('POST', '/group_memberships', {
        body: { user: { id: existing?.user.id }, group: { id: groupAt(0).id } },
      }),
      409,
      'conflict',
    );
    expect(body.context_info).toEqual({ conflicts: [existing] });
  });

  it('refuses people who are not admins, unknown users and groups, and bad bodies with Box errors', async () => {
    const user = await outsiderOf(groupAt(1));
    const body = { user: { id: user.id }, group: { id: groupAt(1).id } };
    await expectBoxError(
      await box('POST', '/group_memberships', { body, as: 'groupAdmin' }),
      403,
      'access_denied_insufficient_permissions',
    );
    const unknownUser = await expectBoxError(
      await box('POST', '/group_memberships', { body: { ...body, user: { id: '29999999' } } }),
      404,
      'not_found',
    );
    expect(unknownUser.context_info).toMatchObject({ errors: [{ name: 'user' }] });
    await expectBoxError(
      await box('POST', '/group_memberships', { body: { ...body, group: { id: '39999999' } } }),
      404,
      'not_found',
    );
    const missing = await expectBoxError(
      await box('POST', '/group_memberships', { body: { user: body.user } }),
      400,
      'bad_request',
    );
    expect(missing.context_info).toMatchObject({ errors: [{ reason: 'invalid_parameter', name: 'group' }] });
    const badRole = await expectBoxError(
      await box('POST', '/group_memberships', { body: { ...body, role: 'owner' } }),
      400,
      'bad_request',
    );
    expect(badRole.context_info).toMatchObject({ errors: [{ name: 'role' }] });
    await expectBoxError(await box('POST', '/group_memberships', { body: '{"user":' }), 400, 'bad_request');
    await expectBoxError(
      await box('POST', '/group_memberships', {
        body: JSON.stringify(body),
        headers: { 'content-type': 'text/plain' },
      }),
      400,
      'bad_request',
    );
  });
});

describe('GET, PUT and DELETE /group_memberships/{id}', () => {
  it('changes the role and permissions; a member holds no permissions', async () => {
    const { user, created } = await newMembership(groupAt(1));
    const promoted = await expectBoxJson<BoxGroupMembership>(
      await box('PUT', `/group_memberships/${created.id}`, {
        body: {
          role: 'admin',
          configurable_permissions: { can_run_reports: false, can_edit_accounts: false },
        },
      }),
      200,
    );
    expect(promoted).toMatchObject({
      id: created.id,
      role: 'admin',
      user: { id: user.id },
      configurable_permissions: {
        can_run_reports: false,
        can_instant_login: true,
        can_create_accounts: true,
        can_edit_accounts: false,
      },
    });
    const kept = await expectBoxJson<BoxGroupMembership>(
      await box('PUT', `/group_memberships/${created.id}`, { body: {} }),
      200,
    );
    expect(kept.configurable_permissions).toEqual(promoted.configurable_permissions);
    const disabled = await expectBoxJson<BoxGroupMembership>(
      await box('PUT', `/group_memberships/${created.id}`, { body: { configurable_permissions: null } }),
      200,
    );
    expect(Object.values(disabled.configurable_permissions ?? {})).toEqual([false, false, false, false]);
    const demoted = await expectBoxJson<BoxGroupMembership>(
      await box('PUT', `/group_memberships/${created.id}`, { body: { role: 'member' }, as: 'groupAdmin' }),
      200,
    );
    expect(demoted).toMatchObject({ role: 'member', configurable_permissions: null });
    await expectBoxError(
      await box('PUT', `/group_memberships/${created.id}`, { body: { role: 'boss' } }),
      400,
      'bad_request',
    );
  });

  it('lets admins and the group’s admins read and delete, answering 204 and then 404', async () => {
    const { created } = await newMembership(groupAt(3));
    // Grace is only a member of this group, and Alan is not in it.
    for (const as of ['groupAdmin', 'member'] as const) {
      await expectBoxError(
        await box('GET', `/group_memberships/${created.id}`, { as }),
        403,
        'access_denied_insufficient_permissions',
      );
      await expectBoxError(
        await box('DELETE', `/group_memberships/${created.id}`, { as }),
        403,
        'access_denied_insufficient_permissions',
      );
    }
    const deleted = await box('DELETE', `/group_memberships/${created.id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    await expectBoxError(await box('DELETE', `/group_memberships/${created.id}`), 404, 'not_found');
    await expectBoxError(await box('GET', `/group_memberships/${created.id}`), 404, 'not_found');
    await expectBoxError(
      await box('PUT', `/group_memberships/${created.id}`, { body: {} }),
      404,
      'not_found',
    );
  });
});

describe('who changes what in a membership', () => {
  /** Grace's own admin membership of group 1. */
  async function gracesMembership(): Promise<BoxGroupMembership> {
    const mine = await get<Collection<BoxGroupMembership>>(`/users/${me.groupAdmin.id}/memberships`);
    const entry = mine.entries.find((m) => m.group.id === groupAt(1).id && m.role === 'admin');
    if (!entry) throw new Error('Grace is not an admin of group 1');
    return get<BoxGroupMembership>(`/group_memberships/${entry.id}`);
  }

  it('refuses a group admin who changes configurable permissions, her own included, with 403', async () => {
    const own = await gracesMembership();
    for (const configurable_permissions of [{}, { can_instant_login: true }, null]) {
      const response = await box('PUT', `/group_memberships/${own.id}`, {
        body: { configurable_permissions },
        as: 'groupAdmin',
      });
      const error = await expectBoxError(response, 403, 'access_denied_insufficient_permissions');
      expect(error.message).toBe('Only enterprise admins and co-admins may change configurable_permissions');
    }
    expect((await gracesMembership()).configurable_permissions).toEqual(own.configurable_permissions);
  });

  it('gives a member a group admin promotes none of the configurable permissions', async () => {
    const { created } = await newMembership(groupAt(1));
    const promoted = await expectBoxJson<BoxGroupMembership>(
      await box('PUT', `/group_memberships/${created.id}`, { body: { role: 'admin' }, as: 'groupAdmin' }),
      200,
    );
    expect(promoted).toMatchObject({
      role: 'admin',
      configurable_permissions: {
        can_run_reports: false,
        can_instant_login: false,
        can_create_accounts: false,
        can_edit_accounts: false,
      },
    });
    const granted = await expectBoxJson<BoxGroupMembership>(
      await box('PUT', `/group_memberships/${created.id}`, {
        body: {
          configurable_permissions: {
            can_run_reports: true,
            can_instant_login: false,
            can_create_accounts: false,
            can_edit_accounts: false,
          },
        },
      }),
      200,
    );
    expect(granted.configurable_permissions?.can_run_reports).toBe(true);
  });

  it.each(['user', 'group'])(
    'refuses a PUT that tries to change the %s with 400 bad_request naming it',
    async (field) => {
      const own = await gracesMembership();
      const response = await box('PUT', `/group_memberships/${own.id}`, {
        body: { role: 'admin', [field]: { id: field === 'user' ? me.member.id : groupAt(0).id } },
      });
      const error = await expectBoxError(response, 400, 'bad_request');
      expect(error.message).toMatch(new RegExp(`^Bad request: ${field} cannot be changed`));
      expect(error.context_info).toEqual({
        errors: [{ reason: 'invalid_parameter', name: field, message: error.message }],
      });
      expect((await gracesMembership()).user.id).toBe(me.groupAdmin.id);
    },
  );
});

describe('fields', () => {
  it('answers the base (type and id) plus the fields asked for on create, read and update', async () => {
    const user = await outsiderOf(groupAt(2));
    const created = await expectBoxJson<Record<string, unknown>>(
      await box('POST', '/group_memberships?fields=role,user', {
        body: { user: { id: user.id }, group: { id: groupAt(2).id } },
      }),
      201,
    );
    expect(Object.keys(created).sort()).toEqual(['id', 'role', 'type', 'user']);
    expect(created).toMatchObject({ type: 'group_membership', role: 'member', user: { id: user.id } });
    const id = String(created.id);
    const read = await get<Record<string, unknown>>(
      `/group_memberships/${id}?fields=configurable_permissions`,
    );
    expect(read).toEqual({ type: 'group_membership', id, configurable_permissions: null });
    const updated = await expectBoxJson<Record<string, unknown>>(
      await box('PUT', `/group_memberships/${id}?fields=role,configurable_permissions,no_such_field`, {
        body: { role: 'admin', configurable_permissions: { can_instant_login: false } },
      }),
      200,
    );
    expect(updated).toEqual({
      type: 'group_membership',
      id,
      role: 'admin',
      configurable_permissions: {
        can_run_reports: true,
        can_instant_login: false,
        can_create_accounts: true,
        can_edit_accounts: true,
      },
    });
  });

  it('answers list entries with the base plus the fields asked for, permissions included', async () => {
    const group = groupAt(1);
    for (const path of [`/groups/${group.id}/memberships`, `/users/${me.groupAdmin.id}/memberships`]) {
      const page = await get<Collection<Record<string, unknown>>>(
        `${path}?fields=group,configurable_permissions`,
      );
      expect(page.entries.length).toBeGreaterThan(0);
      for (const entry of page.entries) {
        expect(Object.keys(entry).sort(), path).toEqual(['configurable_permissions', 'group', 'id', 'type']);
      }
    }
    const own = await get<Collection<BoxGroupMembership>>(
      `/users/${me.groupAdmin.id}/memberships?fields=role,configurable_permissions`,
    );
    const admin = own.entries.find((entry) => entry.role === 'admin');
    expect(admin?.configurable_permissions).toEqual(
      expect.objectContaining({ can_run_reports: expect.any(Boolean) }),
    );
  });
});

describe('GET /users/{id}', () => {
  it('answers admins with anyone and everyone else with themselves only', async () => {
    const someone = users.find(
      (u) => u.id !== me.member.id && u.id !== me.groupAdmin.id && u.role === 'user',
    ) as BoxUser;
    expect(await get<BoxUser>(`/users/${someone.id}`)).toEqual(someone);
    expect(await get<BoxUser>(`/users/${me.member.id}`, 'member')).toEqual(me.member);
    for (const as of ['member', 'groupAdmin'] as const) {
      await expectBoxError(
        await box('GET', `/users/${someone.id}`, { as }),
        403,
        'access_denied_insufficient_permissions',
      );
      // Refused the same way whether or not the user exists.
      await expectBoxError(
        await box('GET', '/users/99999999', { as }),
        403,
        'access_denied_insufficient_permissions',
      );
    }
    await expectBoxError(await box('GET', '/users/99999999'), 404, 'not_found');
    await expectBoxError(await box('GET', '/users/not-an-id'), 404, 'not_found');
    expect(await get(`/users/${someone.id}?fields=status`)).toEqual({
      type: 'user',
      id: someone.id,
      name: someone.name,
      login: someone.login,
      status: someone.status,
    });
    await expectBoxError(await box('PATCH', `/users/${someone.id}`), 405, 'method_not_allowed');
  });
});

describe('authentication and unknown requests', () => {
  it('answers 401 unauthorized without a valid Bearer token', async () => {
    const none = await box('GET', '/users/me', { as: null });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    await expectBoxError(none, 401, 'unauthorized');
    await expectBoxError(
      await box('GET', '/users/me', { as: null, headers: { authorization: 'Bearer not-a-token' } }),
      401,
      'unauthorized',
    );
    await expectBoxError(
      await box('GET', '/users/me', { as: null, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }),
      401,
      'unauthorized',
    );
  });

  it('answers 405 for a known path with another method and 404 for an unknown path', async () => {
    await expectBoxError(await box('PATCH', '/group_memberships/40000001'), 405, 'method_not_allowed');
    await expectBoxError(await box('DELETE', '/groups'), 405, 'method_not_allowed');
    await expectBoxError(await box('GET', '/folders/0'), 404, 'not_found');
  });
});

describe('rate limit and faults', () => {
  it('answers 429 rate_limit_exceeded with retry-after beyond the per-user limit', async () => {
    const limited = await startTestServer({ SANDBOX_BOX_RATE_LIMIT: '3' });
    try {
      const call = boxCaller(limited.url);
      for (let i = 0; i < 3; i++) await expectBoxJson(await call('GET', '/users/me'), 200);
      const refused = await call('GET', '/users/me');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await expectBoxError(refused, 429, 'rate_limit_exceeded');
      // The limit is per user: another identity still gets through.
      await expectBoxJson(await call('GET', '/users/me', { as: 'member' }), 200);
    } finally {
      await limited.close();
    }
  });

  it('injects a 429 with Box’s body through the Box fault control, for a set number of requests', async () => {
    const faults = `${server.url}/sandbox/box/_sandbox/faults`;
    const headers = { authorization: 'Bearer roster-box-admin-token', 'content-type': 'application/json' };
    const put = await fetch(faults, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        faults: { rules: [{ method: 'POST', path_contains: 'group_memberships', status: 429, times: 2 }] },
      }),
    });
    expect(put.status).toBe(200);
    const body = { user: { id: (await outsiderOf(groupAt(4))).id }, group: { id: groupAt(4).id } };
    for (let i = 0; i < 2; i++) {
      const refused = await box('POST', '/group_memberships', { body });
      expect(refused.headers.get('retry-after')).toBe('1');
      await expectBoxError(refused, 429, 'rate_limit_exceeded');
    }
    await expectBoxJson(await box('POST', '/group_memberships', { body }), 201);
    const member = await fetch(faults, { headers: { authorization: 'Bearer roster-box-member-token' } });
    await expectBoxError(member, 403, 'access_denied_insufficient_permissions');
    expect((await fetch(faults, { method: 'DELETE', headers })).status).toBe(200);
  });
});
