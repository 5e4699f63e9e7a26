import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../contract/group.ts';
import type { GroupMembership } from '../../contract/group-membership.ts';
import { EXPORT_COLUMNS, type ImportReview } from '../../contract/membership-csv.ts';
import type { Organization } from '../../contract/organization.ts';
import type { User } from '../../contract/user.ts';
import { getJson, send, walkForward } from '../testing/api-helpers.ts';
import { boxCaller, expectBoxJson } from '../testing/box-api-helpers.ts';
import {
  allItems,
  type RosterCall,
  rosterCaller,
  rosterJson,
  startPlan,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let roster: RosterCall;
let groups: Group[];
let agents: User[];
let endUsers: User[];

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_SEED_SCALE: 'demo' });
  roster = rosterCaller(server.url);
  groups = (await getJson<{ groups: Group[] }>(server, '/groups?page[size]=100&exclude_deleted=true')).groups;
  const pages = await walkForward<'users', User>(server, 'users', '/users?role[]=agent&page[size]=100');
  agents = pages.flatMap((page) => page.users);
  endUsers = (await getJson<{ users: User[] }>(server, '/users?role=end-user&page[size]=100')).users;
}, 60_000);
afterAll(() => server.close());

async function exportCsv(path: string): Promise<{ text: string; total: number; response: Response }> {
  const response = await fetch(`${server.url}/roster/exports/${path}`);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { text, total: Number(response.headers.get('x-total-count')), response };
}

function review(body: unknown): Promise<Response> {
  return fetch(`${server.url}/roster/imports/review`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function reviewed(body: unknown): Promise<ImportReview> {
  return (await rosterJson<{ review: ImportReview }>(await review(body), 200)).review;
}

async function refusal(body: unknown, status: number): Promise<{ error: string; description: string }> {
  return rosterJson(await review(body), status);
}

const groupNamed = (name: string) => {
  const group = groups.find((g) => g.name === name);
  if (!group) throw new Error(`the demo seed has a group ${name}`);
  return group;
};

const membersOf = async (groupId: number) =>
  (
    await walkForward<'group_memberships', GroupMembership>(
      server,
      'group_memberships',
      `/groups/${groupId}/memberships?page[size]=100`,
    )
  ).flatMap((page) => page.group_memberships);

describe('export', () => {
  it("streams a group's members as CSV with a BOM, every cell quoted, and the row count up front", async () => {
    const group = groupNamed('Security Incidents');
    const { text, total, response } = await exportCsv(`group_memberships.csv?group_id=${group.id}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="group-memberships-/);
    expect(text.slice(0, 22)).toBe('\uFEFF"user_id","user_name"');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const members = await membersOf(group.id);
    expect(Object.keys(rows[0] ?? {})).toEqual(EXPORT_COLUMNS.group_memberships);
    expect(rows).toHaveLength(members.length);
    expect(total).toBe(members.length);
    const agent = agents.find((a) => a.id === Number(rows[0]?.user_id));
    expect(rows[0]).toMatchObject({
      group_id: String(group.id),
      group_name: group.name,
      user_email: agent?.email,
    });
  });

  it('prefixes a cell that a spreadsheet would run as a formula', async () => {
    const created = await send(server, 'POST', '/users', {
      user: { name: '=HYPERLINK("http://evil.example","x")', email: 'formula@roster.example', role: 'agent' },
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: User };
    const group = groupNamed('Billing');
    expect(
      (
        await send(server, 'POST', '/group_memberships', {
          group_membership: { user_id: user.id, group_id: group.id },
        })
      ).status,
    ).toBe(201);
    const { text } = await exportCsv(`group_memberships.csv?user_id=${user.id}`);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.user_name).toBe(`'=HYPERLINK("http://evil.example","x")`);
  });

  it('exports the whole account, and only the groups a search matches', async () => {
    const all = await exportCsv('group_memberships.csv');
    const allRows = parse(all.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(allRows).toHaveLength(all.total);
    const searched = await exportCsv('group_memberships.csv?search=tier');
    const rows = parse(searched.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.group_name?.toLowerCase().includes('tier'))).toBe(true);
    expect(rows).toHaveLength(allRows.filter((row) => row.group_name?.toLowerCase().includes('tier')).length);
  });
});

describe('import review', () => {
  it('plans no change for an exported group file imported again in "exactly this" mode', async () => {
    const group = groupNamed('Tier 2 Support');
    const { text } = await exportCsv(
      `group_memberships.csv?group_id=${group.id},${groupNamed('Billing').id}`,
    );
    const result = await reviewed({ kind: 'group_memberships', mode: 'exactly', csv: text });
    expect(result.counts).toMatchObject({ add: 0, remove: 0, make_default: 0, bad: 0 });
    expect(result.counts.already).toBe(result.rows);
    expect(result.plan).toBeNull();
  });

  it('plans no change for an exported organization file imported again in "exactly this" mode', async () => {
    const organizations = (
      await getJson<{ organizations: Organization[] }>(server, '/organizations?page[size]=5')
    ).organizations;
    const ids = organizations.map((o) => o.id).join(',');
    const { text } = await exportCsv(`organization_memberships.csv?organization_id=${ids}`);
    const result = await reviewed({ kind: 'organization_memberships', mode: 'exactly', csv: text });
    expect(result.rows).toBeGreaterThan(0);
    expect(result.counts).toMatchObject({ add: 0, remove: 0, make_default: 0, bad: 0, already: result.rows });
  });

  it('reports each of 25 bad rows of every kind by its line in a 2,000-row file', async () => {
    const targets = ['Tier 1 Support', 'Tier 2 Support', 'Billing', 'Escalations EMEA'].map(groupNamed);
    const lines: string[] = ['Email,Group,Default,Notes'];
    const expected = new Map<number, string>();
    const bad = (reason: string, text: string) => {
      lines.push(text);
      expected.set(lines.length, reason);
    };
    for (let i = 0; i < 25; i++) {
      bad('unknown_person', `nobody-${i}@example.com,Tier 1 Support,,`);
      bad('unknown_target', `${agents[i]?.email},No Such Group ${i},,`);
      bad('end_user_in_group', `${endUsers[i]?.email},Tier 1 Support,,`);
      bad('malformed_line', `${agents[i]?.email},"Tier 1 Support"x,,`);
      bad('missing_value', `,Tier 1 Support,,`);
      bad('invalid_value', `${agents[i]?.email},Tier 2 Support,perhaps,`);
    }
    let good = 0;
    for (let i = 0; lines.length < 2001 - 50; i++) {
      const agent = agents[i % agents.length];
      const target = targets[Math.floor(i / agents.length) % targets.length];
      lines.push(`${agent?.email},"${target?.name}",,"note, with a comma"`);
      good++;
    }
    // Duplicates and second defaults repeat rows already in the file.
    for (let i = 0; i < 25; i++) {
      bad('duplicate_row', `${agents[i]?.email},"${targets[0]?.name}",,`);
      bad('two_defaults', `${agents[100 + i]?.email},${targets[3]?.name},true,`);
    }
    // The first default of those people, earlier in the file, is fine.
    for (let i = 0; i < 25; i++) lines.splice(1, 0, `${agents[100 + i]?.email},${targets[2]?.name},true,`);
    const shifted = new Map([...expected].map(([line, reason]) => [line + 25, reason]));
    const text = lines.join('\r\n');
    const result = await reviewed({ kind: 'group_memberships', mode: 'add', csv: text });
    expect(lines.length - 1).toBeGreaterThanOrEqual(2000);
    expect(result.rows).toBe(lines.length - 1);
    expect(result.counts.bad).toBe(25 * 8);
    const byLine = new Map(result.bad_rows.map((row) => [row.line, row.reason]));
    expect(Object.fromEntries(byLine)).toEqual(Object.fromEntries(shifted));
    expect(result.counts.add + result.counts.already + result.counts.make_default).toBe(good + 25 + 25);
  });

  it('removes in "exactly this" mode only from the groups the file names', async () => {
    const tier3 = groupNamed('Tier 3 Engineering Liaison');
    const members = await membersOf(tier3.id);
    const kept = members.slice(2);
    const csv = ['user_id,group_id', ...kept.map((m) => `${m.user_id},${tier3.id}`)].join('\n');
    const result = await reviewed({ kind: 'group_memberships', mode: 'exactly', csv });
    const removals = result.plan?.items.filter((item) => item.action === 'remove') ?? [];
    expect(result.counts.remove).toBe(2);
    expect(removals.map((item) => Number(item.user.id)).sort()).toEqual(
      members
        .slice(0, 2)
        .map((m) => m.user_id)
        .sort(),
    );
    expect(removals.every((item) => item.target.id === String(tier3.id))).toBe(true);
    const added = await reviewed({ kind: 'group_memberships', mode: 'add', csv });
    expect(added.counts).toMatchObject({ add: 0, remove: 0, already: kept.length });
  });

  it('does not remove, in "exactly this" mode, an agent whom that would leave in no group', async () => {
    let lonely: { agent: User; membership: GroupMembership } | undefined;
    for (const agent of agents.slice(200)) {
      const theirs = (
        await getJson<{ group_memberships: GroupMembership[] }>(
          server,
          `/users/${agent.id}/group_memberships`,
        )
      ).group_memberships;
      const only = theirs[0];
      if (theirs.length === 1 && only) {
        lonely = { agent, membership: only };
        break;
      }
    }
    if (!lonely) throw new Error('the demo seed has an agent in one group');
    const groupId = lonely.membership.group_id;
    const others = (await membersOf(groupId)).filter((m) => m.user_id !== lonely.agent.id);
    const csv = ['user_id,group_id', ...others.map((m) => `${m.user_id},${groupId}`)].join('\n');
    const result = await reviewed({ kind: 'group_memberships', mode: 'exactly', csv });
    expect(result.counts.remove).toBe(0);
    expect(result.plan).toBeNull();
    const again = await reviewed({
      kind: 'group_memberships',
      mode: 'exactly',
      csv: `${csv}\n${agents[0]?.id},${groupId}`,
    });
    expect(again.plan?.skipped).toEqual([
      expect.objectContaining({ reason: 'refused', description: expect.stringMatching(/left in no group/) }),
    ]);
    expect(again.plan?.items.some((item) => item.user.id === String(lonely.agent.id))).toBe(false);
  });

  it('applies the difference as one operation with the counts the review showed', async () => {
    const [a, b, c] = ['Privacy & GDPR Requests', 'Onboarding', 'VIP Accounts'].map(groupNamed);
    if (!a || !b || !c) throw new Error('groups');
    const before = await Promise.all([a, b, c].map((g) => membersOf(g.id)));
    const outsiders = (g: number) =>
      agents.filter((agent) => !before[g]?.some((m) => m.user_id === agent.id)).slice(0, 10);
    const rows = [
      ...[a, b, c].flatMap((g, index) => outsiders(index).map((agent) => `${agent.email},${g.name}`)),
      // Everyone already in the three groups stays, but two of each of the first two groups' members.
      ...[a, b, c].flatMap((g, index) =>
        (before[index] ?? [])
          .slice(index < 2 ? 2 : 0)
          .map((m) => `${agents.find((x) => x.id === m.user_id)?.email ?? m.user_id},${g.name}`),
      ),
    ];
    const csv = `\uFEFFEMAIL,GROUP\n${rows.join('\n')}\n`;
    const result = await reviewed({
      kind: 'group_memberships',
      mode: 'exactly',
      csv_base64: Buffer.from(csv).toString('base64'),
    });
    expect(result.counts.add).toBe(30);
    expect(result.counts.remove).toBe(4);
    if (!result.plan) throw new Error('a plan');
    const started = await startPlan(roster, result.plan);
    expect(started.counts.total).toBe(34);
    const finished = await waitForOperation(roster, started.id);
    expect(finished.state).toBe('completed');
    expect(finished.counts).toMatchObject({ total: 34, succeeded: 34, failed: 0 });
    const items = await allItems(roster, started.id);
    expect(items.filter((item) => item.action === 'add')).toHaveLength(30);
    expect(items.filter((item) => item.action === 'remove')).toHaveLength(4);
    const again = await reviewed({ kind: 'group_memberships', mode: 'exactly', csv });
    expect(again.plan).toBeNull();
    expect(again.counts.already).toBe(rows.length);
  });
});

describe('import files that cannot be read', () => {
  const header = 'email,group\n';
  it.each([
    ['an empty file', { csv: '' }, 422, 'EmptyFile'],
    ['only a header', { csv: 'email,group\r\n' }, 422, 'NoRows'],
    ['a header without the needed columns', { csv: 'name,team\nAda,Tier 1\n' }, 422, 'WrongHeader'],
    [
      'a binary file',
      { csv_base64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]).toString('base64') },
      422,
      'NotText',
    ],
    [
      'Latin-1 text',
      { csv_base64: Buffer.from(`${header}jos\xe9@roster.example,Tier 1\n`, 'latin1').toString('base64') },
      422,
      'NotUtf8',
    ],
    ['a 6 MB file', { csv: header + 'x'.repeat(6 * 1024 * 1024) }, 413, 'FileTooLarge'],
    ['200,000 rows', { csv: header + 'a@b.co,G\n'.repeat(200_000) }, 413, 'TooManyRows'],
  ])('refuses %s with a reason', async (_name, file, status, error) => {
    const body = await refusal({ kind: 'group_memberships', mode: 'add', ...file }, status);
    expect(body.error).toBe(error);
    expect(body.description.length).toBeGreaterThan(10);
  });

  it('refuses a 20 MB body before reading it, naming the limit', async () => {
    const response = await review({
      kind: 'group_memberships',
      mode: 'add',
      csv: 'x'.repeat(20 * 1024 * 1024),
    });
    const body = await rosterJson<{ error: string; description: string }>(response, 413);
    expect(body.description).toMatch(/5 MB/);
  });

  it('reads quoted commas and newlines, CRLF, a BOM and a header in another case with extra columns', async () => {
    const agent = agents[3];
    const csv = `\uFEFF"Notes","E-Mail ignored","EMAIL","Group"\r\n"line one\nline two, with comma","x","${agent?.email}","Tier 1 Support"\r\n`;
    const result = await reviewed({ kind: 'group_memberships', mode: 'add', csv });
    expect(result.rows).toBe(1);
    expect(result.bad_rows).toEqual([]);
    expect(result.counts.add + result.counts.already).toBe(1);
  });
});

describe('Box group memberships', () => {
  type BoxList<T> = { total_count: number; entries: T[] };
  type BoxMember = { id: string; user: { id: string; login: string }; role: string };

  it('exports a Box group, plans no change importing it again exactly, and adds and removes by login', async () => {
    const box = boxCaller(server.url);
    const groupList = await expectBoxJson<BoxList<{ id: string; name: string }>>(
      await box('GET', '/groups?limit=100'),
      200,
    );
    const memberLists = await Promise.all(
      groupList.entries.map(async (g) => ({
        group: g,
        members: (
          await expectBoxJson<BoxList<BoxMember>>(
            await box('GET', `/groups/${g.id}/memberships?limit=1000`),
            200,
          )
        ).entries,
      })),
    );
    const target = memberLists.find((entry) => entry.members.length >= 3);
    if (!target) throw new Error('the Box seed has a group of three');
    const { text, total } = await exportCsv(`box_group_memberships.csv?box_group_id=${target.group.id}`);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(EXPORT_COLUMNS.box_group_memberships);
    expect(rows).toHaveLength(target.members.length);
    expect(total).toBe(target.members.length);
    const same = await reviewed({ kind: 'box_group_memberships', mode: 'exactly', csv: text });
    expect(same.counts).toMatchObject({ add: 0, remove: 0, set_role: 0, bad: 0, already: rows.length });

    const users = await expectBoxJson<BoxList<{ id: string; login: string }>>(
      await box('GET', '/users?limit=1000'),
      200,
    );
    const outsider = users.entries.find((u) => !target.members.some((m) => m.user.id === u.id));
    const kept = target.members.slice(1);
    const csv = [
      'Login,Box Group,Role',
      ...kept.map((m) => `${m.user.login},${target.group.name},${m.role}`),
      `${outsider?.login},${target.group.name},admin`,
      `nobody@nowhere.example,${target.group.name},member`,
    ].join('\n');
    const result = await reviewed({ kind: 'box_group_memberships', mode: 'exactly', csv });
    expect(result.counts).toMatchObject({ add: 1, remove: 1, set_role: 0, bad: 1, already: kept.length });
    expect(result.bad_rows).toEqual([
      expect.objectContaining({ line: kept.length + 3, reason: 'unknown_person' }),
    ]);
    expect(result.plan?.kind).toBe('box_group_memberships.change');
    if (!result.plan) throw new Error('a plan');
    const finished = await waitForOperation(roster, (await startPlan(roster, result.plan)).id);
    expect(finished.counts).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    const after = await expectBoxJson<BoxList<BoxMember>>(
      await box('GET', `/groups/${target.group.id}/memberships?limit=1000`),
      200,
    );
    expect(after.entries.map((m) => m.user.id).sort()).toEqual(
      [...kept.map((m) => m.user.id), outsider?.id].sort(),
    );
    expect(after.entries.find((m) => m.user.id === outsider?.id)?.role).toBe('admin');
  });
});
