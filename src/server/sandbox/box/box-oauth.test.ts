import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieClient } from '../../testing/cookie-client.ts';
import { allowOnConsentPage } from '../../testing/oauth-sign-in.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { BOX_DEMO_OAUTH_CLIENT } from './box-demo-identities.ts';

/** The Box sandbox's OAuth 2 side over real HTTP: its consent page, token endpoint and the tokens it issues. */
let server: TestServer;
const redirectUri = 'http://127.0.0.1:9999/roster/box/oauth/callback';

beforeAll(async () => {
  // Two-second access tokens, so a test can watch one run out.
  server = await startTestServer({ SANDBOX_BOX_TOKEN_SECONDS: '2' });
});
afterAll(() => server.close());

function authorizeUrl(overrides: Record<string, string> = {}) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: BOX_DEMO_OAUTH_CLIENT.identifier,
    redirect_uri: redirectUri,
    state: 'xyz',
    ...overrides,
  });
  return `${server.url}/sandbox/box/oauth2/authorize?${query}`;
}

async function postToken(fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
  const response = await fetch(`${server.url}/sandbox/box/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body:
      contentType === 'application/json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: await response.json() };
}

const client = { client_id: BOX_DEMO_OAUTH_CLIENT.identifier, client_secret: BOX_DEMO_OAUTH_CLIENT.secret };

async function codeFor(login: string) {
  const callback = new URL(await allowOnConsentPage(cookieClient(server.url), authorizeUrl(), login));
  expect(callback.searchParams.get('state')).toBe('xyz');
  return callback.searchParams.get('code') ?? '';
}

const exchange = (code: string) =>
  postToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...client });

const me = (token: string) =>
  fetch(`${server.url}/sandbox/box/2.0/users/me`, { headers: { authorization: `Bearer ${token}` } });

describe('the Box sandbox consent page', () => {
  it('lists the Box demo identities for a registered client and loopback callback on any port', async () => {
    const page = await fetch(authorizeUrl());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Sign in to the Box sandbox');
    expect(html).toContain('group-manager@roster.example');
    expect(html).toContain('action="/sandbox/box/oauth2/authorize"');
  });

  it('shows an unknown client or an unregistered callback on the page instead of redirecting', async () => {
    const unknown = await fetch(authorizeUrl({ client_id: 'nobody' }), { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('No OAuth client is registered as &quot;nobody&quot;');
    const elsewhere = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), {
      redirect: 'manual',
    });
    expect(elsewhere.status).toBe(400);
  });

  it('sends a person who denies access back with error=access_denied', async () => {
    const form = new URLSearchParams({
      ...Object.fromEntries(new URL(authorizeUrl()).searchParams),
      decision: 'deny',
    });
    const denied = await fetch(`${server.url}/sandbox/box/oauth2/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(await denied.text()).toContain('error=access_denied');
  });
});

describe('the Box sandbox token endpoint', () => {
  it('exchanges a code for Box’s token body and the access token opens the API as that person', async () => {
    const grant = await exchange(await codeFor('group-manager@roster.example'));
    expect(grant.status).toBe(200);
    expect(grant.body).toEqual({
      access_token: expect.any(String),
      expires_in: 2,
      token_type: 'bearer',
      refresh_token: expect.any(String),
      restricted_to: [],
    });
    const answer = await me(grant.body.access_token);
    expect(answer.status).toBe(200);
    expect((await answer.json()).login).toBe('group-manager@roster.example');
  });

  it('rotates single-use refresh tokens: the old pair stops working', async () => {
    const first = await exchange(await codeFor('admin@roster.example'));
    const refreshed = await postToken({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
      ...client,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect((await me(refreshed.body.access_token)).status).toBe(200);
    const oldAccess = await me(first.body.access_token);
    expect(oldAccess.status).toBe(401);
    expect(await oldAccess.json()).toMatchObject({ type: 'error', status: 401, code: 'unauthorized' });
    const again = await postToken({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
      ...client,
    });
    expect(again).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'The refresh token is invalid, expired or already used',
      },
    });
  });

  it('refuses a spent code, a wrong secret, an unknown grant type and a JSON body with Box’s error bodies', async () => {
    const code = await codeFor('admin@roster.example');
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
    const wrongSecret = await postToken({ ...exchange, ...client, client_secret: 'guess' });
    expect(wrongSecret).toEqual({
      status: 400,
      body: { error: 'invalid_client', error_description: 'Client authentication failed' },
    });
    expect((await postToken({ ...exchange, ...client })).status).toBe(200);
    const spent = await postToken({ ...exchange, ...client });
    expect(spent.status).toBe(400);
    expect(spent.body.error).toBe('invalid_grant');
    const password = await postToken({ grant_type: 'password', ...client });
    expect(password.status).toBe(400);
    expect(password.body.error).toBe('unsupported_grant_type');
    const json = await postToken(
      { grant_type: 'refresh_token', refresh_token: 'x', ...client },
      'application/json',
    );
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('invalid_request');
  });

  it('stops accepting an access token once it has expired', async () => {
    const grant = await exchange(await codeFor('agent@roster.example'));
    expect((await me(grant.body.access_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await me(grant.body.access_token)).status).toBe(401);
  });
});
