import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** node:http, because fetch will not send a Host header other than the URL's. */
function raw(path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  const url = new URL(path, server.url);
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Bytes straight onto a socket, for requests Node's own parser refuses before any middleware runs. */
function onSocket(bytes: string) {
  const url = new URL(server.url);
  return new Promise<{ head: string; body: string }>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ head, body });
    });
  });
}

function expectSecurityHeaders(headers: { get(name: string): string | null | undefined }) {
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('same-origin');
}

function headerLines(head: string) {
  const lines = head.split('\r\n').slice(1);
  const pairs = lines.map((line) => [
    line.slice(0, line.indexOf(':')).toLowerCase(),
    line.slice(line.indexOf(':') + 1).trim(),
  ]);
  const map = new Map(pairs as [string, string][]);
  return { get: (name: string) => map.get(name) };
}

describe('every answer carries the security headers and a JSON error body, refusals included', () => {
  it('on a foreign Host (421)', async () => {
    const response = await raw('/', { host: 'evil.example' });
    expect(response.status).toBe(421);
    expectSecurityHeaders({ get: (name) => response.headers[name] as string | undefined });
    expect(JSON.parse(response.body)).toMatchObject({ error: 'MisdirectedRequest' });
  });

  it('on a request Node cannot parse (400)', async () => {
    const { head, body } = await onSocket('NOT A REQUEST\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expectSecurityHeaders(headerLines(head));
    expect(headerLines(head).get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(body)).toEqual({
      error: 'BadRequest',
      description: 'The request could not be read as HTTP',
    });
  });

  it('on headers too large (431)', async () => {
    const { head, body } = await onSocket(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`,
    );
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expectSecurityHeaders(headerLines(head));
    expect(JSON.parse(body)).toMatchObject({ error: 'RequestHeaderFieldsTooLarge' });
  });

  it('on an unknown endpoint and an oversized body', async () => {
    const unknown = await fetch(`${server.url}/no/such/page`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expectSecurityHeaders(unknown.headers);
    expect(await unknown.json()).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
    const tooLarge = await fetch(`${server.url}/api/v2/group_memberships`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"pad":"${'x'.repeat(1_100_000)}"}`,
    });
    expect(tooLarge.status).toBe(413);
    expectSecurityHeaders(tooLarge.headers);
    expect(await tooLarge.json()).toMatchObject({ error: 'RequestTooLarge' });
  });
});

describe('the Roster server refuses what a hostile page could make a browser send', () => {
  it('answers no request addressed to a foreign host name (DNS rebinding)', async () => {
    const response = await raw('/api/v2/users/me', { host: `evil.example:${new URL(server.url).port}` });
    expect(response.status).toBe(421);
    expect(JSON.parse(response.body).error).toBe('MisdirectedRequest');
    const write = await raw(
      '/api/v2/group_memberships/destroy_many?ids=1',
      { host: 'evil.example', origin: 'http://evil.example' },
      'DELETE',
    );
    expect(write.status).toBe(421);
  });

  it('answers its own names', async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await raw('/api/v2/users/me', { host })).status).toBe(200);
    }
  });

  it('refuses a cross-site form POST', async () => {
    const response = await fetch(`${server.url}/api/v2/group_memberships`, {
      method: 'POST',
      headers: {
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'group_membership[user_id]=1',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'Forbidden',
      description: 'Cross-site writes are refused',
    });
  });

  it('refuses a cross-site JSON fetch to a write endpoint, even without Sec-Fetch-Site', async () => {
    const response = await fetch(`${server.url}/api/v2/group_memberships/destroy_many?ids=1`, {
      method: 'DELETE',
      headers: { origin: 'http://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a same-origin write that is not JSON', async () => {
    const response = await fetch(`${server.url}/api/v2/group_memberships`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
  });

  it('forwards a same-origin JSON write', async () => {
    const response = await fetch(`${server.url}/api/v2/group_memberships`, {
      method: 'POST',
      headers: { origin: server.url, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ group_membership: { user_id: 1, group_id: 1 } }),
    });
    expect(response.status).toBe(422);
  });

  it('limits request bodies before reading them into memory', async () => {
    const response = await fetch(`${server.url}/api/v2/group_memberships`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"pad":"${'x'.repeat(1_100_000)}"}`,
    });
    expect(response.status).toBe(413);
  });

  it('sends a strict Content-Security-Policy and no-sniff on every response', async () => {
    for (const path of ['/', '/api/v2/users/me', '/groups/1']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('the Roster server lets its own dashboard write', () => {
  let own: TestServer;
  beforeAll(async () => {
    own = await startTestServer();
  });
  afterAll(() => own.close());

  it('forwards a same-origin write without a body, such as make_default', async () => {
    const memberships = await (await fetch(`${own.url}/api/v2/group_memberships?page[size]=1`)).json();
    const membership = memberships.group_memberships[0];
    const response = await fetch(
      `${own.url}/api/v2/users/${membership.user_id}/group_memberships/${membership.id}/make_default`,
      { method: 'PUT', headers: { origin: own.url, 'sec-fetch-site': 'same-origin' } },
    );
    expect(response.status).toBe(200);
  });
});
