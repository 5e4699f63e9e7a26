import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setApiOrigin } from '../../api/api-client.ts';
import type { BoxGroupMembership } from '../../contract/box/box-group-membership.ts';
import { type BoxCall, boxCaller, expectBoxJson } from '../../server/testing/box-api-helpers.ts';
import { startTestServer, type TestServer } from '../../server/testing/test-server.ts';
import { boxBulkStrategies } from './box-bulk-strategies.ts';

/** Box's bulk strategies through Roster's proxy to the Box sandbox, as the SPA runs them. */
let server: TestServer;
let box: BoxCall;
beforeAll(async () => {
  server = await startTestServer();
  box = boxCaller(server.url);
  setApiOrigin(server.url);
});
afterAll(() => server.close());

async function aMember(): Promise<BoxGroupMembership> {
  const groups = await expectBoxJson<{ entries: { id: string }[] }>(
    await box('GET', '/groups?limit=1000'),
    200,
  );
  for (const group of groups.entries) {
    const members = await expectBoxJson<{ entries: BoxGroupMembership[] }>(
      await box('GET', `/groups/${group.id}/memberships?limit=1000`),
      200,
    );
    const member = members.entries.find((m) => m.role === 'member');
    if (member) return member;
  }
  throw new Error('no member in any Box group');
}

describe('making Box admins in bulk', () => {
  it('sends the permissions the person chose, not Box’s all-enabled default', async () => {
    const member = await aMember();
    const chosen = {
      can_run_reports: true,
      can_instant_login: false,
      can_create_accounts: false,
      can_edit_accounts: false,
    };
    const job = await boxBulkStrategies['box_group_memberships.update'].submit([
      {
        label: `${member.user.name} → admin`,
        payload: { box_membership_id: member.id, role: 'admin', configurable_permissions: chosen },
      },
    ]);
    expect(job).toMatchObject({ status: 'completed', results: [{ success: true, status: 'Updated' }] });
    const saved = await expectBoxJson<BoxGroupMembership>(
      await box('GET', `/group_memberships/${member.id}`),
      200,
    );
    expect(saved).toMatchObject({ role: 'admin', configurable_permissions: chosen });
  });
});
