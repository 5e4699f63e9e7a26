import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaRefreshTarget } from '../../testing/cookie-client.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_OAUTH_CLIENT } from '../demo-identities.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function authorizeUrl(overrides: Record<string, string | undefined> = {}) {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: DEMO_OAUTH_CLIENT.identifier,
    redirect_uri: 'http://127.0.0.1:9999/roster/oauth/callback',
    scope: 'read write',
    state: 'xyz',
    ...overrides,
  };
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return `${server.url}/sandbox/oauth/authorizations/new?${query}`;
}

async function postToken(body: Record<string, unknown>, contentType = 'application/json') {
  const response = await fetch(`${server.url}/sandbox/oauth/tokens`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body:
      contentType === 'application/json'
        ? JSON.stringify(body)
        : new URLSearchParams(body as Record<string, string>).toString(),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('the sandbox authorization page', () => {
  it('lists the demo identities for a known client and a loopback redirect on any port', async () => {
    const response = await fetch(authorizeUrl());
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Ada Admin');
    expect(page).toContain('end-user@roster.example');
    expect(page).toContain('<strong>read and write</strong>');
  });

  it('shows, and never redirects to, an unknown client or an unregistered redirect URL', async () => {
    const unknown = await fetch(authorizeUrl({ client_id: 'nobody' }), { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('No OAuth client is registered as &quot;nobody&quot;');
    const foreign = await fetch(
      authorizeUrl({ redirect_uri: 'https://evil.example/roster/oauth/callback' }),
      {
        redirect: 'manual',
      },
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('is not a redirect URL of Roster');
  });

  it('sends bad scopes, response types and challenge methods back to the client as OAuth errors', async () => {
    for (const [overrides, error] of [
      [{ scope: 'read admin' }, 'invalid_scope'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }, 'invalid_request'],
    ] as const) {
      const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('xyz');
    }
  });

  it('escapes what it echoes back into the page', async () => {
    const page = await (await fetch(authorizeUrl({ state: '"><script>alert(1)</script>' }))).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('asks again, without issuing a code and keeping what was typed, for an email no active user has', async () => {
    const form = new URLSearchParams(new URL(authorizeUrl()).searchParams);
    form.set('decision', 'allow');
    form.set('email', 'nobody@roster.example');
    const response = await fetch(`${server.url}/sandbox/oauth/authorizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('No active sandbox user has the email "nobody@roster.example".');
    expect(page).toContain('value="nobody@roster.example"');
    expect(page).not.toContain('http-equiv="refresh"');
  });
});

describe('the sandbox token endpoint (grant types)', () => {
  it('answers RFC 6749 error bodies for an unknown grant, a missing code and a wrong secret', async () => {
    const unsupported = await postToken({ grant_type: 'password', client_id: 'roster' });
    expect(unsupported).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(unsupported.headers.get('cache-control')).toBe('no-store');
    const missing = await postToken({ grant_type: 'authorization_code', client_id: 'roster' });
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const wrongSecret = await postToken({
      grant_type: 'refresh_token',
      refresh_token: 'r',
      client_id: 'roster',
      client_secret: 'guess',
    });
    expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const noSecret = await postToken({
      grant_type: 'refresh_token',
      refresh_token: 'r',
      client_id: 'roster',
    });
    expect(noSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('accepts a form-encoded body and refuses an unknown code', async () => {
    const response = await postToken(
      {
        grant_type: 'authorization_code',
        code: 'made-up',
        client_id: 'roster',
        client_secret: DEMO_OAUTH_CLIENT.secret,
        redirect_uri: 'http://127.0.0.1/roster/oauth/callback',
      },
      'application/x-www-form-urlencoded',
    );
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a body that is neither JSON nor a form', async () => {
    const response = await postToken({ grant_type: 'x' }, 'text/plain');
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});

describe('exchanging a code', () => {
  const redirectUri = 'http://127.0.0.1:9999/roster/oauth/callback';

  async function codeFor(extra: Record<string, string> = {}) {
    const form = new URLSearchParams(
      new URL(authorizeUrl({ redirect_uri: redirectUri, ...extra })).searchParams,
    );
    form.set('decision', 'allow');
    form.set('email', 'admin@roster.example');
    const page = await (
      await fetch(`${server.url}/sandbox/oauth/authorizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      })
    ).text();
    return new URL(metaRefreshTarget(page)).searchParams.get('code') ?? '';
  }

  const exchange = (code: string, extra: Record<string, string>) =>
    postToken({
      grant_type: 'authorization_code',
      code,
      client_id: 'roster',
      redirect_uri: redirectUri,
      ...extra,
    });

  it('asks a confidential client without its secret for PKCE the code was requested with', async () => {
    const code = await codeFor();
    const answer = await exchange(code, { code_verifier: 'v'.repeat(43) });
    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('spends a code on a failed exchange, so a guessed verifier gets one try', async () => {
    const verifier = 'a'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' });
    const wrong = await exchange(code, { code_verifier: 'b'.repeat(43) });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const right = await exchange(code, { code_verifier: verifier });
    expect(right).toMatchObject({
      status: 400,
      body: { error_description: expect.stringMatching(/already used/) },
    });
  });

  it('issues tokens for the right verifier without the secret, and for the secret without PKCE', async () => {
    const verifier = 'c'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = await exchange(await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' }), {
      code_verifier: verifier,
    });
    expect(pkce.status).toBe(200);
    expect(pkce.body).toMatchObject({ token_type: 'bearer', scope: 'read write', expires_in: 3600 });
    const secret = await exchange(await codeFor(), { client_secret: DEMO_OAUTH_CLIENT.secret });
    expect(secret.status).toBe(200);
  });
});
