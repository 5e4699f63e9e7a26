import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { User } from '../../contract/user.ts';
import { getJson, walkForward } from '../testing/api-helpers.ts';
import {
  allItems,
  planOperation,
  type RosterCall,
  rosterCaller,
  rosterJson,
  startPlan,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const SECURITY_INCIDENTS = 360000022;
const PRIVACY = 360000023;

let server: TestServer;
let roster: RosterCall;
let staff: User[];

const membershipsOf = async (userId: number) =>
  (await getJson<{ group_memberships: GroupMembership[] }>(server, `/users/${userId}/group_memberships`))
    .group_memberships;

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_SEED_SCALE: 'demo' });
  roster = rosterCaller(server.url);
  const pages = await walkForward<'users', User>(
    server,
    'users',
    '/users?role[]=agent&role[]=admin&page[size]=100',
  );
  staff = pages.flatMap((page) => page.users);
}, 60_000);
afterAll(() => server.close());

/** Agents with their memberships, to pick who each change is about. */
async function staffWithMemberships(count: number) {
  const found: { user: User; memberships: GroupMembership[] }[] = [];
  for (const user of staff.slice(0, count)) found.push({ user, memberships: await membershipsOf(user.id) });
  return found;
}

describe('mixed group changes (the grid, an import)', () => {
  it('reviews adds, removals and a default change as one operation, runs it, and undoes it back to what was', async () => {
    const people = await staffWithMemberships(40);
    const outside = people.filter((p) => !p.memberships.some((m) => m.group_id === PRIVACY)).slice(0, 3);
    const multi = people.filter((p) => !outside.includes(p) && p.memberships.length >= 2);
    const leftGroup = multi
      .flatMap((p) => p.memberships.map((m) => m.group_id))
      .find((groupId, _, all) => all.filter((id) => id === groupId).length >= 2);
    const removable = multi.filter((p) => p.memberships.some((m) => m.group_id === leftGroup)).slice(0, 2);
    const defaultChange = people.find(
      (p) =>
        !outside.includes(p) &&
        !removable.includes(p) &&
        p.memberships.length >= 2 &&
        p.memberships.some((m) => !m.default),
    );
    expect(outside).toHaveLength(3);
    expect(removable).toHaveLength(2);
    if (!defaultChange) throw new Error('the demo seed has an agent in two groups');
    const newDefault = defaultChange.memberships.find((m) => !m.default) as GroupMembership;
    const oldDefault = defaultChange.memberships.find((m) => m.default);
    const endUser = (await getJson<{ users: User[] }>(server, '/users?role=end-user&page[size]=1')).users[0];

    const plan = await planOperation(roster, {
      kind: 'group_memberships.change',
      changes: [
        ...outside.map((p) => ({ action: 'add' as const, user_id: p.user.id, target_id: PRIVACY })),
        ...removable.map((p) => ({
          action: 'remove' as const,
          user_id: p.user.id,
          target_id: leftGroup ?? 1,
        })),
        { action: 'make_default', user_id: defaultChange.user.id, target_id: newDefault.group_id },
        { action: 'add', user_id: endUser?.id ?? 1, target_id: PRIVACY },
        { action: 'add', user_id: 999_999_999, target_id: PRIVACY },
        { action: 'add', user_id: outside[0]?.user.id ?? 1, target_id: 1 },
      ],
    });
    expect(plan).toMatchObject({ kind: 'group_memberships.change', total: 6 });
    expect(plan.label).toMatch(/^Add 3 memberships, remove 2 and make 1 default in 3 groups$/);
    expect(plan.items.map((item) => item.action)).toEqual([
      'add',
      'add',
      'add',
      'remove',
      'remove',
      'make_default',
    ]);
    expect(plan.skipped.map((entry) => entry.reason).sort()).toEqual(['refused', 'unknown', 'unknown']);
    expect(plan.skipped.find((entry) => entry.reason === 'refused')?.description).toMatch(/end user/);

    const operation = await waitForOperation(roster, (await startPlan(roster, plan)).id);
    expect(operation).toMatchObject({ state: 'completed', counts: { succeeded: 6, failed: 0 } });
    const items = await allItems(roster, operation.id);
    expect(items.map((item) => [item.action, item.status])).toEqual([
      ['add', 'Created'],
      ['add', 'Created'],
      ['add', 'Created'],
      ['remove', 'Deleted'],
      ['remove', 'Deleted'],
      ['make_default', 'Updated'],
    ]);
    for (const p of outside)
      expect((await membershipsOf(p.user.id)).map((m) => m.group_id)).toContain(PRIVACY);
    for (const p of removable)
      expect((await membershipsOf(p.user.id)).map((m) => m.group_id)).not.toContain(leftGroup);
    expect((await membershipsOf(defaultChange.user.id)).find((m) => m.default)?.id).toBe(newDefault.id);

    const undo = await rosterJson<{ plan: Parameters<typeof startPlan>[1] }>(
      await roster(`/${operation.id}/undo`, { method: 'POST' }),
      200,
    );
    expect(undo.plan).toMatchObject({ kind: 'group_memberships.change', total: 6, undo_of: operation.id });
    const undone = await waitForOperation(roster, (await startPlan(roster, undo.plan)).id);
    expect(undone).toMatchObject({ state: 'completed', counts: { succeeded: 6 } });
    for (const p of [...outside, ...removable]) {
      const after = await membershipsOf(p.user.id);
      expect(after.map((m) => [m.group_id, m.default]).sort()).toEqual(
        p.memberships.map((m) => [m.group_id, m.default]).sort(),
      );
    }
    expect((await membershipsOf(defaultChange.user.id)).find((m) => m.default)?.id).toBe(oldDefault?.id);
  });

  it('adds a membership and makes it the default in one change, and refuses two defaults for one person', async () => {
    const [person] = (await staffWithMemberships(60)).filter(
      (p) => !p.memberships.some((m) => m.group_id === SECURITY_INCIDENTS || m.group_id === PRIVACY),
    );
    if (!person) throw new Error('the demo seed has an agent outside two groups');
    const plan = await planOperation(roster, {
      kind: 'group_memberships.change',
      changes: [
        { action: 'add', user_id: person.user.id, target_id: SECURITY_INCIDENTS },
        { action: 'make_default', user_id: person.user.id, target_id: SECURITY_INCIDENTS },
        { action: 'add', user_id: person.user.id, target_id: PRIVACY },
        { action: 'make_default', user_id: person.user.id, target_id: PRIVACY },
      ],
    });
    expect(plan.items).toEqual([
      expect.objectContaining({
        action: 'add',
        makes_default: true,
        target: expect.objectContaining({ id: String(SECURITY_INCIDENTS) }),
      }),
      expect.not.objectContaining({ makes_default: true }),
    ]);
    expect(plan.skipped).toEqual([expect.objectContaining({ reason: 'duplicate' })]);
    const operation = await waitForOperation(roster, (await startPlan(roster, plan)).id);
    expect(operation).toMatchObject({ state: 'completed', counts: { succeeded: 2 } });
    const after = await membershipsOf(person.user.id);
    expect(after.find((m) => m.default)?.group_id).toBe(SECURITY_INCIDENTS);
  });

  it('refuses removals that would leave an agent in no group, naming the person', async () => {
    const [lonely] = (await staffWithMemberships(80)).filter((p) => p.memberships.length === 1);
    if (!lonely) throw new Error('the demo seed has an agent in one group');
    const only = lonely.memberships[0] as GroupMembership;
    const plan = await planOperation(roster, {
      kind: 'group_memberships.change',
      changes: [{ action: 'remove', user_id: lonely.user.id, target_id: only.group_id }],
    });
    expect(plan.total).toBe(0);
    expect(plan.skipped).toEqual([
      expect.objectContaining({ reason: 'refused', description: expect.stringContaining(lonely.user.name) }),
    ]);
  });

  it('answers a change list that is empty or names an unknown action with a 400 naming the field', async () => {
    const empty = await roster('/plan', {
      method: 'POST',
      body: JSON.stringify({ kind: 'group_memberships.change', changes: [] }),
    });
    expect(await rosterJson<{ details: unknown }>(empty, 400)).toMatchObject({
      details: [expect.objectContaining({ path: 'changes' })],
    });
    const wrong = await roster('/plan', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'group_memberships.change',
        changes: [{ action: 'promote', user_id: 1, target_id: 2 }],
      }),
    });
    expect(await rosterJson<{ details: unknown }>(wrong, 400)).toMatchObject({
      details: [expect.objectContaining({ path: 'changes.0.action' })],
    });
  });
});

describe('mixed Box changes (the Box grid)', () => {
  it('adds, removes and promotes in one operation, and undoes each back', async () => {
    const box = (path: string) => fetch(`${server.url}/api/box/2.0${path}`).then((r) => r.json());
    const groups = ((await box('/groups?limit=1000')) as { entries: { id: string }[] }).entries;
    const users = ((await box('/users?limit=1000')) as { entries: { id: string }[] }).entries;
    const [first, second] = groups;
    if (!first || !second) throw new Error('the Box sandbox has two groups');
    const members = (
      (await box(`/groups/${first.id}/memberships?limit=1000`)) as {
        entries: { id: string; role: string; user: { id: string } }[];
      }
    ).entries;
    const [leaving, promoted] = members.filter((m) => m.role === 'member');
    const inFirst = new Set(members.map((m) => m.user.id));
    const joining = users.find((user) => !inFirst.has(user.id));
    if (!leaving || !promoted || !joining) throw new Error('the Box sandbox has two members and an outsider');
    const plan = await planOperation(roster, {
      kind: 'box_group_memberships.change',
      changes: [
        { action: 'add', box_user_id: joining.id, box_group_id: first.id },
        { action: 'remove', box_user_id: leaving.user.id, box_group_id: first.id },
        { action: 'set_role', box_user_id: promoted.user.id, box_group_id: first.id, role: 'admin' },
        { action: 'set_role', box_user_id: promoted.user.id, box_group_id: second.id, role: 'admin' },
      ],
    });
    expect(plan.items.map((item) => item.action)).toEqual(['add', 'remove', 'set_role']);
    expect(plan.skipped).toHaveLength(1);
    const done = await waitForOperation(roster, (await startPlan(roster, plan)).id);
    expect(done).toMatchObject({ state: 'completed', counts: { succeeded: 3 } });
    expect(await box(`/group_memberships/${promoted.id}`)).toMatchObject({ role: 'admin' });
    const after = (
      (await box(`/groups/${first.id}/memberships?limit=1000`)) as { entries: { user: { id: string } }[] }
    ).entries.map((m) => m.user.id);
    expect(after).toContain(joining.id);
    expect(after).not.toContain(leaving.user.id);

    const undo = await rosterJson<{ plan: Parameters<typeof startPlan>[1] }>(
      await roster(`/${done.id}/undo`, { method: 'POST' }),
      200,
    );
    await waitForOperation(roster, (await startPlan(roster, undo.plan)).id);
    expect(await box(`/group_memberships/${promoted.id}`)).toMatchObject({ role: 'member' });
    const restored = (
      (await box(`/groups/${first.id}/memberships?limit=1000`)) as { entries: { user: { id: string } }[] }
    ).entries.map((m) => m.user.id);
    expect(restored).toContain(leaving.user.id);
    expect(restored).not.toContain(joining.id);
  });
});
