import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from '../testing/test-server.ts';
import type { OAuthProvider } from './oauth-client.ts';
import { createSecretBox, loadSessionKey } from './secret-box.ts';
import { createSessionAuth, type RosterEnv } from './session-auth.ts';
import { openSessionStore, type SessionStore } from './session-store.ts';

const user = { id: 1, name: 'Ada', email: 'ada@example.com', role: 'admin' };

/**
 * The session layer against a stand-in for Zendesk's token endpoint whose answers each test picks:
 * what a real account does during an outage cannot be asked of the sandbox.
 */
function setUp(tokenAnswer: () => Response) {
  const dir = makeDataDir();
  const store = openSessionStore({
    file: join(dir, 'roster.sqlite'),
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
  app.get('/refused', (c) => {
    auth.refused(c, c.req.query('sent') ?? '');
    return c.body(null, 204);
  });
  const signIn = (expiresInMs: number, refreshToken: string | null = 'refresh-1') => {
    const issuedAt = Date.now() - 3_600_000 + expiresInMs;
    const sessionId = store.create(user, {
      kind: 'oauth',
      accessToken: 'access-1',
      refreshToken,
      expiresAt: issuedAt + 3_600_000,
      issuedAt,
    });
    return { cookie: `roster_session=${sessionId}`, sessionId };
  };
  const call = (cookie: string, path = '/api/me') => app.request(path, { headers: { cookie } });
  return { store, signIn, call, refreshes };
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
  let store: SessionStore | undefined;
  afterEach(() => store?.close());

  it('keeps using a still-valid token when Zendesk cannot be reached to refresh it', async () => {
    const setup = setUp(() => new Response('unavailable', { status: 503 }));
    store = setup.store;
    const { cookie, sessionId } = setup.signIn(30_000);
    const answer = await setup.call(cookie);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('Bearer access-1');
    expect(setup.refreshes).toHaveLength(1);
    expect(store.find(sessionId)).toBeDefined();
  });

  it('answers 503, not sign-in, when the token has run out and the refresh cannot get through', async () => {
    let answer = () => new Response('unavailable', { status: 503 });
    const setup = setUp(() => answer());
    store = setup.store;
    const { cookie } = setup.signIn(-1000);
    const outage = await setup.call(cookie);
    expect(outage.status).toBe(503);
    expect((await outage.json()).error).toBe('UpstreamUnavailable');
    answer = () => granted({ refresh_token: 'refresh-2' });
    const recovered = await setup.call(cookie);
    expect(await recovered.text()).toBe('Bearer access-2');
  });

  it('ends the session when Zendesk turns the refresh token down', async () => {
    const setup = setUp(() => Response.json({ error: 'invalid_grant' }, { status: 400 }));
    store = setup.store;
    const { cookie, sessionId } = setup.signIn(10_000);
    expect((await setup.call(cookie)).status).toBe(401);
    expect(store.find(sessionId)).toBeUndefined();
  });

  it('keeps the refresh token it has when a refresh answer brings none', async () => {
    const setup = setUp(() => granted({}));
    store = setup.store;
    const { cookie, sessionId } = setup.signIn(10_000);
    expect(await (await setup.call(cookie)).text()).toBe('Bearer access-2');
    const credential = store.find(sessionId)?.credential;
    expect(credential).toMatchObject({ kind: 'oauth', accessToken: 'access-2', refreshToken: 'refresh-1' });
  });

  it('ends the session for a refused credential only if it is still the session’s own', async () => {
    const setup = setUp(() => granted({ refresh_token: 'refresh-2' }));
    store = setup.store;
    const { cookie, sessionId } = setup.signIn(10_000);
    await setup.call(cookie);
    await setup.call(cookie, `/refused?sent=${encodeURIComponent('Bearer access-1')}`);
    expect(store.find(sessionId)).toBeDefined();
    await setup.call(cookie, `/refused?sent=${encodeURIComponent('Bearer access-2')}`);
    expect(store.find(sessionId)).toBeUndefined();
  });
});
