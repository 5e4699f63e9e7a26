import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_TOKEN, DEMO_OAUTH_CLIENT } from '../sandbox/demo-identities.ts';
import { cookieClient } from '../testing/cookie-client.ts';
import { signInWithOAuth } from '../testing/oauth-sign-in.ts';
import { freePort } from '../testing/spawned-server.ts';
import { basicAuthFor, startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Roster configured for "a real Zendesk" whose URL is another server's sandbox, over loopback
 * HTTP: the code path a real account uses, with nothing embedded.
 */
describe('Roster in front of a separate upstream on another port', () => {
  let sandbox: TestServer;
  let roster: TestServer;
  beforeAll(async () => {
    sandbox = await startTestServer({ SANDBOX_RATE_LIMIT: '100000' });
    roster = await startTestServer({
      SANDBOX_IDENTITY: '',
      ZENDESK_URL: `${sandbox.url}/sandbox`,
      ZENDESK_OAUTH_CLIENT_ID: DEMO_OAUTH_CLIENT.identifier,
      ZENDESK_OAUTH_CLIENT_SECRET: DEMO_OAUTH_CLIENT.secret,
    });
  });
  afterAll(async () => {
    await roster.close();
    await sandbox.close();
  });

  it('names the upstream host and offers OAuth and API tokens but no demo identities', async () => {
    const session = await (await fetch(`${roster.url}/roster/session`)).json();
    expect(session.connection).toEqual({ kind: 'zendesk', host: new URL(sandbox.url).host });
    expect(session.methods).toMatchObject({ oauth: true, apiToken: true, demoIdentities: [] });
    const demo = await fetch(`${roster.url}/roster/session/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"identity":"admin"}',
    });
    expect(demo.status).toBe(404);
  });

  it('signs in through the upstream consent page on its own origin and forwards with the token', async () => {
    const client = cookieClient(roster.url);
    const flow = await signInWithOAuth(client, 'admin@roster.example');
    expect(flow.consentUrl.startsWith(`${sandbox.url}/sandbox/oauth/authorizations/new?`)).toBe(true);
    expect(flow.callback.status).toBe(200);
    const groups = await client.request('/api/v2/groups.json?page[size]=2');
    expect(groups.status).toBe(200);
    expect((await groups.json()).groups).toHaveLength(2);
    expect(groups.headers.get('x-rate-limit')).not.toBeNull();
  });

  it('passes a 429 and its Retry-After through from the upstream', async () => {
    const client = cookieClient(roster.url);
    await client.post('/roster/session/api-token', { email: 'admin@roster.example', token: DEMO_API_TOKEN });
    const faults = await fetch(`${sandbox.url}/sandbox/_sandbox/faults`, {
      method: 'PUT',
      headers: { authorization: basicAuthFor('admin'), 'content-type': 'application/json' },
      body: JSON.stringify({
        faults: { rules: [{ method: 'GET', path_contains: '/groups', status: 429, times: 1 }] },
      }),
    });
    expect(faults.status).toBe(200);
    const limited = await client.request('/api/v2/groups');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await client.request('/api/v2/groups')).status).toBe(200);
  });
});

describe('an upstream that cannot be reached', () => {
  let plainHttp: TestServer;
  beforeAll(async () => {
    plainHttp = await startTestServer();
  });
  afterAll(() => plainHttp.close());

  async function answerFrom(zendeskUrl: string) {
    const roster = await startTestServer({
      SANDBOX_IDENTITY: '',
      ZENDESK_URL: zendeskUrl,
      ZENDESK_EMAIL: 'me@acme.example',
      ZENDESK_API_TOKEN: 'abc',
    });
    try {
      const response = await fetch(`${roster.url}/api/v2/users/me`);
      return { status: response.status, body: await response.json() };
    } finally {
      await roster.close();
    }
  }

  it('explains a DNS failure', async () => {
    const answer = await answerFrom('https://roster-test.invalid');
    expect(answer.status).toBe(502);
    expect(answer.body.error).toBe('UpstreamUnavailable');
    expect(answer.body.description).toMatch(/roster-test\.invalid could not be found \(DNS lookup failed\)/);
  });

  it('explains a TLS failure', async () => {
    const answer = await answerFrom(`https://127.0.0.1:${new URL(plainHttp.url).port}`);
    expect(answer.status).toBe(502);
    expect(answer.body.description).toMatch(
      /secure \(TLS\) connection to 127\.0\.0\.1:\d+ could not be made/,
    );
  });

  it('explains a refused connection', async () => {
    const port = await freePort();
    const answer = await answerFrom(`http://127.0.0.1:${port}`);
    expect(answer.status).toBe(502);
    expect(answer.body.description).toBe(`127.0.0.1:${port} refused the connection`);
  });
});
