import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { OrganizationMembership } from '../../../contract/organization-membership.ts';
import {
  expectErrorList,
  getJson,
  invalidPaginationBody,
  type OffsetList,
} from '../../testing/api-helpers.ts';
import { addCrowd } from '../../testing/crowd.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type GroupMemberships = OffsetList<'group_memberships', GroupMembership>;

const OFFSET_LIMIT_TITLE =
  'Offset pagination is limited to the first 10000 records; use cursor pagination (page[size], page[after])';

let server: TestServer;
let allIds: number[];

beforeAll(async () => {
  // 2,100 agents in all five groups: more than the 10,000 records offset pagination reaches.
  server = await startTestServer({}, { prepareDatabase: (db) => addCrowd(db, 2_100, 5) });
  const pages = [];
  let path: string | null = '/group_memberships?page[size]=100';
  while (path) {
    const page: {
      group_memberships: GroupMembership[];
      meta: { has_more: boolean };
      links: { next: string };
    } = await getJson(server, path);
    pages.push(page);
    path = page.meta.has_more ? page.links.next.slice(server.apiUrl.length) : null;
  }
  allIds = pages.flatMap((page) => page.group_memberships.map((m) => m.id));
});
afterAll(() => server.close());

describe('offset pagination', () => {
  it('is what a list without page parameters gets: 100 rows, count, next_page and a null previous_page', async () => {
    const body = await getJson<GroupMemberships>(server, '/group_memberships');
    expect(body.count).toBe(allIds.length);
    expect(body.count).toBeGreaterThan(10_000);
    expect(body.group_memberships.map((m) => m.id)).toEqual(allIds.slice(0, 100));
    expect(body.previous_page).toBeNull();
    expect(body.next_page).toBe(`${server.apiUrl}/group_memberships?page=2&per_page=100`);
    expect(body).not.toHaveProperty('meta');
  });

  it('answers page and per_page with that slice and absolute next_page/previous_page in the same spelling', async () => {
    const body = await getJson<GroupMemberships>(server, '/group_memberships.json?per_page=30&page=2');
    expect(body.group_memberships.map((m) => m.id)).toEqual(allIds.slice(30, 60));
    const next = new URL(body.next_page as string);
    const previous = new URL(body.previous_page as string);
    expect(next.pathname).toBe(new URL(`${server.apiUrl}/group_memberships.json`).pathname);
    expect(next.searchParams.get('page')).toBe('3');
    expect(next.searchParams.get('per_page')).toBe('30');
    expect(previous.searchParams.get('page')).toBe('1');
    expect(previous.origin).toBe(new URL(server.apiUrl).origin);
  });

  it('walks an offset list by next_page without gaps or duplicates', async () => {
    const rows: OrganizationMembership[] = [];
    let path: string | null = '/organization_memberships?per_page=100';
    let count = 0;
    while (path) {
      const page: OffsetList<'organization_memberships', OrganizationMembership> = await getJson(
        server,
        path,
      );
      rows.push(...page.organization_memberships);
      count = page.count;
      path = page.next_page === null ? null : page.next_page.slice(server.apiUrl.length);
    }
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((m) => m.id)).size).toBe(count);
  });

  it('reaches record 10,000 and no further: page 100 has rows but no next_page', async () => {
    const body = await getJson<GroupMemberships>(server, '/group_memberships?page=100&per_page=100');
    expect(body.group_memberships.map((m) => m.id)).toEqual(allIds.slice(9_900, 10_000));
    expect(body.next_page).toBeNull();
    expect(body.previous_page).toContain('page=99');
  });

  it.each(['page=101&per_page=100', 'page=1001&per_page=10', 'page=10001&per_page=1', 'page=99999999999'])(
    'answers %s, past 10,000 records, with 400 InvalidPaginationParameter',
    async (query) => {
      const response = await server.api(`/group_memberships?${query}`);
      expect(await expectErrorList(response, 400)).toEqual(invalidPaginationBody(OFFSET_LIMIT_TITLE));
    },
  );

  it('answers a page past the end of a short list with no rows and a null next_page', async () => {
    const body = await getJson<OffsetList<'organization_memberships', OrganizationMembership>>(
      server,
      '/organization_memberships?page=90&per_page=100',
    );
    expect(body.organization_memberships).toEqual([]);
    expect(body.next_page).toBeNull();
    expect(body.previous_page).toContain('page=89');
  });

  it.each([
    'page=2&page[size]=10',
    'per_page=10&page[after]=abc',
    'page=1&page[before]=abc',
    'per_page=101',
    'per_page=0',
    'page=0',
    'page=abc',
    'page=-1',
  ])('refuses %s with 400 InvalidPaginationParameter', async (query) => {
    const body = await expectErrorList(await server.api(`/group_memberships?${query}`), 400);
    expect(body.errors).toEqual([{ code: 'InvalidPaginationParameter', title: expect.any(String) }]);
  });

  it('orders offset pages by sort=-created_at, ties broken by id', async () => {
    const first = await getJson<GroupMemberships>(server, '/group_memberships?sort=-created_at&per_page=100');
    const second = await getJson<GroupMemberships>(
      server,
      '/group_memberships?sort=-created_at&per_page=100&page=2',
    );
    const rows = [...first.group_memberships, ...second.group_memberships];
    const sorted = [...rows].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    expect(rows.map((m) => m.id)).toEqual(sorted.map((m) => m.id));
    expect(first.next_page).toContain('sort=-created_at');
  });
});
