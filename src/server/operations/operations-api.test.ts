import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../../contract/group-membership.ts';
import type { OrganizationMembership } from '../../contract/organization-membership.ts';
import type { JobOperation, Operation, RosterError } from '../../contract/roster-operations.ts';
import type { User } from '../../contract/user.ts';
import { expectJson, getJson, send, walkForward } from '../testing/api-helpers.ts';
import { operationStatesFromStream } from '../testing/operation-event-stream.ts';
import {
  allItems,
  planOperation,
  type RosterCall,
  rosterCaller,
  rosterJson,
  startPlan,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { basicAuthFor, startTestServer, type TestServer } from '../testing/test-server.ts';

const TRUST_AND_SAFETY = 360000021;
const SECURITY_INCIDENTS = 360000022;
const PRIVACY = 360000023;
const FRENCH = 360000052;

let server: TestServer;
let roster: RosterCall;
let staff: User[];

async function groupMembers(groupId: number): Promise<GroupMembership[]> {
  const pages = await walkForward<'group_memberships', GroupMembership>(
    server,
    'group_memberships',
    `/groups/${groupId}/memberships?page[size]=100`,
  );
  return pages.flatMap((page) => page.group_memberships);
}

async function staffOutside(groupId: number, count: number): Promise<User[]> {
  const members = new Set((await groupMembers(groupId)).map((m) => m.user_id));
  return staff.filter((user) => !members.has(user.id)).slice(0, count);
}

async function addToGroup(groupId: number, users: readonly User[]): Promise<Operation> {
  const plan = await planOperation(roster, {
    kind: 'group_memberships.create',
    group_ids: [groupId],
    people: { user_ids: users.map((user) => user.id) },
  });
  return waitForOperation(roster, (await startPlan(roster, plan)).id);
}

/** The sandbox's fault injection, beside its API (`{base}/_sandbox/faults`). */
async function setFaults(faults: unknown): Promise<void> {
  const response = await fetch(`${server.url}/sandbox/_sandbox/faults`, {
    method: 'PUT',
    headers: { authorization: basicAuthFor('admin'), 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  await expectJson(response, 200);
}

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

describe('reviewing an add on the server', () => {
  it('sorts pasted entries into to add, already members, unknown and not an email, each with its line', async () => {
    const [member] = await groupMembers(PRIVACY);
    const newcomer = (await staffOutside(PRIVACY, 1))[0];
    const memberUser = staff.find((user) => user.id === member?.user_id);
    const pasted = [
      newcomer?.email,
      memberUser?.email,
      'nobody@nowhere.example',
      'not an email',
      `${'x'.repeat(300)}@a.io`,
    ].join('\n');
    const plan = await planOperation(roster, {
      kind: 'group_memberships.create',
      group_ids: [PRIVACY],
      people: { pasted },
    });
    expect(plan.label).toBe('Add 1 agent to Privacy & GDPR Requests');
    expect(plan.items.map((item) => item.user.email)).toEqual([newcomer?.email]);
    expect(plan.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'already_member', entry: memberUser?.email }),
        expect.objectContaining({ reason: 'unknown', entry: 'nobody@nowhere.example', line: 3 }),
        expect.objectContaining({ reason: 'invalid', entry: 'not', line: 4 }),
        expect.objectContaining({ reason: 'invalid', entry: 'an', line: 4 }),
        expect.objectContaining({ reason: 'too_long', line: 5 }),
      ]),
    );
    expect(plan.counts.already_member).toBe(1);
  });

  it('reviews a 5,000-line paste of agent emails with at most 60 upstream requests', async () => {
    const lines = staff.map((user) => user.email ?? '');
    for (let i = lines.length; i < 5000; i++) lines.push(`left.agent${i}@support.roster.example`);
    const plan = await planOperation(roster, {
      kind: 'group_memberships.create',
      group_ids: [FRENCH],
      people: { pasted: lines.join('\n') },
    });
    expect(plan.requests).toBeLessThanOrEqual(60);
    expect(plan.total + plan.counts.already_member).toBe(staff.length);
    expect(plan.counts.unknown).toBe(5000 - staff.length);
  });

  it('refuses end users for groups with the reason, and a group that does not exist with 404', async () => {
    const endUsers = (await getJson<{ users: User[] }>(server, '/users?role=end-user&page[size]=2')).users;
    const plan = await planOperation(roster, {
      kind: 'group_memberships.create',
      group_ids: [PRIVACY],
      people: { user_ids: endUsers.map((user) => user.id) },
    });
    expect(plan.total).toBe(0);
    expect(plan.skipped.map((entry) => entry.reason)).toEqual(['refused', 'refused']);
    const missing = await roster('/plan', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'group_memberships.create',
        group_ids: [369999999],
        people: { user_ids: [1] },
      }),
    });
    expect(await rosterJson<RosterError>(missing, 404)).toMatchObject({ error: 'RecordNotFound' });
  });
});

describe('running an operation', () => {
  it('adds every reviewed agent and records who did it, with names', async () => {
    const agents = await staffOutside(SECURITY_INCIDENTS, 150);
    const operation = await addToGroup(SECURITY_INCIDENTS, agents);
    expect(operation).toMatchObject({
      state: 'completed',
      counts: { total: 150, succeeded: 150, failed: 0 },
      jobs: { total: 2 },
      actor: { name: 'Ada Admin' },
    });
    const items = await allItems(roster, operation.id);
    expect(items[0]).toMatchObject({
      state: 'succeeded',
      status: 'Created',
      target: { name: 'Security Incidents' },
    });
    expect(items.map((item) => item.user.name)).toEqual(agents.map((agent) => agent.name));
    const members = new Set((await groupMembers(SECURITY_INCIDENTS)).map((m) => m.user_id));
    for (const agent of agents) expect(members.has(agent.id)).toBe(true);
  });

  it("names the person and group behind each result of the account's jobs an operation sent, and answers 404 for others", async () => {
    const agents = await staffOutside(SECURITY_INCIDENTS, 120);
    const operation = await addToGroup(SECURITY_INCIDENTS, agents);
    const jobs = await getJson<{ job_statuses: { id: string; results: { index: number; id: number }[] }[] }>(
      server,
      '/job_statuses',
    );
    // Newest first: the operation's second job holds its last 20 agents.
    const [second, first] = jobs.job_statuses;
    if (!first || !second) throw new Error('the operation sent no jobs');
    const sent = await rosterJson<JobOperation>(await roster(`/by-job/${first.id}`), 200);
    expect(sent.operation.id).toBe(operation.id);
    expect(sent.items.map((item) => item.user.name)).toEqual(agents.slice(0, 100).map((agent) => agent.name));
    const later = await rosterJson<JobOperation>(await roster(`/by-job/${second.id}`), 200);
    expect(later.items.map((item) => item.user.id)).toEqual(
      agents.slice(100).map((agent) => String(agent.id)),
    );
    expect(later.items[0]?.target.name).toBe('Security Incidents');
    const unknown = await rosterJson<RosterError>(await roster('/by-job/no-such-job'), 404);
    expect(unknown.error).toBe('OperationNotFound');
  });

  it('retries a transient 500 on create_many and ends with no failure', async () => {
    await setFaults({ rules: [{ method: 'POST', path_contains: 'create_many', status: 500, times: 2 }] });
    const agents = await staffOutside(TRUST_AND_SAFETY, 120);
    const operation = await addToGroup(TRUST_AND_SAFETY, agents);
    await setFaults({});
    expect(operation).toMatchObject({ state: 'completed', counts: { succeeded: 120, failed: 0 } });
    const items = await allItems(roster, operation.id);
    expect(Math.max(...items.map((item) => item.tries))).toBeGreaterThan(1);
    const members = (await groupMembers(TRUST_AND_SAFETY)).filter((m) =>
      agents.some((a) => a.id === m.user_id),
    );
    expect(members).toHaveLength(120);
  });

  it('retries only the failed items when asked', async () => {
    await setFaults({ rules: [{ method: 'POST', path_contains: 'create_many', status: 422, times: 1 }] });
    const agents = await staffOutside(PRIVACY, 30);
    const failed = await addToGroup(PRIVACY, agents);
    await setFaults({});
    expect(failed).toMatchObject({ state: 'failed', counts: { failed: 30 }, can: { retry_failed: true } });
    const retried = await rosterJson<{ operation: Operation }>(
      await roster(`/${failed.id}/retry-failed`, { method: 'POST' }),
      202,
    );
    expect(retried.operation.counts.pending).toBe(30);
    const done = await waitForOperation(roster, failed.id);
    expect(done).toMatchObject({ state: 'completed', counts: { succeeded: 30, failed: 0 } });
    const again = await roster(`/${failed.id}/retry-failed`, { method: 'POST' });
    expect(await rosterJson<RosterError>(again, 409)).toMatchObject({ error: 'NothingFailed' });
  });

  it('removes a whole organization through one "select all" request, expanding the list on the server', async () => {
    const organizationId = 370000002;
    const before = await walkForward<'organization_memberships', OrganizationMembership>(
      server,
      'organization_memberships',
      `/organizations/${organizationId}/organization_memberships?page[size]=100`,
    );
    const memberships = before.flatMap((page) => page.organization_memberships);
    const kept = memberships[0];
    const plan = await planOperation(roster, {
      kind: 'organization_memberships.destroy',
      memberships: { from: 'list', list_id: organizationId, except: kept ? [kept.id] : [] },
    });
    expect(plan).toMatchObject({ total: memberships.length - 1, items_complete: false });
    expect(plan.warnings.join(' ')).toMatch(/tickets/);
    const operation = await waitForOperation(roster, (await startPlan(roster, plan)).id);
    expect(operation).toMatchObject({
      state: 'completed',
      counts: { total: memberships.length - 1, failed: 0 },
    });
    const after = await walkForward<'organization_memberships', OrganizationMembership>(
      server,
      'organization_memberships',
      `/organizations/${organizationId}/organization_memberships?page[size]=100`,
    );
    expect(after.flatMap((page) => page.organization_memberships).map((m) => m.id)).toEqual([kept?.id]);
  });
});

describe('Box operations', () => {
  it('promotes members with exactly the permissions chosen, and undoes it back to members', async () => {
    const box = (path: string) => fetch(`${server.url}/api/box/2.0${path}`).then((r) => r.json());
    const groups = (await box('/groups?limit=1000')) as { entries: { id: string }[] };
    let members: { id: string; role: string }[] = [];
    for (const group of groups.entries) {
      const page = (await box(`/groups/${group.id}/memberships?limit=1000`)) as {
        entries: { id: string; role: string }[];
      };
      members = page.entries.filter((entry) => entry.role === 'member').slice(0, 3);
      if (members.length === 3) break;
    }
    const chosen = {
      can_run_reports: true,
      can_instant_login: false,
      can_create_accounts: false,
      can_edit_accounts: true,
    };
    const plan = await planOperation(roster, {
      kind: 'box_group_memberships.update',
      box_membership_ids: members.map((m) => m.id),
      role: 'admin',
      configurable_permissions: chosen,
    });
    expect(plan.label).toMatch(/^Make 3 members admins of /);
    const done = await waitForOperation(roster, (await startPlan(roster, plan)).id);
    expect(done).toMatchObject({ state: 'completed', counts: { succeeded: 3 } });
    for (const member of members) {
      expect(await box(`/group_memberships/${member.id}`)).toMatchObject({
        role: 'admin',
        configurable_permissions: chosen,
      });
    }
    const undo = await rosterJson<{ plan: Parameters<typeof startPlan>[1] }>(
      await roster(`/${done.id}/undo`, { method: 'POST' }),
      200,
    );
    await waitForOperation(roster, (await startPlan(roster, undo.plan)).id);
    for (const member of members)
      expect(await box(`/group_memberships/${member.id}`)).toMatchObject({ role: 'member' });
  });
});

describe('cancel and undo', () => {
  it('cancels what was not sent yet and lets submitted jobs run out', async () => {
    // More chunks than the 30-job budget, each request slowed: most items are still unsent at cancel.
    await setFaults({ latency_ms: 150 });
    const groups = [360000031, 360000032, 360000033, 360000034];
    const plan = await planOperation(roster, {
      kind: 'group_memberships.create',
      group_ids: groups,
      people: { user_ids: staff.map((user) => user.id) },
    });
    expect(plan.total).toBeGreaterThan(3000);
    const started = await startPlan(roster, plan);
    const cancelled = await rosterJson<{ operation: Operation }>(
      await roster(`/${started.id}/cancel`, { method: 'POST' }),
      200,
    );
    expect(cancelled.operation.can.cancel).toBe(false);
    const done = await waitForOperation(roster, started.id);
    await setFaults({});
    expect(done.state).toBe('cancelled');
    expect(done.counts.cancelled).toBeGreaterThan(0);
    expect(done.counts.succeeded + done.counts.cancelled).toBe(plan.total);
    const items = await allItems(roster, started.id);
    expect(items.find((item) => item.state === 'cancelled')).toMatchObject({ status: 'Cancelled' });
    let added = 0;
    for (const group of groups) {
      const members = new Set((await groupMembers(group)).map((m) => m.user_id));
      added += items.filter(
        (item) => item.target.id === String(group) && members.has(Number(item.user.id)),
      ).length;
    }
    expect(added).toBe(done.counts.succeeded);
    const late = await roster(`/${started.id}/cancel`, { method: 'POST' });
    expect(await rosterJson<RosterError>(late, 409)).toMatchObject({ error: 'OperationFinished' });
  });

  it('undoes an add by removing exactly the memberships it created', async () => {
    const agents = await staffOutside(TRUST_AND_SAFETY, 20);
    const added = await addToGroup(TRUST_AND_SAFETY, agents);
    const undo = await rosterJson<{ plan: { id: string; total: number; kind: string; undo_of: string } }>(
      await roster(`/${added.id}/undo`, { method: 'POST' }),
      200,
    );
    expect(undo.plan).toMatchObject({ total: 20, kind: 'group_memberships.destroy', undo_of: added.id });
    const reversed = await waitForOperation(roster, (await startPlan(roster, undo.plan as never)).id);
    expect(reversed).toMatchObject({ state: 'completed', counts: { succeeded: 20 }, undo_of: added.id });
    const members = new Set((await groupMembers(TRUST_AND_SAFETY)).map((m) => m.user_id));
    expect(agents.filter((agent) => members.has(agent.id))).toEqual([]);
    const original = await rosterJson<{ operation: Operation }>(await roster(`/${added.id}`), 200);
    expect(original.operation).toMatchObject({ undone_by: reversed.id, can: { undo: false } });
  });

  it('undoes a removal by adding the memberships back with their default flags', async () => {
    const members = (await groupMembers(SECURITY_INCIDENTS)).slice(0, 40);
    // Make some of them default here, so the undo has defaults to restore.
    const defaults = members.slice(0, 5);
    for (const membership of defaults) {
      await expectJson(
        await send(
          server,
          'PUT',
          `/users/${membership.user_id}/group_memberships/${membership.id}/make_default`,
        ),
        200,
      );
    }
    const plan = await planOperation(roster, {
      kind: 'group_memberships.destroy',
      memberships: { from: 'ids', ids: members.map((m) => m.id) },
    });
    expect(plan.items.filter((item) => item.removes_default)).toHaveLength(5);
    expect(plan.warnings.join(' ')).toMatch(/5 people lose their default group/);
    const removed = await waitForOperation(roster, (await startPlan(roster, plan)).id);
    expect(removed.counts.succeeded).toBe(40);
    const undo = await rosterJson<{ plan: Parameters<typeof startPlan>[1] }>(
      await roster(`/${removed.id}/undo`, { method: 'POST' }),
      200,
    );
    expect(undo.plan.warnings.join(' ')).toMatch(/Ticket reassignments .* are not undone/);
    const restored = await waitForOperation(roster, (await startPlan(roster, undo.plan)).id);
    expect(restored).toMatchObject({ state: 'completed', counts: { succeeded: 40, failed: 0 } });
    const now = await groupMembers(SECURITY_INCIDENTS);
    for (const membership of members) {
      const back = now.find((m) => m.user_id === membership.user_id);
      expect(back, `user ${membership.user_id} is back`).toBeDefined();
      expect(back?.default).toBe(defaults.some((d) => d.user_id === membership.user_id));
    }
  });
});

describe('the event stream', () => {
  it('sends the progress of an operation as server-sent events until it finishes', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/roster/operations/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const agents = await staffOutside(PRIVACY, 150);
    const plan = await planOperation(roster, {
      kind: 'group_memberships.create',
      group_ids: [PRIVACY],
      people: { user_ids: agents.map((agent) => agent.id) },
    });
    const { id } = await startPlan(roster, plan);
    const states = await operationStatesFromStream(response, id);
    controller.abort();
    expect(states[0]).toMatch(/queued|running/);
    expect(states.at(-1)).toBe('completed');
  });
});

describe('history', () => {
  it('records a single make-default from a page with names, and filters by person and group', async () => {
    const [membership] = await groupMembers(PRIVACY);
    if (!membership) throw new Error('Privacy has no members');
    const proxied = await fetch(
      `${server.url}/api/v2/users/${membership.user_id}/group_memberships/${membership.id}/make_default`,
      {
        method: 'PUT',
      },
    );
    expect(proxied.status).toBe(200);
    const list = await rosterJson<{ operations: Operation[] }>(
      await roster(`?source=single&user_id=${membership.user_id}&group_id=${PRIVACY}`),
      200,
    );
    expect(list.operations[0]).toMatchObject({
      kind: 'group_memberships.make_default',
      source: 'single',
      state: 'completed',
      actor: { name: 'Ada Admin' },
      targets: [{ name: 'Privacy & GDPR Requests' }],
    });
    expect(list.operations[0]?.label).toMatch(/^Make Privacy & GDPR Requests .+'s default group$/);
  });

  it('records a single removal through the proxy with what it took away, and undoes it', async () => {
    const [membership] = await groupMembers(SECURITY_INCIDENTS);
    if (!membership) throw new Error('Security Incidents has no members');
    const removed = await fetch(`${server.url}/api/v2/group_memberships/${membership.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    const list = await rosterJson<{ operations: Operation[] }>(
      await roster(`?source=single&user_id=${membership.user_id}`),
      200,
    );
    const recorded = list.operations[0];
    expect(recorded).toMatchObject({
      kind: 'group_memberships.destroy',
      label: expect.stringMatching(/^Remove .+ from Security Incidents$/),
      can: { undo: true },
    });
    const undo = await rosterJson<{ plan: Parameters<typeof startPlan>[1] }>(
      await roster(`/${recorded?.id}/undo`, { method: 'POST' }),
      200,
    );
    await waitForOperation(roster, (await startPlan(roster, undo.plan)).id);
    expect((await groupMembers(SECURITY_INCIDENTS)).some((m) => m.user_id === membership.user_id)).toBe(true);
  });

  it('records a single Box role change with the person’s and the group’s names', async () => {
    const box = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/box/2.0${path}`, { ...init, headers: { 'content-type': 'application/json' } });
    const groups = (await (await box('/groups?limit=1')).json()) as {
      entries: { id: string; name: string }[];
    };
    const group = groups.entries[0];
    const members = (await (await box(`/groups/${group?.id}/memberships?limit=5`)).json()) as {
      entries: { id: string; role: string; user: { name: string } }[];
    };
    const member = members.entries.find((entry) => entry.role === 'member');
    if (!group || !member) throw new Error('no Box member to promote');
    const changed = await box(`/group_memberships/${member.id}`, {
      method: 'PUT',
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(changed.status).toBe(200);
    const list = await rosterJson<{ operations: Operation[] }>(
      await roster(`?source=single&box_group_id=${group.id}`),
      200,
    );
    expect(list.operations[0]).toMatchObject({
      kind: 'box_group_memberships.update',
      label: `Make ${member.user.name} an admin of ${group.name}`,
      targets: [{ type: 'box_group', name: group.name }],
    });
  });

  it('pages newest first with a cursor and filters running, finished and with failures', async () => {
    const first = await rosterJson<{
      operations: Operation[];
      meta: { has_more: boolean; after_cursor: string };
    }>(await roster('?limit=2'), 200);
    expect(first.operations).toHaveLength(2);
    expect(first.meta.has_more).toBe(true);
    const second = await rosterJson<{ operations: Operation[] }>(
      await roster(`?limit=2&cursor=${first.meta.after_cursor}`),
      200,
    );
    expect((second.operations[0]?.created_at ?? '') <= (first.operations[1]?.created_at ?? '')).toBe(true);
    const failures = await rosterJson<{ operations: Operation[] }>(await roster('?status=failures'), 200);
    for (const operation of failures.operations) expect(operation.counts.failed).toBeGreaterThan(0);
    const running = await rosterJson<{ operations: Operation[] }>(await roster('?status=running'), 200);
    expect(running.operations).toEqual([]);
  });
});

describe('bad input', () => {
  const post = (path: string, body: unknown) => roster(path, { method: 'POST', body: JSON.stringify(body) });

  it.each([
    ['an unknown kind', { kind: 'groups.delete', group_ids: [1] }],
    ['no targets', { kind: 'group_memberships.create', group_ids: [], people: { user_ids: [1] } }],
    [
      'ids that are not integers',
      { kind: 'group_memberships.destroy', memberships: { from: 'ids', ids: ['12', 1.5] } },
    ],
    ['no items', { kind: 'group_memberships.destroy', memberships: { from: 'ids', ids: [] } }],
    [
      'more people than a paste may hold',
      {
        kind: 'group_memberships.create',
        group_ids: [1],
        people: { user_ids: Array.from({ length: 5001 }, (_, i) => i + 1) },
      },
    ],
  ])('answers 400 with Roster’s error body for %s', async (_name, body) => {
    const response = await post('/plan', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'InvalidOperation',
      description: expect.any(String),
    });
  });

  it('names the kinds there are when the kind is unknown', async () => {
    const response = await post('/plan', { kind: 'groups.delete', group_ids: [1] });
    expect((await rosterJson<RosterError>(response, 400)).details).toEqual([
      {
        path: 'kind',
        message: expect.stringMatching(/^Unknown kind "groups.delete"; one of group_memberships.create, /),
      },
    ]);
  });

  it('names the field that is wrong in a request of a known kind', async () => {
    const response = await post('/plan', {
      kind: 'organization_memberships.destroy',
      memberships: { from: 'list', list_id: '370000001' },
    });
    const { details } = await rosterJson<RosterError>(response, 400);
    expect(details).toEqual([{ path: 'memberships.list_id', message: expect.stringContaining('number') }]);
  });

  it('answers 413 with Roster’s error body for 1,000,001 items, before reading them', async () => {
    const response = await post('/plan', {
      kind: 'box_group_memberships.destroy',
      box_membership_ids: Array.from({ length: 1_000_001 }, () => '1'),
    });
    expect(await rosterJson<RosterError>(response, 413)).toMatchObject({ error: 'RequestTooLarge' });
  });

  it('answers 400 for a body that is not JSON and 404 for a selector of a list that does not exist', async () => {
    const broken = await roster('/plan', { method: 'POST', body: '{"kind":' });
    expect(await rosterJson<RosterError>(broken, 400)).toMatchObject({ error: 'InvalidJson' });
    const missing = await post('/plan', {
      kind: 'group_memberships.destroy',
      memberships: { from: 'list', list_id: 369999999 },
    });
    expect(await rosterJson<RosterError>(missing, 404)).toMatchObject({ error: 'RecordNotFound' });
  });

  it('answers 422 when starting a review that found nothing, and 404 for an unknown or used plan', async () => {
    const endUsers = (await getJson<{ users: User[] }>(server, '/users?role=end-user&page[size]=1')).users;
    const empty = await planOperation(roster, {
      kind: 'group_memberships.create',
      group_ids: [PRIVACY],
      people: { user_ids: endUsers.map((user) => user.id) },
    });
    expect(await rosterJson<RosterError>(await post('', { plan_id: empty.id }), 422)).toMatchObject({
      error: 'NothingToDo',
    });
    expect(await rosterJson<RosterError>(await post('', { plan_id: 'plan_nope' }), 404)).toMatchObject({
      error: 'PlanNotFound',
    });
  });

  it('answers 409 for the undo of a running operation and 404 for an unknown one', async () => {
    await setFaults({ latency_ms: 200 });
    const agents = await staffOutside(FRENCH, 300);
    const plan = await planOperation(roster, {
      kind: 'group_memberships.create',
      group_ids: [FRENCH],
      people: { user_ids: agents.map((agent) => agent.id) },
    });
    const started = await startPlan(roster, plan);
    const undo = await roster(`/${started.id}/undo`, { method: 'POST' });
    expect(await rosterJson<RosterError>(undo, 409)).toMatchObject({ error: 'OperationRunning' });
    await setFaults({});
    await waitForOperation(roster, started.id);
    expect(await rosterJson<RosterError>(await roster('/op_missing'), 404)).toMatchObject({
      error: 'OperationNotFound',
    });
    expect(await rosterJson<RosterError>(await roster('?cursor=zzz'), 400)).toMatchObject({
      error: 'InvalidCursor',
    });
  });
});
