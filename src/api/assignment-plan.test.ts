import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMembership } from '../contract/group-membership.ts';
import type { User } from '../contract/user.ts';
import { assignmentRequest } from '../lib/assignment-request.ts';
import { getJson } from '../server/testing/api-helpers.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { setApiFetch, setApiOrigin } from './api-client.ts';
import { planOperation } from './roster-operation-actions.ts';

let server: TestServer;
/** Every request the browser's code sent, by path. */
const sent: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  setApiOrigin(server.url);
  setApiFetch((url, init) => {
    sent.push(new URL(url).pathname);
    return fetch(url, init);
  });
});

afterAll(async () => {
  setApiOrigin('');
  setApiFetch((url, init) => fetch(url, init));
  await server?.close();
});

/** Two agents, the groups the first is in, and a group neither is in. */
async function agentsAndGroups() {
  const { users } = await getJson<{ users: User[] }>(server, '/users?role=agent&page[size]=20');
  const [first, second] = users;
  if (!first || !second) throw new Error('The seed has fewer than two agents');
  const groupsOf = async (user: User) =>
    new Set(
      (
        await getJson<{ group_memberships: GroupMembership[] }>(server, `/users/${user.id}/group_memberships`)
      ).group_memberships.map((m) => m.group_id),
    );
  const firstGroups = await groupsOf(first);
  const secondGroups = await groupsOf(second);
  const shared = [...firstGroups].find((id) => !secondGroups.has(id));
  const { groups } = await getJson<{ groups: { id: number }[] }>(server, '/groups?page[size]=100');
  const neither = groups.find((group) => !firstGroups.has(group.id) && !secondGroups.has(group.id));
  if (shared === undefined || neither === undefined)
    throw new Error('The seed lacks the groups this test needs');
  return { first, second, onlyFirsts: shared, neither: neither.id };
}

describe('the assignment plan for people chosen on the Users page', () => {
  it('pairs every person with every group in one review, listing the pair that already exists', async () => {
    const { first, second, onlyFirsts, neither } = await agentsAndGroups();
    sent.length = 0;
    const plan = await planOperation(
      assignmentRequest('add', 'groups', [first.id, second.id], [onlyFirsts, neither]),
    );
    expect(sent).toEqual(['/roster/operations/plan']);
    expect(plan.total).toBe(3);
    const pairs = plan.items.map((item) => `${item.user.id}→${item.target.id}`).sort();
    expect(pairs).toEqual(
      [`${first.id}→${neither}`, `${second.id}→${onlyFirsts}`, `${second.id}→${neither}`].sort(),
    );
    expect(plan.counts.already_member).toBe(1);
  });

  it('removes only the pairs that are memberships, and says who is not a member', async () => {
    const { first, second, onlyFirsts } = await agentsAndGroups();
    sent.length = 0;
    const plan = await planOperation(
      assignmentRequest('remove', 'groups', [first.id, second.id], [onlyFirsts]),
    );
    expect(sent).toEqual(['/roster/operations/plan']);
    expect(plan.items.map((item) => [item.user.id, item.target.id])).toEqual([
      [String(first.id), String(onlyFirsts)],
    ]);
    expect(plan.counts.not_member).toBe(1);
  });
});
