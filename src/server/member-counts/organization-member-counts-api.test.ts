import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationMemberCountsSchema } from '../../contract/organization-member-counts.ts';
import { getJson } from '../testing/api-helpers.ts';
import { sandboxRequests } from '../testing/sandbox-requests.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_SEED_SCALE: 'demo' });
}, 60_000);
afterAll(() => server.close());

describe('organization member counts', () => {
  it('counts the members of the organizations asked about with one upstream count each, then from its cache', async () => {
    const { organizations } = await getJson<{ organizations: { id: number }[] }>(
      server,
      '/organizations?page[size]=5',
    );
    const ids = organizations.map((organization) => organization.id);
    const before = await sandboxRequests(server);
    const response = await fetch(`${server.url}/roster/organization-member-counts?ids=${ids.join(',')}`);
    expect(response.status).toBe(200);
    const { counts } = organizationMemberCountsSchema.parse(await response.json());
    expect((await sandboxRequests(server)) - before).toBe(ids.length);
    for (const id of ids) {
      const expected = await getJson<{ count: { value: number } }>(
        server,
        `/organizations/${id}/users/count`,
      );
      expect(counts[String(id)]).toBe(expected.count.value);
    }
    const again = await sandboxRequests(server);
    await fetch(`${server.url}/roster/organization-member-counts?ids=${ids.join(',')}`);
    expect(await sandboxRequests(server)).toBe(again);
  });

  it('refuses no ids, ids that are not numbers and more than a page of them with 400', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    for (const query of ['', '?ids=', '?ids=1,abc', `?ids=${tooMany}`]) {
      const response = await fetch(`${server.url}/roster/organization-member-counts${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'InvalidIds' });
    }
  });
});
