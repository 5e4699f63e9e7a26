import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Count } from '../../../contract/count.ts';
import type { Group } from '../../../contract/group.ts';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { User } from '../../../contract/user.ts';
import {
  expectError,
  expectErrorList,
  getJson,
  type OffsetList,
  RECORD_NOT_FOUND,
} from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Groups = OffsetList<'groups', Group>;

const RETIRED = 'Retired Queue';

let server: TestServer;
let groups: Group[];
let agent: User;

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      // The seed has no deleted group; exclude_deleted needs one.
      prepareDatabase: (db) =>
        db
          .prepare(
            `INSERT INTO groups (name, description, deleted, created_at, updated_at)
             VALUES (?, 'Closed down', 1, '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z')`,
          )
          .run(RETIRED),
    },
  );
  groups = (await getJson<Groups>(server, '/groups')).groups;
  agent = (await getJson<{ user: User }>(server, '/users/me', 'agent')).user;
});
afterAll(() => server.close());

describe('groups', () => {
  it('lists groups with the documented fields, deleted ones unless exclude_deleted=true', async () => {
    const body = await getJson<Groups>(server, '/groups.json');
    expect(body.count).toBe(body.groups.length);
    expect(body.groups.map((g) => g.name)).toContain(RETIRED);
    expect(body.groups.filter((g) => g.default).length).toBe(1);
    for (const group of body.groups) {
      expect(group.url).toBe(`${server.apiUrl}/groups/${group.id}.json`);
      expect(Object.keys(group).sort()).toEqual(
        [
          'created_at',
          'default',
          'deleted',
          'description',
          'id',
          'is_public',
          'name',
          'updated_at',
          'url',
        ].sort(),
      );
    }
    const live = await getJson<Groups>(server, '/groups?exclude_deleted=true');
    expect(live.groups.map((g) => g.name)).not.toContain(RETIRED);
    expect(live.count).toBe(body.count - 1);
  });

  it('shows one group and answers an unknown id with 404 RecordNotFound', async () => {
    const group = groups[1] as Group;
    expect((await getJson<{ group: Group }>(server, `/groups/${group.id}.json`)).group).toEqual(group);
    expect(await expectError(await server.api('/groups/360999999'), 404)).toEqual(RECORD_NOT_FOUND);
  });

  it('counts groups as {"count":{"value","refreshed_at"}}', async () => {
    const { count } = await getJson<Count>(server, '/groups/count');
    expect(count.value).toBe(groups.length);
    expect(count.refreshed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const live = await getJson<Count>(server, '/groups/count.json?exclude_deleted=true');
    expect(live.count.value).toBe(groups.length - 1);
  });

  it('autocompletes live groups by case-insensitive name prefix, offset pagination only', async () => {
    const body = await getJson<Groups>(server, '/groups/autocomplete?name=tier');
    expect(body.groups.map((g) => g.name)).toEqual(
      groups.filter((g) => g.name.toLowerCase().startsWith('tier')).map((g) => g.name),
    );
    expect(body.groups.length).toBeGreaterThan(0);
    expect((await getJson<Groups>(server, '/groups/autocomplete?name=Retired')).groups).toEqual([]);
    expect((await expectError(await server.api('/groups/autocomplete'), 400)).error).toBe('InvalidValue');
    await expectErrorList(await server.api('/groups/autocomplete?name=t&page[size]=2'), 400);
  });

  it("lists assignable groups: every live group for an admin, the agent's own groups for an agent", async () => {
    const forAdmin = await getJson<Groups>(server, '/groups/assignable');
    expect(forAdmin.groups.map((g) => g.id)).toEqual(groups.filter((g) => !g.deleted).map((g) => g.id));
    const own = await getJson<OffsetList<'group_memberships', GroupMembership>>(
      server,
      `/users/${agent.id}/group_memberships`,
    );
    const forAgent = await getJson<Groups>(server, '/groups/assignable.json', 'agent');
    expect(forAgent.groups.map((g) => g.id).sort()).toEqual(
      own.group_memberships.map((m) => m.group_id).sort(),
    );
  });

  it("lists a user's groups at /users/{id}/groups", async () => {
    const own = await getJson<OffsetList<'group_memberships', GroupMembership>>(
      server,
      `/users/${agent.id}/group_memberships`,
    );
    const body = await getJson<Groups>(server, `/users/${agent.id}/groups`);
    expect(body.groups.map((g) => g.id).sort()).toEqual(own.group_memberships.map((m) => m.group_id).sort());
  });
});
