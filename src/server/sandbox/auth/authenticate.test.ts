import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { User } from '../../../contract/user.ts';
import { expectError, expectJson, FORBIDDEN, getJson, send } from '../../testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES } from '../demo-identities.ts';

const SUSPENDED_EMAIL = 'suspended.agent@example.test';
const UNAUTHORIZED = { error: "Couldn't authenticate you" };

type Token = {
  token: { id: number; full_token: string; scopes: string[]; user_id: number; client_id: string };
};

let server: TestServer;
let admin: User;

beforeAll(async () => {
  server = await startTestServer(
    {},
    {
      prepareDatabase: (db) =>
        db
          .prepare(
            `INSERT INTO users (name, email, role, suspended, created_at, updated_at)
             VALUES ('Sam Suspended', ?, 'agent', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
          )
          .run(SUSPENDED_EMAIL),
    },
  );
  admin = (await getJson<{ user: User }>(server, '/users/me')).user;
});
afterAll(() => server.close());

function basic(credentials: string): { authorization: string } {
  return { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

async function expectUnauthorized(response: Response): Promise<void> {
  expect(await expectError(response, 401)).toEqual(UNAUTHORIZED);
  expect(response.headers.get('www-authenticate')).toBe('Basic realm="Web Password"');
}

async function createToken(scopes: string[]): Promise<Token['token']> {
  const response = await send(server, 'POST', '/oauth/tokens', { token: { client_id: 'x', scopes } });
  return (await expectJson<Token>(response, 201)).token;
}

describe('authentication', () => {
  it('answers a request without credentials with 401 and a Basic challenge', async () => {
    await expectUnauthorized(await fetch(`${server.apiUrl}/users/me`));
    await expectUnauthorized(await fetch(`${server.apiUrl}/group_memberships.json`));
  });

  it.each([
    ['a wrong API token', `${DEMO_IDENTITIES.admin.email}/token:not-the-token`],
    ['an unknown email', `nobody@example.test/token:${DEMO_API_TOKEN}`],
    ['a password instead of a token', `${DEMO_IDENTITIES.admin.email}:${DEMO_API_TOKEN}`],
    ['a suspended user', `${SUSPENDED_EMAIL}/token:${DEMO_API_TOKEN}`],
    ['an empty token', `${DEMO_IDENTITIES.admin.email}/token:`],
  ])('answers %s with 401', async (_label, credentials) => {
    await expectUnauthorized(await server.api('/users/me', { as: basic(credentials) }));
  });

  it.each(['Basic', 'Basic !!!not-base64!!!', 'Bearer', 'Bearer 0123456789abcdef', 'Token abc'])(
    'answers the header "%s" with 401',
    async (authorization) => {
      await expectUnauthorized(await server.api('/users/me', { as: { authorization } }));
    },
  );

  it('accepts the API token for any active user, matching the email case-insensitively', async () => {
    const upper = basic(`${DEMO_IDENTITIES.agent.email.toUpperCase()}/token:${DEMO_API_TOKEN}`);
    const { user } = await expectJson<{ user: User }>(await server.api('/users/me', { as: upper }), 200);
    expect(user.email).toBe(DEMO_IDENTITIES.agent.email);
  });
});

describe('OAuth tokens', () => {
  it('creates a token for the admin with POST /oauth/tokens, shown in full once', async () => {
    const token = await createToken(['read']);
    expect(token).toMatchObject({ user_id: admin.id, client_id: 'x', scopes: ['read'] });
    expect(token.full_token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a read-scoped Bearer token read and answers its writes with 403', async () => {
    const token = await createToken(['read']);
    const bearer = { authorization: `Bearer ${token.full_token}` };
    const { user } = await expectJson<{ user: User }>(await server.api('/users/me', { as: bearer }), 200);
    expect(user.id).toBe(admin.id);
    const listed = await server.api('/group_memberships?per_page=1', { as: bearer });
    const { group_memberships: memberships } = await expectJson<{ group_memberships: GroupMembership[] }>(
      listed,
      200,
    );
    const write = await send(
      server,
      'PUT',
      `/users/${memberships[0]?.user_id}/group_memberships/${memberships[0]?.id}/make_default`,
      undefined,
      bearer,
    );
    expect(await expectError(write, 403)).toEqual(FORBIDDEN);
    const create = await send(
      server,
      'POST',
      '/oauth/tokens',
      { token: { client_id: 'y', scopes: ['write'] } },
      bearer,
    );
    expect(await expectError(create, 403)).toEqual(FORBIDDEN);
  });

  it('lets a read and write token make changes', async () => {
    const token = await createToken(['read', 'write']);
    const bearer = { authorization: `bearer ${token.full_token}` };
    const mine = await getJson<{ group_memberships: GroupMembership[] }>(
      server,
      `/users/${admin.id}/group_memberships`,
      bearer,
    );
    const target = mine.group_memberships[0] as GroupMembership;
    const response = await send(
      server,
      'PUT',
      `/users/${admin.id}/group_memberships/${target.id}/make_default`,
      undefined,
      bearer,
    );
    expect(response.status).toBe(200);
  });

  it('refuses tokens to non-admins with 403 and bad scopes with 422', async () => {
    const byAgent = await send(
      server,
      'POST',
      '/oauth/tokens',
      { token: { client_id: 'x', scopes: ['read'] } },
      'agent',
    );
    expect(await expectError(byAgent, 403)).toEqual(FORBIDDEN);
    const badScope = await send(server, 'POST', '/oauth/tokens', {
      token: { client_id: 'x', scopes: ['admin'] },
    });
    expect((await expectError(badScope, 422)).error).toBe('RecordInvalid');
    const noScopes = await send(server, 'POST', '/oauth/tokens', { token: { client_id: 'x', scopes: [] } });
    expect((await expectError(noScopes, 422)).error).toBe('RecordInvalid');
  });
});
