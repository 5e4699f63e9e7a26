import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthFor, startTestServer, type TestServer } from '../testing/test-server.ts';
import { forwardToUpstream } from './forward-to-upstream.ts';

describe('the Roster proxy in front of the embedded sandbox', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('forwards /api/v2 calls with the server-held identity, without the browser sending any', async () => {
    const response = await fetch(`${server.url}/api/v2/users/me.json`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user.email).toBe('admin@roster.example');
  });

  it('passes the rate-limit headers through and keeps Zendesk error bodies intact', async () => {
    const response = await fetch(`${server.url}/api/v2/groups/999`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'RecordNotFound', description: 'Not found' });
    expect(response.headers.get('x-rate-limit')).not.toBeNull();
  });

  it('forwards writes with their JSON body', async () => {
    const response = await fetch(`${server.url}/api/v2/group_memberships`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"group_membership":{"user_id":1,"group_id":1}}',
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toBe('RecordInvalid');
  });

  it('answers unknown /api paths outside v2 with a Zendesk-style 404', async () => {
    const response = await fetch(`${server.url}/api/v3/anything`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
  });
});

describe('forwardToUpstream against a separate upstream over the network', () => {
  let upstreamUrl: string;
  let seen: Headers | undefined;
  let close: () => void;
  beforeAll(async () => {
    const upstream = new Hono();
    upstream.all('*', (c) => {
      seen = c.req.raw.headers;
      c.header('set-cookie', 'upstream=secret');
      c.header('x-rate-limit', '700');
      return c.json({ path: new URL(c.req.url).pathname + new URL(c.req.url).search });
    });
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: upstream.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        upstreamUrl = `http://127.0.0.1:${info.port}`;
        resolve();
      });
      close = () => server.close();
    });
  });
  afterAll(() => close());

  function proxyApp() {
    const app = new Hono();
    app.all(
      '/api/v2/*',
      forwardToUpstream({ baseUrl: upstreamUrl, fetch }, { authorization: () => basicAuthFor('admin') }),
    );
    return app;
  }

  it('replaces the browser cookie with the upstream credential and drops upstream cookies', async () => {
    const response = await proxyApp().request('/api/v2/groups.json?page[size]=2', {
      headers: { cookie: 'session=abc', authorization: 'Bearer from-browser' },
    });
    expect(await response.json()).toEqual({ path: '/api/v2/groups.json?page[size]=2' });
    expect(seen?.get('authorization')).toBe(basicAuthFor('admin'));
    expect(seen?.get('cookie')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-rate-limit')).toBe('700');
  });

  it('turns an unreachable upstream into a 502 with a readable description', async () => {
    const app = new Hono();
    app.all(
      '/api/v2/*',
      forwardToUpstream({ baseUrl: 'http://127.0.0.1:9', fetch }, { authorization: () => 'Basic x' }),
    );
    const response = await app.request('/api/v2/users/me');
    expect(response.status).toBe(502);
    expect((await response.json()).error).toBe('UpstreamUnavailable');
  });
});
