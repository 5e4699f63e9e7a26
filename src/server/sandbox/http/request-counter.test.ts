import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthFor, startTestServer, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const requests = (method: 'GET' | 'DELETE', as: 'admin' | 'agent' = 'admin') =>
  fetch(`${server.url}/sandbox/_sandbox/requests`, { method, headers: { authorization: basicAuthFor(as) } });

describe('the request counter', () => {
  it('counts API requests by method and path with ids as {id}, and starts over on DELETE', async () => {
    await requests('DELETE');
    await server.api('/groups/360000001');
    await server.api('/groups/360000002.json');
    await server.api('/users/me');
    const body = (await (await requests('GET')).json()) as { requests: Record<string, number> };
    expect(body.requests).toEqual({ 'GET /groups/{id}': 2, 'GET /users/me': 1 });
    expect(((await (await requests('DELETE')).json()) as { requests: object }).requests).toEqual({});
  });

  it('is for admins only', async () => {
    expect((await requests('GET', 'agent')).status).toBe(403);
  });
});
