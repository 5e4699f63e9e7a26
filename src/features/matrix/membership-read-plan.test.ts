import { describe, expect, it } from 'vitest';
import { planMembershipReads } from './membership-read-plan.ts';

const counts = { '1': 1000, '2': 40, '3': 60, '4': 250, '5': 0 };

describe('planning how the grid reads memberships', () => {
  it('reads the chosen groups one by one when their pages are fewer than the account list', () => {
    expect(planMembershipReads({ groupIds: [2, 3], allGroups: false, counts })).toEqual({
      kind: 'groups',
      requests: 2,
      groupIds: [2, 3],
    });
  });

  it('walks the account list when it is shorter than the chosen groups together', () => {
    // 1,400 memberships: 14 pages plus the one both ends read; the groups alone would take 17.
    const many = { '1': 1000, '2': 40, '3': 60, '4': 250, '6': 30, '7': 20 };
    const perGroup = planMembershipReads({ groupIds: [1, 2, 3, 4, 6, 7], allGroups: true, counts: many });
    expect(perGroup).toEqual({ kind: 'account', requests: 15 });
  });

  it('counts an empty group as the one request that says so', () => {
    expect(planMembershipReads({ groupIds: [5], allGroups: false, counts })).toMatchObject({ requests: 1 });
  });

  it('walks the account list without waiting for counts when every group is a column', () => {
    expect(planMembershipReads({ groupIds: [1, 2], allGroups: true, counts: undefined })).toMatchObject({
      kind: 'account',
    });
    expect(planMembershipReads({ groupIds: [1, 2], allGroups: false, counts: undefined })).toBeUndefined();
  });

  it('plans nothing for no columns', () => {
    expect(planMembershipReads({ groupIds: [], allGroups: false, counts })).toBeUndefined();
  });
});
