import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../../contract/group.ts';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { User } from '../../../contract/user.ts';
import {
  expectError,
  expectJson,
  getJson,
  type OffsetList,
  RECORD_NOT_FOUND,
} from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const INVALID_ENDPOINT = { error: 'InvalidEndpoint', description: 'Not found' };

let server: TestServer;
let groups: Group[];
let staff: User[];

beforeAll(async () => {
  server = await startTestServer();
  groups = (await getJson<OffsetList<'groups', Group>>(server, '/groups')).groups;
  staff = (await getJson<OffsetList<'users', User>>(server, '/users?role=agent')).users;
});
afterAll(() => server.close());

function post(path: string, body: string, contentType = 'application/json'): Promise<Response> {
  return server.api(path, { method: 'POST', body, headers: { 'content-type': contentType } });
}

describe('request bodies', () => {
  it.each([
    ['malformed JSON', '{"group_membership":'],
    ['an empty body', ''],
    ['a JSON string', '"group_membership"'],
  ])('answers %s with 400 InvalidJSON or ParameterMissing', async (_label, body) => {
    const error = await expectError(await post('/group_memberships', body), 400);
    expect(['InvalidJSON', 'ParameterMissing']).toContain(error.error);
    expect(error.description).toEqual(expect.any(String));
  });

  it('answers malformed JSON with the InvalidJSON body', async () => {
    expect(await expectError(await post('/group_memberships', '{"a":'), 400)).toEqual({
      error: 'InvalidJSON',
      description: 'The request body is not valid JSON',
    });
  });

  it.each([
    ['no envelope', '{}'],
    ['another envelope', '{"organization_membership":{"user_id":1,"organization_id":2}}'],
    ['a null envelope', '{"group_membership":null}'],
    ['an array body', '[{"group_membership":{}}]'],
  ])('answers %s with 400 ParameterMissing', async (_label, body) => {
    const error = await expectError(await post('/group_memberships', body), 400);
    expect(error).toEqual({
      error: 'ParameterMissing',
      description: expect.stringContaining('group_membership'),
    });
  });

  it.each([
    ['a string', '"abc"'],
    ['a negative number', '-5'],
    ['zero', '0'],
    ['a fraction', '1.5'],
    ['1e30', '1e30'],
    ['a 20-digit number', '99999999999999999999'],
    ['a boolean', 'true'],
    ['null', 'null'],
    ['an object', '{"id":1}'],
  ])('answers user_id as %s with 422 RecordInvalid naming user_id', async (_label, value) => {
    const groupId = (groups[0] as Group).id;
    const response = await post(
      '/group_memberships',
      `{"group_membership":{"user_id":${value},"group_id":${groupId}}}`,
    );
    const error = await expectError(response, 422);
    expect(error).toMatchObject({ error: 'RecordInvalid', description: 'Record validation errors' });
    expect(error.details?.user_id?.[0]).toEqual({ error: 'InvalidValue', description: expect.any(String) });
  });

  it('answers a missing field with 422 BlankValue', async () => {
    const error = await expectError(
      await post('/group_memberships', '{"group_membership":{"user_id":380000001}}'),
      422,
    );
    expect(error.details?.group_id?.[0]?.error).toBe('BlankValue');
  });

  it('ignores unknown fields, also ones that look like server-side fields', async () => {
    const user = staff.at(-1) as User;
    const mine = (
      await getJson<OffsetList<'group_memberships', GroupMembership>>(
        server,
        `/users/${user.id}/group_memberships`,
      )
    ).group_memberships;
    const group = groups.find((g) => !mine.some((m) => m.group_id === g.id)) as Group;
    const body = JSON.stringify({
      group_membership: {
        user_id: user.id,
        group_id: group.id,
        id: 5,
        url: 'x',
        color: 'red',
      },
      extra: { nested: [1, 2] },
    });
    const { group_membership: created } = await expectJson<{ group_membership: GroupMembership }>(
      await post('/group_memberships', body),
      201,
    );
    expect(created.id).not.toBe(5);
    expect(created.default).toBe(mine.length === 0);
    expect(created).not.toHaveProperty('color');
  });

  it("reads a bare object holding the resource's fields as if it were wrapped, on every create endpoint", async () => {
    const email = `bare-${Date.now()}@example.com`;
    const user = (
      await expectJson<{ user: User }>(
        await post('/users', JSON.stringify({ name: 'Bare Body', email, role: 'agent' })),
        201,
      )
    ).user;
    expect(user).toMatchObject({ email, role: 'agent' });
    const [first, second] = groups as [Group, Group];
    const viaTopLevel = await post(
      '/group_memberships',
      JSON.stringify({ user_id: user.id, group_id: first.id }),
    );
    expect(
      (await expectJson<{ group_membership: GroupMembership }>(viaTopLevel, 201)).group_membership,
    ).toMatchObject({
      user_id: user.id,
      group_id: first.id,
    });
    const viaUser = await post(
      `/users/${user.id}/group_memberships`,
      JSON.stringify({ group_id: second.id }),
    );
    expect(
      (await expectJson<{ group_membership: GroupMembership }>(viaUser, 201)).group_membership.group_id,
    ).toBe(second.id);
    const organizations = (await getJson<{ organizations: { id: number }[] }>(server, '/organizations'))
      .organizations;
    const [orgA, orgB] = organizations as [{ id: number }, { id: number }];
    const orgTopLevel = await post(
      '/organization_memberships',
      JSON.stringify({ user_id: user.id, organization_id: orgA.id }),
    );
    expect(
      (await expectJson<{ organization_membership: { organization_id: number } }>(orgTopLevel, 201))
        .organization_membership.organization_id,
    ).toBe(orgA.id);
    const orgViaUser = await post(
      `/users/${user.id}/organization_memberships`,
      JSON.stringify({ organization_id: orgB.id }),
    );
    expect(
      (await expectJson<{ organization_membership: { organization_id: number } }>(orgViaUser, 201))
        .organization_membership.organization_id,
    ).toBe(orgB.id);
    const token = await post('/oauth/tokens', JSON.stringify({ client_id: 'bare-client', scopes: ['read'] }));
    expect((await expectJson<{ token: { full_token: string } }>(token, 201)).token.full_token).toEqual(
      expect.any(String),
    );
  });

  it("still answers a bare object with none of the resource's fields with 400 ParameterMissing", async () => {
    const error = await expectError(await post('/group_memberships', '{"member":1,"group":2}'), 400);
    expect(error.error).toBe('ParameterMissing');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers Content-Type %s with 415',
    async (contentType) => {
      const body = '{"group_membership":{"user_id":380000001,"group_id":360000001}}';
      const error = await expectError(await post('/group_memberships', body, contentType), 415);
      expect(error).toEqual({ error: 'UnsupportedMediaType', description: expect.any(String) });
    },
  );

  it('accepts application/json with a charset', async () => {
    const user = staff.at(-2) as User;
    const mine = (
      await getJson<OffsetList<'group_memberships', GroupMembership>>(
        server,
        `/users/${user.id}/group_memberships`,
      )
    ).group_memberships;
    const group = groups.find((g) => !mine.some((m) => m.group_id === g.id)) as Group;
    const body = JSON.stringify({ group_membership: { user_id: user.id, group_id: group.id } });
    expect((await post('/group_memberships', body, 'application/json; charset=utf-8')).status).toBe(201);
  });

  it('answers a body over 1 MB with 413 and closes that connection cleanly for the next request', async () => {
    const body = JSON.stringify({ group_membership: { padding: 'x'.repeat(1024 * 1024) } });
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await post('/group_memberships', body);
      expect(await expectError(response, 413)).toEqual({
        error: 'RequestTooLarge',
        description: expect.any(String),
      });
      expect((await server.api('/users/me')).status).toBe(200);
    }
  });
});

describe('id lists', () => {
  it.each([
    ['ids=1,abc', 'InvalidValue'],
    ['ids=', 'InvalidValue'],
    ['ids=,', 'InvalidValue'],
    ['ids=1,,2', 'InvalidValue'],
    ['ids=-1', 'InvalidValue'],
    ['ids=1.5', 'InvalidValue'],
    ['ids=99999999999999999999', 'InvalidValue'],
    ['', 'InvalidValue'],
    [`ids=${Array.from({ length: 101 }, (_, index) => index + 1).join(',')}`, 'TooManyValues'],
  ])('answers %s with 400 %s on every ids endpoint', async (query, code) => {
    for (const [method, path] of [
      ['DELETE', '/group_memberships/destroy_many'],
      ['DELETE', '/organization_memberships/destroy_many'],
      ['GET', '/users/show_many'],
      ['GET', '/organizations/show_many'],
    ] as const) {
      const response = await server.api(`${path}?${query}`, { method });
      expect(await expectError(response, 400)).toEqual({ error: code, description: expect.any(String) });
    }
  });

  it('accepts exactly 100 ids', async () => {
    const ids = Array.from({ length: 100 }, (_, index) => 380000001 + index).join(',');
    const body = await getJson<{ users: User[] }>(server, `/users/show_many?ids=${ids}`);
    expect(body.users.length).toBeGreaterThan(0);
  });
});

describe('ids in paths and unknown paths', () => {
  it.each([
    ['GET', '/group_memberships/-1'],
    ['GET', '/group_memberships/0'],
    ['GET', '/group_memberships/abc'],
    ['GET', '/group_memberships/1e5'],
    ['GET', '/group_memberships/99999999999999999999'],
    ['GET', '/users/-1'],
    ['GET', '/users/99999999999999999999.json'],
    ['GET', '/groups/9007199254740993'],
    ['GET', '/organizations/-370000001'],
    ['GET', '/users/-1/group_memberships'],
    ['GET', '/users/380000001/organization_memberships/-5'],
    ['DELETE', '/group_memberships/-1'],
    ['DELETE', '/organization_memberships/99999999999999999999'],
    ['DELETE', '/users/380000001/organizations/-1'],
    ['PUT', '/users/-1/group_memberships/400000001/make_default'],
    ['PUT', '/users/380000001/organizations/abc/make_default'],
  ])('answers %s %s with 404 RecordNotFound', async (method, path) => {
    expect(await expectError(await server.api(path, { method }), 404)).toEqual(RECORD_NOT_FOUND);
  });

  it.each([
    ['GET', '/nope'],
    ['GET', '/nope.json'],
    ['GET', '/group_memberships/1/nope'],
    ['GET', '/users/me/nope'],
    ['PATCH', '/group_memberships/400000001'],
    ['POST', '/job_statuses'],
  ])('answers %s %s with 404 InvalidEndpoint', async (method, path) => {
    expect(await expectError(await server.api(path, { method }), 404)).toEqual(INVALID_ENDPOINT);
  });

  it('never answers a garbled request with a 500', async () => {
    const bodies = [
      '{',
      '[]',
      '{"group_membership":[]}',
      '{"group_membership":{"user_id":{"$gt":0}}}',
      '\u0000',
    ];
    const paths = [
      '/group_memberships',
      '/group_memberships/create_many',
      '/organization_memberships',
      '/organization_memberships/create_many',
      '/users/380000001/group_memberships',
      '/users/380000001/organization_memberships',
      '/oauth/tokens',
    ];
    for (const path of paths) {
      for (const body of bodies) {
        const response = await post(path, body);
        await response.text();
        expect({ path, body, status: response.status }).toMatchObject({ status: expect.any(Number) });
        expect(response.status, `${path} ${body}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${path} ${body}`).toBeLessThan(500);
      }
    }
  });
});
