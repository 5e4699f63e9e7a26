import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../contract/user.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { setApiFetch, setApiOrigin } from './api-client.ts';
import { organizationIdsOf, organizationsOfPagesQueryOptions } from './organizations.ts';
import { usersQueryOptions } from './users.ts';

let server: TestServer;
/** The `ids` of every `organizations/show_many` request the browser's code sent. */
const showManyIds: number[][] = [];

beforeAll(async () => {
  server = await startTestServer();
  setApiOrigin(server.url);
  setApiFetch((url, init) => {
    const parsed = new URL(url);
    if (parsed.pathname === '/api/v2/organizations/show_many') {
      showManyIds.push((parsed.searchParams.get('ids') ?? '').split(',').map(Number));
    }
    return fetch(url, init);
  });
});

afterAll(async () => {
  setApiOrigin('');
  setApiFetch((url, init) => fetch(url, init));
  await server?.close();
});

/** What `useQueries` does for the Users list: ask for each page's names unless the cache holds them. */
const lookUp = (client: QueryClient, pages: { items: User[] }[]) =>
  Promise.all(organizationsOfPagesQueryOptions(pages).map((options) => client.ensureQueryData(options)));

describe('organization names for the Users list, one query per page of people', () => {
  it('asks only for the new page’s organizations when a second page arrives', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const everyone = await client.fetchInfiniteQuery(usersQueryOptions({ role: 'all', text: '' }));
    const people: User[] = everyone.pages.flatMap((page) => page.items);
    const withOrganization = people.filter((person) => person.organization_id !== null);
    // Two pages whose organizations differ, as two pages of the list usually do.
    const first = withOrganization.slice(0, 3);
    const firstIds = new Set(organizationIdsOf(first));
    const second = withOrganization
      .filter((person) => !firstIds.has(person.organization_id as number))
      .slice(0, 3);
    expect(second.length).toBeGreaterThan(0);

    await lookUp(client, [{ items: first }]);
    expect(showManyIds).toEqual([organizationIdsOf(first).sort((a, b) => a - b)]);

    await lookUp(client, [{ items: first }, { items: second }]);
    expect(showManyIds).toHaveLength(2);
    expect(showManyIds[1]?.sort((a, b) => a - b)).toEqual(organizationIdsOf(second).sort((a, b) => a - b));
    expect(showManyIds[1]?.some((id) => firstIds.has(id))).toBe(false);
  });
});
