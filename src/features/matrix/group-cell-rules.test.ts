import { describe, expect, it } from 'vitest';
import type { GridMembership } from '../../api/grid-memberships.ts';
import { membershipPermissionsOf } from '../../api/membership-permissions.ts';
import { type GroupRulePerson, groupCellJudge } from './group-cell-rules.ts';
import { indexMemberships } from './matrix-model.ts';
import { NO_PENDING_CHANGES, type PendingChanges } from './pending-changes.ts';

const eve: GroupRulePerson = { id: '9', name: 'Eve Enduser', role: 'end-user', defaultGroupId: null };
const sam: GroupRulePerson = { id: '5', name: 'Sam Agent', role: 'agent', defaultGroupId: '1' };
const membership = (userId: string, targetId: string): GridMembership => ({
  id: `${userId}${targetId}`,
  userId,
  targetId,
  isDefault: false,
});
const memberships = indexMemberships([[membership('5', '1'), membership('5', '2')]]);
const admin = membershipPermissionsOf({ role: 'admin', custom_role_id: null });
const people = new Map([
  [eve.id, eve],
  [sam.id, sam],
]);

describe('which grid changes Zendesk would refuse', () => {
  const judge = groupCellJudge({
    permission: admin.groups,
    viewerName: 'Ada Admin',
    viewerRole: 'admin',
    people,
    memberships,
    readGroups: 'all',
  });

  it('refuses an end user in a group, naming her', () => {
    expect(
      judge(NO_PENDING_CHANGES, { rowId: '9', columnId: '1', member: false }, { membership: 'add' }),
    ).toBe('Eve Enduser is an end user: only agents and admins can be in groups.');
  });

  it('lets an agent lose one of two groups but not the last', () => {
    const first = { rowId: '5', columnId: '1', member: true };
    expect(judge(NO_PENDING_CHANGES, first, { membership: 'remove' })).toBeUndefined();
    const pending: PendingChanges = new Map([
      ['5:1', { rowId: '5', columnId: '1', membership: 'remove' as const }],
    ]);
    expect(judge(pending, { rowId: '5', columnId: '2', member: true }, { membership: 'remove' })).toMatch(
      /Sam Agent would be in no group/,
    );
  });

  it('counts a pending add as a group the agent keeps', () => {
    const pending: PendingChanges = new Map([
      ['5:1', { rowId: '5', columnId: '1', membership: 'remove' as const }],
      ['5:3', { rowId: '5', columnId: '3', membership: 'add' as const }],
    ]);
    expect(
      judge(pending, { rowId: '5', columnId: '2', member: true }, { membership: 'remove' }),
    ).toBeUndefined();
  });

  it('trusts a default group outside the columns read to stay', () => {
    const partial = groupCellJudge({
      permission: admin.groups,
      viewerName: 'Ada Admin',
      viewerRole: 'admin',
      people: new Map([['5', { ...sam, defaultGroupId: '7' }]]),
      memberships: indexMemberships([[membership('5', '2')]]),
      readGroups: new Set(['2']),
    });
    expect(
      partial(NO_PENDING_CHANGES, { rowId: '5', columnId: '2', member: true }, { membership: 'remove' }),
    ).toBeUndefined();
  });

  it('refuses every change to a role that may not change groups, saying who is signed in', () => {
    const alan = groupCellJudge({
      permission: membershipPermissionsOf({ role: 'agent', custom_role_id: null }).groups,
      viewerName: 'Alan Agent',
      viewerRole: 'agent',
      people,
      memberships,
      readGroups: 'all',
    });
    expect(
      alan(NO_PENDING_CHANGES, { rowId: '5', columnId: '3', member: false }, { membership: 'add' }),
    ).toMatch(/^Alan Agent is an agent: Only admins/);
  });
});
