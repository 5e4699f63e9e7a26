import { describe, expect, it } from 'vitest';
import { assignmentRequest } from './assignment-request.ts';

describe('assignmentRequest', () => {
  it('adds the people to the groups as one request the server pairs', () => {
    expect(assignmentRequest('add', 'groups', [1, 2], [10, 20])).toEqual({
      kind: 'group_memberships.create',
      people: { user_ids: [1, 2] },
      group_ids: [10, 20],
    });
  });

  it('adds the people to the organizations the same way', () => {
    expect(assignmentRequest('add', 'organizations', [1], [7])).toEqual({
      kind: 'organization_memberships.create',
      people: { user_ids: [1] },
      organization_ids: [7],
    });
  });

  it('removes by person–target pairs, leaving the server to find each membership', () => {
    expect(assignmentRequest('remove', 'groups', [1, 2], [10])).toEqual({
      kind: 'group_memberships.destroy',
      memberships: { from: 'pairs', user_ids: [1, 2], target_ids: [10] },
    });
    expect(assignmentRequest('remove', 'organizations', [3], [7, 8])).toEqual({
      kind: 'organization_memberships.destroy',
      memberships: { from: 'pairs', user_ids: [3], target_ids: [7, 8] },
    });
  });
});
