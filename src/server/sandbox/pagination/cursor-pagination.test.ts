import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { OrganizationMembership } from '../../../contract/organization-membership.ts';
import type { User } from '../../../contract/user.ts';
import {
  type CursorList,
  expectErrorList,
  getJson,
  invalidPaginationBody,
  type OffsetList,
  send,
  walkForward,
} from '../../testing/api-helpers.ts';
import { addCrowd } from '../../testing/crowd.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Membership = GroupMembership | OrganizationMembership;
type Key = 'group_memberships' | 'organization_memberships';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, { prepareDatabase: (db) => addCrowd(db, 1_200) });
});
afterAll(() => server.close());

async function total(key: Key): Promise<number> {
  return (await getJson<OffsetList<Key, Membership>>(server, `/${key}?per_page=1`)).count;
}

function rowsOf<K extends Key>(pages: CursorList<K, Membership>[], key: K): Membership[] {
  return pages.flatMap((page) => page[key]);
}

function expectNoDuplicates(rows: Membership[]): void {
  expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
}

function compareBy(column: 'created_at' | 'updated_at', descending: boolean) {
  return (a: Membership, b: Membership) => {
    const order = a[column].localeCompare(b[column]) || a.id - b.id;
    return descending ? -order : order;
  };
}

describe.each(['group_memberships', 'organization_memberships'] as const)('cursor pages of /%s', (key) => {
  it('walks every row forward by page[after] with no gaps or duplicates, ids ascending', async () => {
    const count = await total(key);
    expect(count).toBeGreaterThanOrEqual(1_200);
    const pages = await walkForward<Key, Membership>(server, key, `/${key}.json?page[size]=100`);
    const rows = rowsOf(pages, key);
    expect(rows).toHaveLength(count);
    expectNoDuplicates(rows);
    const ids = rows.map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(pages.slice(0, -1).every((page) => page.meta.has_more && page[key].length === 100)).toBe(true);

    const last = pages.at(-1) as CursorList<Key, Membership>;
    expect(last.meta.has_more).toBe(false);
    // Links are absolute and keep the client's own spelling of the path.
    expect(last.links.next).toMatch(new RegExp(`^${server.apiUrl}/${key}\\.json\\?`));
    expect(last.links.prev).toMatch(new RegExp(`^${server.apiUrl}/${key}\\.json\\?`));
  });

  it('answers the page past the end with no rows, null cursors and a null links.next', async () => {
    const pages = await walkForward<Key, Membership>(server, key, `/${key}?page[size]=100`);
    const next = (pages.at(-1) as CursorList<Key, Membership>).links.next as string;
    expect(next.startsWith(`${server.apiUrl}/${key}?`)).toBe(true);
    const beyond = await getJson<CursorList<Key, Membership>>(server, next.slice(server.apiUrl.length));
    expect(beyond[key]).toEqual([]);
    expect(beyond.meta).toEqual({ has_more: false, after_cursor: null, before_cursor: null });
    expect(beyond.links).toEqual({ next: null, prev: null });
  });

  it('walks back from the last page by page[before] to the same rows in the same order', async () => {
    const forward = await walkForward<Key, Membership>(server, key, `/${key}?page[size]=100`);
    const last = forward.at(-1) as CursorList<Key, Membership>;
    const backward: CursorList<Key, Membership>[] = [last];
    let page = last;
    while (page.meta.has_more || page === last) {
      const prev = page.links.prev as string;
      expect(prev).toContain('page%5Bbefore%5D=');
      expect(prev).not.toContain('page%5Bafter%5D=');
      page = await getJson<CursorList<Key, Membership>>(server, prev.slice(server.apiUrl.length));
      if (page[key].length === 0) break;
      backward.unshift(page);
      if (backward.length > 100) throw new Error('the walk back never ends');
    }
    expect(page.meta.has_more).toBe(false);
    const rows = rowsOf(backward, key);
    expectNoDuplicates(rows);
    expect(rows.map((row) => row.id)).toEqual(rowsOf(forward, key).map((row) => row.id));
  });

  it.each([
    ['-created_at', compareBy('created_at', true)],
    ['updated_at', compareBy('updated_at', false)],
    ['created_at', compareBy('created_at', false)],
    ['-updated_at', compareBy('updated_at', true)],
  ] as const)('orders sort=%s across page boundaries, ties broken by id', async (sort, compare) => {
    const pages = await walkForward<Key, Membership>(server, key, `/${key}?page[size]=100&sort=${sort}`);
    const rows = rowsOf(pages, key);
    expect(rows).toHaveLength(await total(key));
    expectNoDuplicates(rows);
    expect(rows.map((row) => row.id)).toEqual([...rows].sort(compare).map((row) => row.id));
  });

  it('refuses a cursor from one sort replayed on another with 400', async () => {
    const first = await getJson<CursorList<Key, Membership>>(
      server,
      `/${key}?page[size]=10&sort=-created_at`,
    );
    const cursor = first.meta.after_cursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const replayed = await server.api(`/${key}?page[size]=10&sort=updated_at&page[after]=${cursor}`);
    expect(await expectErrorList(replayed, 400)).toEqual(invalidPaginationBody('page[after] is not valid'));
    const unsorted = await server.api(`/${key}?page[size]=10&page[before]=${cursor}`);
    expect(await expectErrorList(unsorted, 400)).toEqual(invalidPaginationBody('page[before] is not valid'));
  });
});

describe('cursors belong to the list they came from', () => {
  it('refuses a cursor from one list on another with 400', async () => {
    const groupId = (
      await getJson<CursorList<'group_memberships', GroupMembership>>(
        server,
        '/group_memberships?page[size]=1',
      )
    ).group_memberships[0]?.group_id;
    const ofGroup = await getJson<CursorList<'group_memberships', GroupMembership>>(
      server,
      `/groups/${groupId}/memberships?page[size]=2`,
    );
    const cursor = ofGroup.meta.after_cursor as string;
    expect(ofGroup.meta.has_more).toBe(true);
    for (const path of ['/group_memberships', '/group_memberships/assignable', '/organization_memberships']) {
      const replayed = await server.api(`${path}?page[size]=2&page[after]=${cursor}`);
      expect(await expectErrorList(replayed, 400), path).toEqual(
        invalidPaginationBody('page[after] is not valid'),
      );
    }
    const own = await server.api(`/groups/${groupId}/memberships.json?page[size]=2&page[after]=${cursor}`);
    expect(own.status).toBe(200);
  });

  it('refuses a cursor whose check value was recomputed by a client (it takes the server secret)', async () => {
    const first = await getJson<CursorList<'group_memberships', GroupMembership>>(
      server,
      '/group_memberships?page[size]=2',
    );
    const lastId = first.group_memberships.at(-1)?.id as number;
    // How the check value used to be made: an unkeyed hash anyone can compute.
    const payload = JSON.stringify(['id', lastId + 5]);
    const check = createHash('sha256').update(payload).digest('base64url').slice(0, 8);
    const forged = Buffer.from(`${check}${payload}`, 'utf8').toString('base64url');
    const response = await server.api(`/group_memberships?page[size]=2&page[after]=${forged}`);
    expect(await expectErrorList(response, 400)).toEqual(invalidPaginationBody('page[after] is not valid'));
  });
});

describe('the SDK names of the cursor parameters', () => {
  it('reads page_size, page_after and page_before as page[size], page[after] and page[before]', async () => {
    const first = await getJson<CursorList<'group_memberships', GroupMembership>>(
      server,
      '/group_memberships?page_size=3',
    );
    expect(first.group_memberships).toHaveLength(3);
    expect(first.meta.has_more).toBe(true);
    expect(first).not.toHaveProperty('count');
    expect(first.links.next).not.toContain('page_size');
    const second = await getJson<CursorList<'group_memberships', GroupMembership>>(
      server,
      `/group_memberships?page_size=3&page_after=${first.meta.after_cursor}`,
    );
    expect(second.group_memberships[0]?.id).toBeGreaterThan(first.group_memberships.at(-1)?.id as number);
    const back = await getJson<CursorList<'group_memberships', GroupMembership>>(
      server,
      `/group_memberships?page_size=3&page_before=${second.meta.before_cursor}`,
    );
    expect(back.group_memberships.map((m) => m.id)).toEqual(first.group_memberships.map((m) => m.id));
  });

  it('refuses both spellings of one parameter, and the aliases where only offsets are served', async () => {
    const both = await server.api('/group_memberships?page_size=3&page[size]=3');
    expect((await expectErrorList(both, 400)).errors[0]?.code).toBe('InvalidPaginationParameter');
    const offsetOnly = await server.api('/users/autocomplete?name=a&page_size=3');
    expect((await expectErrorList(offsetOnly, 400)).errors[0]?.code).toBe('InvalidPaginationParameter');
  });
});

describe('cursor parameter errors', () => {
  it.each([
    'xyz',
    'bm90IGpzb24',
    Buffer.from('["id","not a number"]').toString('base64url'),
    Buffer.from('["id",1,2]').toString('base64url'),
    Buffer.from('["id",1e400]').toString('base64url'),
    '%00',
    'a'.repeat(2_000),
  ])('answers page[after]=%s with the documented InvalidPaginationParameter body', async (cursor) => {
    const response = await server.api(`/group_memberships?page[after]=${encodeURIComponent(cursor)}`);
    expect(await expectErrorList(response, 400)).toEqual(invalidPaginationBody('page[after] is not valid'));
  });

  it('refuses page[size] over 100 or below 1, and page[after] with page[before]', async () => {
    for (const query of ['page[size]=101', 'page[size]=0', 'page[size]=-1', 'page[size]=ten']) {
      const body = await expectErrorList(await server.api(`/group_memberships?${query}`), 400);
      expect(body.errors[0]?.code).toBe('InvalidPaginationParameter');
    }
    const first = await getJson<CursorList<Key, Membership>>(server, '/group_memberships?page[size]=5');
    const both = `page[after]=${first.meta.after_cursor}&page[before]=${first.meta.before_cursor}`;
    const body = await expectErrorList(await server.api(`/group_memberships?${both}`), 400);
    expect(body.errors[0]?.code).toBe('InvalidPaginationParameter');
  });

  it('refuses an unknown sort with 400', async () => {
    const body = await expectErrorList(await server.api('/group_memberships?page[size]=5&sort=name'), 400);
    expect(body.errors[0]?.code).toBe('InvalidPaginationParameter');
  });

  it('accepts page[size]=100 and defaults page[size] to 100 when only page[after] is given', async () => {
    const first = await getJson<CursorList<Key, Membership>>(server, '/group_memberships?page[size]=100');
    expect(first.group_memberships).toHaveLength(100);
    const second = await getJson<CursorList<Key, Membership>>(
      server,
      `/group_memberships?page[after]=${first.meta.after_cursor}`,
    );
    expect(second.group_memberships).toHaveLength(100);
    expect(second.group_memberships[0]?.id).toBeGreaterThan(first.group_memberships.at(-1)?.id as number);
  });
});

describe("a user's organization memberships by cursor", () => {
  it('pages one at a time in the documented order: default first, then by organization name', async () => {
    const eve = (await getJson<{ user: User }>(server, '/users/me', 'endUser')).user;
    const organizations = (
      await getJson<OffsetList<'organizations', { id: number }>>(server, '/organizations')
    ).organizations;
    const mine = new Set(
      (
        await getJson<OffsetList<'organization_memberships', OrganizationMembership>>(
          server,
          `/users/${eve.id}/organization_memberships`,
        )
      ).organization_memberships.map((m) => m.organization_id),
    );
    for (const organization of organizations.filter((o) => !mine.has(o.id))) {
      const response = await send(server, 'POST', `/users/${eve.id}/organization_memberships`, {
        organization_membership: { organization_id: organization.id },
      });
      expect(response.status).toBe(201);
    }
    const unpaged = await getJson<OffsetList<'organization_memberships', OrganizationMembership>>(
      server,
      `/users/${eve.id}/organization_memberships`,
    );
    expect(unpaged.organization_memberships.length).toBeGreaterThanOrEqual(3);
    const paged = await walkForward<'organization_memberships', OrganizationMembership>(
      server,
      'organization_memberships',
      `/users/${eve.id}/organization_memberships?page[size]=1`,
    );
    const rows = paged.flatMap((page) => page.organization_memberships);
    expect(rows).toEqual(unpaged.organization_memberships);
    expect(rows[0]?.default).toBe(true);
  });
});
