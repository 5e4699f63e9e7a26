import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMemberCountsSchema } from '../../contract/group-member-counts.ts';
import type { GroupMembership } from '../../contract/group-membership.ts';
import { walkForward } from '../testing/api-helpers.ts';
import {
  planOperation,
  type RosterCall,
  rosterCaller,
  startPlan,
  waitForOperation,
} from '../testing/roster-operations-api.ts';
import { sandboxRequests } from '../testing/sandbox-requests.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let roster: RosterCall;

async function memberCounts() {
  const response = await fetch(`${server.url}/roster/group-member-counts`);
  expect(response.status).toBe(200);
  return groupMemberCountsSchema.parse(await response.json());
}

beforeAll(async () => {
  server = await startTestServer({ SANDBOX_SEED_SCALE: 'demo' });
  roster = rosterCaller(server.url);
}, 60_000);
afterAll(() => server.close());

describe('group member counts', () => {
  it("counts every group's members as the upstream lists them, in as few requests as it allows", async () => {
    const memberships = (
      await walkForward<'group_memberships', GroupMembership>(
        server,
        'group_memberships',
        '/group_memberships?page[size]=100',
      )
    ).flatMap((page) => page.group_memberships);
    const expected = new Map<number, number>();
    for (const { group_id } of memberships) expected.set(group_id, (expected.get(group_id) ?? 0) + 1);

    const before = await sandboxRequests(server);
    const { counts } = await memberCounts();
    const groups = Object.keys(counts).length;
    expect(groups).toBeGreaterThan(10);
    // The group list (one page), the total of memberships, then the cheaper of a walk or a count per group.
    const cheaper = Math.min(Math.ceil(memberships.length / 100), groups);
    expect((await sandboxRequests(server)) - before).toBe(2 + cheaper);
    for (const [id, count] of Object.entries(counts)) expect(count).toBe(expected.get(Number(id)) ?? 0);
  });

  it('answers again from its cache without asking the upstream', async () => {
    await memberCounts();
    const before = await sandboxRequests(server);
    await memberCounts();
    expect((await sandboxRequests(server)) - before).toBe(0);
  });

  it('counts again once an operation has changed memberships', async () => {
    const { counts } = await memberCounts();
    const [groupId, members] = Object.entries(counts).find(([, n]) => n > 0) as [string, number];
    const firstMember = (
      await walkForward<'group_memberships', GroupMembership>(
        server,
        'group_memberships',
        `/groups/${groupId}/memberships?page[size]=100`,
      )
    )[0]?.group_memberships.find((m) => !m.default);
    expect(firstMember).toBeDefined();
    const plan = await planOperation(roster, {
      kind: 'group_memberships.destroy',
      memberships: { from: 'ids', ids: [firstMember?.id ?? 0] },
    });
    await waitForOperation(roster, (await startPlan(roster, plan)).id);
    await expect.poll(async () => (await memberCounts()).counts[groupId]).toBe(members - 1);
  });
});
