import { BoxClient, BoxDeveloperTokenAuth } from 'box-typescript-sdk-gen';
import { BoxApiError } from 'box-typescript-sdk-gen/box/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { BOX_DEMO_IDENTITIES } from './box-demo-identities.ts';

/**
 * Box's official TypeScript SDK, pointed at the sandbox: an independent client that parses every
 * answer with Box's own schemas, so a shape the sandbox gets wrong fails here.
 */
let server: TestServer;
let client: BoxClient;

function clientAs(token: string): BoxClient {
  return new BoxClient({ auth: new BoxDeveloperTokenAuth({ token }) }).withCustomBaseUrls({
    baseUrl: `${server.url}/sandbox/box`,
    uploadUrl: `${server.url}/sandbox/box/upload`,
    oauth2Url: `${server.url}/sandbox/box/oauth2`,
  });
}

/**
 * The SDK's error message: `{status} "{Box's message}"; Request ID: "…"`. (Its `responseInfo`
 * field comes back undefined from this SDK build, so the message is what a caller can read.)
 */
async function apiErrorOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BoxApiError);
  return (error as BoxApiError).message;
}

beforeAll(async () => {
  server = await startTestServer();
  client = clientAs(BOX_DEMO_IDENTITIES.admin.token);
});
afterAll(() => server.close());

describe('the official Box SDK against the sandbox', () => {
  it('reads the signed-in user, users by filter, offset and marker, and groups by prefix', async () => {
    const me = await client.users.getUserMe();
    expect(me).toMatchObject({
      type: 'user',
      name: 'Ada Admin',
      login: 'admin@roster.example',
      role: 'admin',
    });

    const found = await client.users.getUsers({ filterTerm: 'group-manager' });
    expect(found.entries?.map((u) => u.name)).toEqual(['Grace Groupmanager']);
    const offsetPage = await client.users.getUsers({ limit: 10, offset: 20 });
    expect(offsetPage).toMatchObject({ totalCount: 30, limit: 10, offset: 20 });
    expect(offsetPage.entries).toHaveLength(10);

    const ids: string[] = [];
    let marker: string | undefined;
    do {
      const page = await client.users.getUsers({ usemarker: true, limit: 8, ...(marker && { marker }) });
      ids.push(...(page.entries ?? []).map((u) => u.id));
      marker = page.nextMarker ?? undefined;
    } while (marker);
    expect(new Set(ids).size).toBe(30);

    const groups = await client.groups.getGroups({ filterTerm: 'Support' });
    expect(groups.entries?.map((g) => g.name).sort()).toEqual(['Support Leads', 'Support Team']);
    const group = await client.groups.getGroupById(groups.entries?.[0]?.id ?? '');
    expect(group).toMatchObject({ type: 'group', id: groups.entries?.[0]?.id, groupType: 'managed_group' });
  });

  it('lists, creates, reads, updates and deletes group memberships', async () => {
    const finance = (await client.groups.getGroups({ filterTerm: 'Finance' })).entries?.[0];
    const groupId = finance?.id ?? '';
    const members = await client.memberships.getGroupMemberships(groupId, { queryParams: { limit: 1000 } });
    expect(members.totalCount).toBe(members.entries?.length);
    const inGroup = new Set(members.entries?.map((m) => m.user?.id));
    const users = await client.users.getUsers({ limit: 1000 });
    const newcomer = users.entries?.find((u) => !inGroup.has(u.id) && u.role === 'user');
    const userId = newcomer?.id ?? '';

    const created = await client.memberships.createGroupMembership({
      user: { id: userId },
      group: { id: groupId },
      role: 'member',
    });
    expect(created).toMatchObject({ type: 'group_membership', role: 'member', user: { id: userId } });
    const id = created.id ?? '';
    expect((await client.memberships.getGroupMembershipById(id)).role).toBe('member');

    const promoted = await client.memberships.updateGroupMembershipById(id, {
      requestBody: { role: 'admin', configurablePermissions: { can_run_reports: false } },
    });
    expect(promoted.role).toBe('admin');
    expect(promoted.rawData).toMatchObject({
      configurable_permissions: { can_run_reports: false, can_edit_accounts: true },
    });

    const ofUser = await client.memberships.getUserMemberships(userId);
    expect(ofUser.entries?.find((m) => m.id === id)).toMatchObject({ role: 'admin', group: { id: groupId } });

    const duplicate = await apiErrorOf(
      client.memberships.createGroupMembership({ user: { id: userId }, group: { id: groupId } }),
    );
    expect(duplicate).toMatch(/^409 ".* is already a member of Finance"; Request ID: "[0-9a-f]{16}"$/);

    await client.memberships.deleteGroupMembershipById(id);
    const gone = await apiErrorOf(client.memberships.getGroupMembershipById(id));
    expect(gone).toMatch(/^404 "Not Found"/);
  });

  it('gets a user by id, whole or with fields, and refuses a non-admin reading someone else', async () => {
    const grace = (await client.users.getUsers({ filterTerm: 'group-manager' })).entries?.[0];
    const id = grace?.id ?? '';
    const user = await client.users.getUserById(id);
    expect(user).toMatchObject({
      type: 'user',
      id,
      name: 'Grace Groupmanager',
      login: 'group-manager@roster.example',
    });
    const partial = await client.users.getUserById(id, { queryParams: { fields: ['status'] } });
    expect(partial.rawData).toEqual({
      type: 'user',
      id,
      name: 'Grace Groupmanager',
      login: 'group-manager@roster.example',
      status: 'active',
    });
    const member = clientAs(BOX_DEMO_IDENTITIES.member.token);
    expect((await member.users.getUserById((await member.users.getUserMe()).id)).login).toBe(
      'agent@roster.example',
    );
    expect(await apiErrorOf(member.users.getUserById(id))).toMatch(
      /^403 "Access denied - insufficient permission"/,
    );
  });

  it('answers the membership calls with the base plus the fields asked for', async () => {
    const finance = (await client.groups.getGroups({ filterTerm: 'Finance' })).entries?.[0];
    const groupId = finance?.id ?? '';
    const members = await client.memberships.getGroupMemberships(groupId, { queryParams: { limit: 1000 } });
    const inGroup = new Set(members.entries?.map((m) => m.user?.id));
    const users = await client.users.getUsers({ limit: 1000 });
    const userId = users.entries?.find((u) => !inGroup.has(u.id) && u.role === 'user')?.id ?? '';

    const created = await client.memberships.createGroupMembership(
      { user: { id: userId }, group: { id: groupId } },
      { queryParams: { fields: ['role'] } },
    );
    expect(created.rawData).toEqual({ type: 'group_membership', id: created.id, role: 'member' });
    const id = created.id ?? '';
    const read = await client.memberships.getGroupMembershipById(id, { queryParams: { fields: ['user'] } });
    expect(Object.keys(read.rawData ?? {}).sort()).toEqual(['id', 'type', 'user']);
    expect(read.user?.id).toBe(userId);
    const updated = await client.memberships.updateGroupMembershipById(id, {
      requestBody: { role: 'admin', configurablePermissions: { can_instant_login: false } },
      queryParams: { fields: ['configurable_permissions'] },
    });
    expect(updated.rawData).toEqual({
      type: 'group_membership',
      id,
      configurable_permissions: {
        can_run_reports: true,
        can_instant_login: false,
        can_create_accounts: true,
        can_edit_accounts: true,
      },
    });
    await client.memberships.deleteGroupMembershipById(id);
  });

  it('surfaces Box errors: offset beyond 10,000, permissions and a bad token', async () => {
    const tooFar = await apiErrorOf(client.groups.getGroups({ offset: 10_001 }));
    expect(tooFar).toMatch(/^400 "Invalid value '10001' for offset: offset cannot exceed 10000"/);
    const member = clientAs(BOX_DEMO_IDENTITIES.member.token);
    const denied = await apiErrorOf(member.groups.getGroups());
    expect(denied).toMatch(/^403 "Access denied - insufficient permission"/);
    expect((await member.users.getUserMe()).login).toBe('agent@roster.example');
    await expect(clientAs('not-a-token').users.getUserMe()).rejects.toThrow();
  });

  it('rides out a 429 with the SDK’s own retry', async () => {
    const faults = `${server.url}/sandbox/box/_sandbox/faults`;
    const headers = {
      authorization: `Bearer ${BOX_DEMO_IDENTITIES.admin.token}`,
      'content-type': 'application/json',
    };
    await fetch(faults, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ faults: { rules: [{ path_contains: '/users/me', status: 429, times: 1 }] } }),
    });
    try {
      // The first attempt gets the injected 429; only the SDK's retry can make this succeed.
      expect((await client.users.getUserMe()).name).toBe('Ada Admin');
    } finally {
      await fetch(faults, { method: 'DELETE', headers });
    }
  });
});
