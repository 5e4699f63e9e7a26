import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOX_DEMO_OAUTH_CLIENT } from '../sandbox/box/box-demo-identities.ts';
import { cookieClient } from '../testing/cookie-client.ts';
import { walkOAuthFlow } from '../testing/oauth-sign-in.ts';
import { sandboxDatabaseFile, startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Roster with a Box OAuth client whose "Box" is another server's Box sandbox, over loopback HTTP:
 * each signed-in person connects their own Box account, the code path a real Box app takes.
 */
describe('connecting a Box account through OAuth', () => {
  let box: TestServer;
  let roster: TestServer;
  const logLines: string[] = [];

  function boxRows(sql: string): Record<string, unknown>[] {
    const db = new Database(sandboxDatabaseFile(box.dataDir), { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    // Four-second Box tokens are refreshed in their last two seconds.
    box = await startTestServer({ SANDBOX_BOX_TOKEN_SECONDS: '4' });
    roster = await startTestServer(
      {
        SANDBOX_IDENTITY: '',
        BOX_CLIENT_ID: BOX_DEMO_OAUTH_CLIENT.identifier,
        BOX_CLIENT_SECRET: BOX_DEMO_OAUTH_CLIENT.secret,
        BOX_API_URL: `${box.url}/sandbox/box`,
        BOX_AUTHORIZE_URL: `${box.url}/sandbox/box/oauth2/authorize`,
        LOG_REQUESTS: 'true',
      },
      { log: (line) => logLines.push(line) },
    );
  });
  afterAll(async () => {
    await roster.close();
    await box.close();
  });

  async function signedIn() {
    const client = cookieClient(roster.url);
    const signIn = await client.post('/roster/session/demo', { identity: 'agent' });
    expect(signIn.status).toBe(200);
    return client;
  }

  it('answers BoxNotConnected, not sign-in, until the person connects Box', async () => {
    const client = await signedIn();
    const groups = await client.request('/api/box/2.0/groups');
    expect(groups.status).toBe(401);
    expect((await groups.json()).error).toBe('BoxNotConnected');
    const session = await (await client.request('/roster/session')).json();
    expect(session).toMatchObject({ signedIn: true, box: { connect: true, account: null } });
    const anonymous = await fetch(`${roster.url}/api/box/2.0/groups`);
    expect((await anonymous.json()).error).toBe('SignInRequired');
  });

  it('connects through the Box consent page, lists groups, refreshes the token once and disconnects', async () => {
    // A Zendesk agent may still connect a Box account that is a Box admin: Box decides what it may do.
    const client = await signedIn();
    const flow = await walkOAuthFlow(
      client,
      '/roster/box/oauth/start?next=/box/groups',
      'admin@roster.example',
    );
    const authorize = new URL(flow.consentUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${box.url}/sandbox/box/oauth2/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(BOX_DEMO_OAUTH_CLIENT.identifier);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${roster.url}/roster/box/oauth/callback`);
    expect(flow.callback.status).toBe(200);
    expect(flow.landing).toBe('/box/groups');

    const session = await (await client.request('/roster/session')).json();
    expect(session.box.account).toEqual({ name: 'Ada Admin', login: 'admin@roster.example' });
    const groups = await client.request('/api/box/2.0/groups?limit=3');
    expect(groups.status).toBe(200);
    const list = await groups.json();
    expect(list.entries).toHaveLength(3);
    expect(list.total_count).toBeGreaterThan(3);

    await new Promise((resolve) => setTimeout(resolve, 2300));
    const before = boxRows('SELECT token FROM box_oauth_tokens');
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => client.request('/api/box/2.0/users/me')),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(boxRows('SELECT token FROM box_oauth_tokens')).not.toEqual(before);
    expect(boxRows('SELECT used FROM box_oauth_refresh_tokens WHERE used = 1')).toHaveLength(1);
    // The Zendesk session is untouched by the Box refresh.
    expect((await client.request('/api/v2/users/me')).status).toBe(200);

    const disconnect = await client.request('/roster/box/connection', { method: 'DELETE' });
    expect(disconnect.status).toBe(204);
    expect((await (await client.request('/roster/session')).json()).box.account).toBeNull();
    const after = await client.request('/api/box/2.0/groups');
    expect((await after.json()).error).toBe('BoxNotConnected');
    expect((await client.request('/api/v2/users/me')).status).toBe(200);
  });

  it('keeps the Box connection to the person who made it', async () => {
    const ada = await signedIn();
    await walkOAuthFlow(ada, '/roster/box/oauth/start', 'group-manager@roster.example');
    expect((await ada.request('/api/box/2.0/users/me')).status).toBe(200);
    const other = await signedIn();
    expect((await (await other.request('/api/box/2.0/users/me')).json()).error).toBe('BoxNotConnected');
  });

  it('disconnects Box, and keeps the session, when Box stops accepting the token', async () => {
    const client = await signedIn();
    await walkOAuthFlow(client, '/roster/box/oauth/start', 'admin@roster.example');
    const db = new Database(sandboxDatabaseFile(box.dataDir));
    db.prepare('DELETE FROM box_oauth_tokens').run();
    db.close();
    expect((await client.request('/api/box/2.0/users/me')).status).toBe(401);
    const session = await (await client.request('/roster/session')).json();
    expect(session).toMatchObject({ signedIn: true, box: { account: null } });
  });

  it('sends a person who denies access back to the Box page with a reason, and refuses a forged callback', async () => {
    const client = await signedIn();
    const start = await client.request('/roster/box/oauth/start?next=/box/users');
    const consent = new URL(start.headers.get('location') ?? '');
    const form = new URLSearchParams(consent.searchParams);
    form.set('decision', 'deny');
    const denied = await client.request(`${box.url}/sandbox/box/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const back = await client.request(
      (/url=([^"]+)"/.exec(await denied.text())?.[1] ?? '').replaceAll('&amp;', '&'),
    );
    expect(await back.text()).toContain('url=/box/users?box_error=denied');
    const forged = await cookieClient(roster.url).request('/roster/box/oauth/callback?code=x&state=y');
    expect(await forged.text()).toContain('box_error=state');
  });

  it('never logs or shows the browser a Box token', async () => {
    const client = await signedIn();
    await walkOAuthFlow(client, '/roster/box/oauth/start', 'admin@roster.example');
    const seen = [...client.setCookies, await (await client.request('/roster/session')).text()].join('\n');
    const log = logLines.join('\n');
    for (const { token } of [
      ...boxRows('SELECT token FROM box_oauth_tokens'),
      ...boxRows('SELECT token FROM box_oauth_refresh_tokens'),
    ]) {
      expect(log).not.toContain(token);
      expect(seen).not.toContain(token);
    }
    expect(log).not.toContain(BOX_DEMO_OAUTH_CLIENT.secret);
  });
});
