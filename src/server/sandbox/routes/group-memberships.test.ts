import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('group memberships', () => {
  it('lists memberships in the Zendesk envelope with cursor meta and links', async () => {
    const response = await server.api('/group_memberships.json?page[size]=2');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.group_memberships).toHaveLength(2);
    expect(body.meta).toMatchObject({ has_more: true });
    expect(body.links.next).toContain('page%5Bafter%5D=');
  });
});
