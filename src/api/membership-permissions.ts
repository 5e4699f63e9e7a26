import { useQuery } from '@tanstack/react-query';
import type { User } from '../contract/user.ts';
import { describeError } from './api-error.ts';
import { currentUserQueryOptions } from './current-user.ts';

/** `pending` while the signed-in person's role is still being read: nothing role-specific is said yet. */
export type Permission = { allowed: true } | { allowed: false; reason: string; pending?: true };

export type MembershipPermissions = { groups: Permission; organizations: Permission };

const ALLOWED: Permission = { allowed: true };

/**
 * What the dashboard offers the signed-in person. Zendesk lets admins change group memberships,
 * and agents only through a custom role that allows it; whether a custom role does is Zendesk's
 * call, so it is offered and a refusal (403) is shown as it comes.
 */
export function membershipPermissionsOf(
  user: Pick<User, 'role' | 'custom_role_id'> | undefined,
): MembershipPermissions {
  if (!user) {
    const checking = { allowed: false, reason: 'Checking what you may change…', pending: true } as const;
    return { groups: checking, organizations: checking };
  }
  if (user.role === 'end-user') {
    const reason = 'End users can see their own organizations but not change memberships.';
    return { groups: { allowed: false, reason }, organizations: { allowed: false, reason } };
  }
  if (user.role === 'agent' && user.custom_role_id === null) {
    return {
      groups: {
        allowed: false,
        reason:
          'Only admins, and agents whose custom role allows it, can add or remove group members. Ask an admin.',
      },
      organizations: ALLOWED,
    };
  }
  return { groups: ALLOWED, organizations: ALLOWED };
}

export function useMembershipPermissions(): MembershipPermissions {
  const user = useQuery(currentUserQueryOptions());
  if (user.isError) {
    const reason = `Roster could not check what you may change (${describeError(user.error)}). Reload the page to try again.`;
    return { groups: { allowed: false, reason }, organizations: { allowed: false, reason } };
  }
  return membershipPermissionsOf(user.data);
}
