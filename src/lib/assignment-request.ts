import type { OperationRequest } from '../contract/roster-operations.ts';

export type AssignKind = 'groups' | 'organizations';

/**
 * The Users page's bulk change for these people and targets, as one request: the server pairs
 * every person with every target and reviews each pair (new, already there, not possible), so the
 * browser reads nothing per person first.
 */
export function assignmentRequest(
  mode: 'add' | 'remove',
  kind: AssignKind,
  userIds: readonly number[],
  targetIds: readonly number[],
): OperationRequest {
  if (mode === 'remove') {
    const memberships = { from: 'pairs' as const, user_ids: [...userIds], target_ids: [...targetIds] };
    return kind === 'groups'
      ? { kind: 'group_memberships.destroy', memberships }
      : { kind: 'organization_memberships.destroy', memberships };
  }
  const people = { user_ids: [...userIds] };
  return kind === 'groups'
    ? { kind: 'group_memberships.create', people, group_ids: [...targetIds] }
    : { kind: 'organization_memberships.create', people, organization_ids: [...targetIds] };
}
