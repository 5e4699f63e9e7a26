import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { openRosterDatabase } from '../store/roster-database.ts';
import { openSessionStore } from '../store/session-store.ts';
import { makeDataDir } from '../testing/test-server.ts';
import type { OAuthProvider } from './oauth-client.ts';
import { createSecretBox, loadSessionKey } from './secret-box.ts';
import { createSessionAuth, type RosterEnv } from './session-auth.ts';

const user = { id: 1, name: 'Ada', email: 'ada@example.com', role: 'admin' };

/**
 * The session layer against a stand-in for Zendesk's token endpoint whose answers each test picks:
 * what a real account does during an outage cannot be asked of the sandbox.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(tokenAnswer: () => Response | Promise<Response>) {
  const dir = makeDataDir();
  const database = await openRosterDatabase({ kind: 'sqlite', file: join(dir, 'roster.sqlite') });
  cleanups.push(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const store = await openSessionStore({
    database,
    box: createSecretBox(loadSessionKey(dir, undefined)),
    idleMs: 3_600_000,
    maxAgeMs: 3_600_000,
    demo: { idleMs: 3_600_000, limit: 10 },
  });
  const refreshes: unknown[] = [];
  const oauth: OAuthProvider = {
    name: 'Zendesk',
    upstream: {
      baseUrl: 'https://acme.zendesk.test',
      fetch: async (request) => {
        refreshes.push(await request.json());
        return tokenAnswer();
      },
    },
    tokenPath: '/oauth/tokens',
    bodyFormat: 'json',
    client: { id: 'roster', secret: 'shh' },
    pkce: true,
    authorizeParams: {},
    tokenFields: { expires_in: 3600 },
  };
  /** One Roster instance: several of them share the store. */
  const instance = () => {
    const auth = createSessionAuth({
      mode: 'signIn',
      store,
      secureCookie: false,
      maxAgeMs: 3_600_000,
      oauth,
      log: () => {},
    });
    const app = new Hono<RosterEnv>();
    app.use('/api/*', auth.requireCredential());
    app.get('/api/me', (c) => c.text(c.get('upstreamAuthorization')));
    app.get('/refused', async (c) => {
      await auth.refused(c, c.req.query('sent') ?? '');
      return c.body(null, 204);
    });
    return app;
  };
  const app = instance();
  const signIn = async (expiresInMs: number, refreshToken: string | null = 'refresh-1') => {
    const issuedAt = Date.now() - 3_600_000 + expiresInMs;
    const sessionId = await store.create(user, {
      kind: 'oauth',
      accessToken: 'access-1',
      refreshToken,
      expiresAt: issuedAt + 3_600_000,
      issuedAt,
    });
    return { cookie: `roster_session=${sessionId}`, sessionId };
  };
  const call = (cookie: string, path = '/api/me', on = app) => on.request(path, { headers: { cookie } });
  return { store, signIn, call, refreshes, instance };
}

const granted = (body: Record<string, unknown>) =>
  Response.json({
    access_token: 'access-2',
    token_type: 'bearer',
    scope: 'read write',
    expires_in: 3600,
    ...body,
  });

describe('session credentials at the edge of expiry', () => {
  it('keeps using a still-valid token when Zendesk cannot be reached to refresh it', async () => {
    const setup = await setUp(() => new Response('unavailable', { status: 503 }));
    const { store } = setup;
    const { cookie, sessionId } = await setup.signIn(30_000);
    const answer = await setup.call(cookie);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('Bearer access-1');
    expect(setup.refreshes).toHaveLength(1);
    expect(await store.find(sessionId)).toBeDefined();
  });

  it('answers 503, not sign-in, when the token has run out and the refresh cannot get through', async () => {
    let answer = () => new Response('unavailable', { status: 503 });
    const setup = await setUp(() => answer());
    const { cookie } = await setup.signIn(-1000);
    const outage = await setup.call(cookie);
    expect(outage.status).toBe(503);
    expect((await outage.json()).error).toBe('UpstreamUnavailable');
    answer = () => granted({ refresh_token: 'refresh-2' });
    const recovered = await setup.call(cookie);
    expect(await recovered.text()).toBe('Bearer access-2');
  });

  it('ends the session when Zendesk turns the refresh token down', async () => {
    const setup = await setUp(() => Response.json({ error: 'invalid_grant' }, { status: 400 }));
    const { store } = setup;
    const { cookie, sessionId } = await setup.signIn(10_000);
    expect((await setup.call(cookie)).status).toBe(401);
    expect(await store.find(sessionId)).toBeUndefined();
  });

  it('keeps the refresh token it has when a refresh answer brings none', async () => {
    const setup = await setUp(() => granted({}));
    const { store } = setup;
    const { cookie, sessionId } = await setup.signIn(10_000);
    expect(await (await setup.call(cookie)).text()).toBe('Bearer access-2');
    const credential = (await store.find(sessionId))?.credential;
    expect(credential).toMatchObject({ kind: 'oauth', accessToken: 'access-2', refreshToken: 'refresh-1' });
  });

  it('ends the session for a refused credential only if it is still the session’s own', async () => {
    const setup = await setUp(() => granted({ refresh_token: 'refresh-2' }));
    const { store } = setup;
    const { cookie, sessionId } = await setup.signIn(10_000);
    await setup.call(cookie);
    await setup.call(cookie, `/refused?sent=${encodeURIComponent('Bearer access-1')}`);
    expect(await store.find(sessionId)).toBeDefined();
    await setup.call(cookie, `/refused?sent=${encodeURIComponent('Bearer access-2')}`);
    expect(await store.find(sessionId)).toBeUndefined();
  });

  it('refreshes once when two instances need the same session’s token at the same moment', async () => {
    let used = false;
    const setup = await setUp(async () => {
      // A refresh token works once: the second use is refused, which would sign the person out.
      if (used) return Response.json({ error: 'invalid_grant' }, { status: 400 });
      used = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return granted({ refresh_token: 'refresh-2' });
    });
    const { cookie, sessionId } = await setup.signIn(10_000);
    const [a, b] = await Promise.all([
      setup.call(cookie, '/api/me', setup.instance()),
      setup.call(cookie, '/api/me', setup.instance()),
    ]);
    expect([await a.text(), await b.text()]).toEqual(['Bearer access-2', 'Bearer access-2']);
    expect(setup.refreshes).toHaveLength(1);
    expect((await setup.store.find(sessionId))?.credential).toMatchObject({ refreshToken: 'refresh-2' });
  });
});
