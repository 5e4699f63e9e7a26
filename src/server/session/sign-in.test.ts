import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_TOKEN, DEMO_OAUTH_CLIENT } from '../sandbox/demo-identities.ts';
import { cookieClient, metaRefreshTarget } from '../testing/cookie-client.ts';
import { signInWithOAuth } from '../testing/oauth-sign-in.ts';
import { sandboxDatabaseFile, startTestServer, type TestServer } from '../testing/test-server.ts';

const SIGN_IN = { SANDBOX_IDENTITY: '' };

function sandboxRows(server: TestServer, sql: string): Record<string, unknown>[] {
  const db = new Database(sandboxDatabaseFile(server.dataDir), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('signing in to Roster against the embedded sandbox', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(
      { ...SIGN_IN, LOG_REQUESTS: 'true' },
      { log: (line) => logLines.push(line) },
    );
  });
  afterAll(() => server.close());

  it('offers OAuth, an API token and the four demo identities to a signed-out browser', async () => {
    const session = await (await fetch(`${server.url}/roster/session`)).json();
    expect(session).toMatchObject({
      mode: 'signIn',
      signedIn: false,
      user: null,
      connection: { kind: 'sandbox' },
    });
    expect(session.methods.oauth).toBe(true);
    expect(session.methods.apiToken).toBe(true);
    expect(session.methods.demoIdentities.map((identity: { key: string }) => identity.key)).toEqual([
      'admin',
      'agent',
      'groupManager',
      'endUser',
    ]);
  });

  it('refuses API calls from a browser without a session cookie', async () => {
    const response = await fetch(`${server.url}/api/v2/users/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'SignInRequired',
      description: 'Sign in to Roster to continue',
    });
  });

  it('signs a demo identity in with an httpOnly, SameSite=Strict cookie and acts as them', async () => {
    const client = cookieClient(server.url);
    const signIn = await client.post('/roster/session/demo', { identity: 'groupManager' });
    expect(signIn.status).toBe(200);
    expect((await signIn.json()).user).toMatchObject({
      email: 'group-manager@roster.example',
      role: 'agent',
    });
    const cookie = client.setCookies.find((line) => line.startsWith('roster_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const me = await (await client.request('/api/v2/users/me')).json();
    expect(me.user.email).toBe('group-manager@roster.example');
    const session = await (await client.request('/roster/session')).json();
    expect(session).toMatchObject({ signedIn: true, user: { email: 'group-manager@roster.example' } });
  });

  it('signs in with an email and API token, and says plainly when Zendesk refuses them', async () => {
    const client = cookieClient(server.url);
    const wrong = await client.post('/roster/session/api-token', {
      email: 'admin@roster.example',
      token: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: 'SignInFailed',
      description: 'Zendesk did not accept that email and API token.',
    });
    const malformed = await client.post('/roster/session/api-token', { email: 'not an email', token: '' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).description).toMatch(/email address.*API token/);
    expect(client.jar.size).toBe(0);

    const right = await client.post('/roster/session/api-token', {
      email: 'agent@roster.example',
      token: DEMO_API_TOKEN,
    });
    expect(right.status).toBe(200);
    const me = await (await client.request('/api/v2/users/me')).json();
    expect(me.user.email).toBe('agent@roster.example');
  });

  it('ends the session on the server at sign-out, so a copied cookie stops working too', async () => {
    const client = cookieClient(server.url);
    await client.post('/roster/session/demo', { identity: 'admin' });
    const stolen = client.jar.get('roster_session');
    const signOut = await client.request('/roster/session', { method: 'DELETE' });
    expect(signOut.status).toBe(204);
    expect(client.jar.has('roster_session')).toBe(false);
    const replay = await fetch(`${server.url}/api/v2/users/me`, {
      headers: { cookie: `roster_session=${stolen}` },
    });
    expect(replay.status).toBe(401);
  });

  it('runs the OAuth authorization-code flow with PKCE and lands on the page asked for', async () => {
    const client = cookieClient(server.url);
    const flow = await signInWithOAuth(client, 'admin@roster.example', '/groups/360000001?q=a');
    const authorize = new URL(flow.consentUrl);
    expect(authorize.pathname).toBe('/sandbox/oauth/authorizations/new');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('client_id')).toBe(DEMO_OAUTH_CLIENT.identifier);
    expect(flow.callback.status).toBe(200);
    expect(flow.landing).toBe('/groups/360000001?q=a');
    const me = await (await client.request('/api/v2/users/me')).json();
    expect(me.user.email).toBe('admin@roster.example');
    const tokens = sandboxRows(server, "SELECT token FROM oauth_tokens WHERE client_id = 'roster'");
    expect(tokens.length).toBeGreaterThan(0);
  });

  it('refuses an OAuth callback whose state does not match, and a code used twice', async () => {
    const client = cookieClient(server.url);
    const flow = await signInWithOAuth(client, 'admin@roster.example');
    const replay = cookieClient(server.url);
    const forged = await replay.request(flow.callbackUrl);
    expect(forged.status).toBe(302);
    expect(forged.headers.get('location')).toBe('/sign-in?error=state');

    const code = new URL(flow.callbackUrl).searchParams.get('code') ?? '';
    const again = await fetch(`${server.url}/sandbox/oauth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        code,
        client_id: DEMO_OAUTH_CLIENT.identifier,
        client_secret: DEMO_OAUTH_CLIENT.secret,
        redirect_uri: `${server.url}/roster/oauth/callback`,
      }),
    });
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe('invalid_grant');
  });

  it('sends a person who denies access back to sign-in with a reason', async () => {
    const client = cookieClient(server.url);
    const start = await client.request('/roster/oauth/start?next=/users');
    const consentUrl = new URL(start.headers.get('location') ?? '');
    const form = new URLSearchParams(consentUrl.searchParams);
    form.set('decision', 'deny');
    const denied = await client.request(`${server.url}/sandbox/oauth/authorizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const back = await client.request(metaRefreshTarget(await denied.text()));
    expect(back.headers.get('location')).toBe('/sign-in?error=denied&next=%2Fusers');
  });

  it('never redirects after sign-in to another site', async () => {
    const client = cookieClient(server.url);
    const flow = await signInWithOAuth(client, 'admin@roster.example', '//evil.example/steal');
    expect(flow.landing).toBe('/');
  });

  it('logs requests without cookies, tokens or OAuth codes', async () => {
    const client = cookieClient(server.url);
    const flow = await signInWithOAuth(client, 'admin@roster.example');
    await client.post('/roster/session/api-token', { email: 'admin@roster.example', token: DEMO_API_TOKEN });
    const code = new URL(flow.callbackUrl).searchParams.get('code') ?? '';
    const log = logLines.join('\n');
    expect(log).toMatch(/GET \/roster\/oauth\/callback\?code=\[redacted\]&state=\[redacted\] 200/);
    for (const secret of [code, DEMO_API_TOKEN, DEMO_OAUTH_CLIENT.secret, ...client.jar.values()]) {
      expect(log).not.toContain(secret);
    }
    for (const { token } of sandboxRows(server, 'SELECT token FROM oauth_tokens')) {
      expect(log).not.toContain(token);
    }
  });
});

describe('behind an https proxy (PUBLIC_URL)', () => {
  it('marks the session cookie Secure with the __Host- prefix and sends OAuth back to the public address', async () => {
    const server = await startTestServer({ ...SIGN_IN, PUBLIC_URL: 'https://roster.acme.test' });
    try {
      const client = cookieClient(server.url);
      const signIn = await client.request('/roster/session/demo', {
        method: 'POST',
        headers: { origin: 'https://roster.acme.test', 'sec-fetch-site': 'same-origin' },
        body: '{"identity":"admin"}',
      });
      expect(signIn.status).toBe(200);
      const cookie = client.setCookies.find((line) => line.startsWith('__Host-roster_session='));
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const start = await client.request('/roster/oauth/start');
      const authorize = new URL(start.headers.get('location') ?? '');
      expect(authorize.origin).toBe('https://roster.acme.test');
      expect(authorize.searchParams.get('redirect_uri')).toBe(
        'https://roster.acme.test/roster/oauth/callback',
      );
      const consent = await fetch(`${server.url}${authorize.pathname}${authorize.search}`);
      expect(consent.status).toBe(200);
      const foreign = await fetch(`${server.url}/roster/session`, {
        method: 'DELETE',
        headers: { origin: 'https://evil.example' },
      });
      expect(foreign.status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('sessions over time', () => {
  it('survive a restart of the server', async () => {
    const first = await startTestServer(SIGN_IN, { keepDataDir: true });
    const client = cookieClient(first.url);
    await signInWithOAuth(client, 'end-user@roster.example');
    await first.close();
    const second = await startTestServer(SIGN_IN, { dataDir: first.dataDir });
    try {
      const me = await fetch(`${second.url}/api/v2/users/me`, {
        headers: { cookie: `roster_session=${client.jar.get('roster_session')}` },
      });
      expect(me.status).toBe(200);
      expect((await me.json()).user.email).toBe('end-user@roster.example');
    } finally {
      await second.close();
    }
  });

  it('refresh an access token that is about to expire, once, however many requests arrive together', async () => {
    // Four-second tokens are refreshed in their last two seconds.
    const server = await startTestServer({ ...SIGN_IN, OAUTH_ACCESS_TOKEN_SECONDS: '4' });
    try {
      const client = cookieClient(server.url);
      await signInWithOAuth(client, 'admin@roster.example');
      expect((await client.request('/api/v2/users/me')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2300));
      const before = sandboxRows(server, 'SELECT token FROM oauth_tokens');
      const answers = await Promise.all(Array.from({ length: 5 }, () => client.request('/api/v2/users/me')));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
      const after = sandboxRows(server, 'SELECT token FROM oauth_tokens');
      expect(after).toHaveLength(before.length);
      expect(after).not.toEqual(before);
      const refreshes = sandboxRows(server, 'SELECT used FROM oauth_refresh_tokens');
      expect(refreshes.filter((row) => row.used === 1)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('end when Zendesk stops accepting the credential', async () => {
    const server = await startTestServer(SIGN_IN);
    try {
      const client = cookieClient(server.url);
      await signInWithOAuth(client, 'admin@roster.example');
      const db = new Database(sandboxDatabaseFile(server.dataDir));
      db.prepare('DELETE FROM oauth_tokens').run();
      db.close();
      expect((await client.request('/api/v2/users/me')).status).toBe(401);
      const session = await (await client.request('/roster/session')).json();
      expect(session.signedIn).toBe(false);
    } finally {
      await server.close();
    }
  });
});
