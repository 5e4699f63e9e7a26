import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_TOKEN } from '../sandbox/demo-identities.ts';
import { cookieClient } from '../testing/cookie-client.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    SANDBOX_IDENTITY: '',
    SIGN_IN_FAILURES_PER_EMAIL: '3',
    SIGN_IN_FAILURES_PER_ADDRESS: '6',
    DEMO_SESSION_LIMIT: '5',
  });
});
afterAll(() => server.close());

const signIn = (email: string, token: string) =>
  cookieClient(server.url).post('/roster/session/api-token', { email, token });

describe('sign-in throttling', () => {
  it('refuses every sign-in for an email after its failures reach the limit, the right token too', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signIn('agent@roster.example', `wrong-${attempt}`)).status).toBe(401);
    }
    const right = await signIn('AGENT@roster.example', DEMO_API_TOKEN);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await right.json()).toEqual({
      error: 'TooManySignInAttempts',
      description: expect.stringMatching(/^Too many failed sign-ins .* try again in \d+ seconds\.$/),
    });
    // Another person is not held up by someone guessing at her colleague's email.
    expect((await signIn('group-manager@roster.example', DEMO_API_TOKEN)).status).toBe(200);
  });

  it('refuses every sign-in from an address after its failures reach the limit, whatever the email', async () => {
    // Three failures so far from this address (the test above); three more reach its limit of six.
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      expect((await signIn(email, 'wrong')).status).toBe(401);
    }
    const refused = await signIn('admin@roster.example', DEMO_API_TOKEN);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('demo sessions', () => {
  it('live at most DEMO_SESSION_LIMIT at once: a new one ends the one unused the longest', async () => {
    const clients: ReturnType<typeof cookieClient>[] = [];
    for (let index = 0; index < 40; index++) {
      const client = cookieClient(server.url);
      expect((await client.post('/roster/session/demo', { identity: 'agent' })).status).toBe(200);
      clients.push(client);
    }
    const db = new Database(join(server.dataDir, 'roster.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT count(*) FROM sessions').pluck().get();
    db.close();
    // The five newest demo sessions and the one API-token sign-in of the tests above.
    expect(stored).toBe(5 + 1);
    const [oldest, ...rest] = clients;
    const newest = rest.at(-1);
    if (!oldest || !newest) throw new Error('no demo sessions were opened');
    const signedIn = async (client: ReturnType<typeof cookieClient>) =>
      ((await (await client.request('/roster/session')).json()) as { signedIn: boolean }).signedIn;
    expect(await signedIn(newest)).toBe(true);
    expect(await signedIn(oldest)).toBe(false);
  });
});
