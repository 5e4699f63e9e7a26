import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxGroup } from '../../../contract/box/box-group.ts';
import type { BoxUser } from '../../../contract/box/box-user.ts';
import { type BoxCall, boxCaller, expectBoxError, expectBoxJson } from '../../testing/box-api-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

type Collection<Entry> = { total_count: number; limit: number; offset: number; entries: Entry[] };
type MarkerPage<Entry> = { limit: number; next_marker: string | null; entries: Entry[] };

let server: TestServer;
let box: BoxCall;

beforeAll(async () => {
  server = await startTestServer();
  box = boxCaller(server.url);
});
afterAll(() => server.close());

const get = async <Body>(path: string, as: 'admin' | 'groupAdmin' | 'member' = 'admin') =>
  expectBoxJson<Body>(await box('GET', path, { as }), 200);

describe('GET /groups', () => {
  it('lists every group by name with Box’s group fields, and filters by name prefix ignoring case', async () => {
    const all = await get<Collection<BoxGroup>>('/groups');
    expect(all.total_count).toBe(5);
    const names = all.entries.map((g) => g.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    for (const group of all.entries) {
      expect(Object.keys(group).sort()).toEqual(
        [
          'created_at',
          'description',
          'external_sync_identifier',
          'group_type',
          'id',
          'invitability_level',
          'member_viewability_level',
          'modified_at',
          'name',
          'provenance',
          'type',
        ].sort(),
      );
    }
    const filtered = await get<Collection<BoxGroup>>('/groups?filter_term=SUPPORT');
    expect(filtered.entries.map((g) => g.name).sort()).toEqual(['Support Leads', 'Support Team']);
    expect(filtered.total_count).toBe(2);
    expect((await get<Collection<BoxGroup>>('/groups?filter_term=%25')).total_count).toBe(0);
    await expectBoxError(
      await box('GET', '/groups', { as: 'groupAdmin' }),
      403,
      'access_denied_insufficient_permissions',
    );
  });

  it('shows one group to admins and to people in it', async () => {
    const all = await get<Collection<BoxGroup>>('/groups');
    const legal = all.entries.find((g) => g.name === 'Legal') as BoxGroup;
    expect(await get(`/groups/${legal.id}`)).toEqual(legal);
    expect(await get(`/groups/${legal.id}`, 'groupAdmin')).toEqual(legal);
    await expectBoxError(
      await box('GET', `/groups/${legal.id}`, { as: 'member' }),
      403,
      'access_denied_insufficient_permissions',
    );
    await expectBoxError(await box('GET', '/groups/39999999'), 404, 'not_found');
  });
});

describe('GET /users', () => {
  it('pages users by offset and finds them by name or login prefix', async () => {
    const all = await get<Collection<BoxUser>>('/users?limit=1000');
    expect(all.total_count).toBe(30);
    expect(all.entries[0]).toMatchObject({
      type: 'user',
      name: 'Ada Admin',
      login: 'admin@roster.example',
      role: 'admin',
      status: 'active',
    });
    const second = await get<Collection<BoxUser>>('/users?limit=10&offset=10');
    expect(second.entries.map((u) => u.id)).toEqual(all.entries.slice(10, 20).map((u) => u.id));
    expect(
      (await get<Collection<BoxUser>>('/users?filter_term=group-manager@')).entries.map((u) => u.name),
    ).toEqual(['Grace Groupmanager']);
    expect((await get<Collection<BoxUser>>('/users?filter_term=alan')).entries.map((u) => u.login)).toEqual([
      'agent@roster.example',
    ]);
    expect((await get<Collection<BoxUser>>('/users?user_type=external')).total_count).toBe(0);
    await expectBoxError(await box('GET', '/users?user_type=robots'), 400, 'bad_request');
    await expectBoxError(await box('GET', '/users?offset=20000'), 400, 'invalid_offset');
    await expectBoxError(
      await box('GET', '/users', { as: 'member' }),
      403,
      'access_denied_insufficient_permissions',
    );
  });

  it('walks every user once with markers, ending with a null next_marker, and refuses an edited marker', async () => {
    const seen: string[] = [];
    let marker: string | null = null;
    let pages = 0;
    do {
      const query: string = marker ? `&marker=${marker}` : '';
      const page: MarkerPage<BoxUser> = await get(`/users?usemarker=true&limit=7${query}`);
      expect(page.limit).toBe(7);
      seen.push(...page.entries.map((u) => u.id));
      marker = page.next_marker;
      pages++;
    } while (marker && pages < 20);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);
    const first: MarkerPage<BoxUser> = await get('/users?usemarker=true&limit=7');
    const edited = Buffer.from(`1${Buffer.from(first.next_marker ?? '', 'base64url').toString()}`).toString(
      'base64url',
    );
    await expectBoxError(await box('GET', `/users?usemarker=true&marker=${edited}`), 400, 'bad_request');
  });

  it('refuses a marker signed with a key anyone can read (the one once in the source)', async () => {
    const page: MarkerPage<BoxUser> = await get('/users?usemarker=true&limit=3');
    const lastId = Number(page.entries.at(-1)?.id);
    const check = createHmac('sha256', 'roster-box-sandbox-marker')
      .update(String(lastId))
      .digest('base64url');
    const forged = Buffer.from(`${lastId}.${check.slice(0, 10)}`).toString('base64url');
    await expectBoxError(await box('GET', `/users?usemarker=true&marker=${forged}`), 400, 'bad_request');
  });

  it('answers /users/me for each demo identity', async () => {
    expect((await get<BoxUser>('/users/me', 'groupAdmin')).login).toBe('group-manager@roster.example');
    expect((await get<BoxUser>('/users/me', 'member')).role).toBe('user');
  });
});

describe('the Roster server', () => {
  it('forwards /api/box/2.0/* with its own token, whatever the browser sends', async () => {
    const response = await fetch(`${server.url}/api/box/2.0/users/me`, {
      headers: { authorization: 'Bearer roster-box-member-token' },
    });
    expect(((await response.json()) as BoxUser).login).toBe('admin@roster.example');
    const refused = await fetch(`${server.url}/api/box/2.0/groups?offset=10001`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ type: 'error', code: 'invalid_offset' });
    const connection = await (await fetch(`${server.url}/roster/connection`)).json();
    expect(connection).toEqual({ connection: { kind: 'sandbox' }, box: { kind: 'sandbox' } });
  });
});
