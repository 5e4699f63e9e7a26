import type { QueryClient } from '@tanstack/react-query';
import { groupMembershipKeys } from './group-memberships.ts';
import { groupKeys } from './groups.ts';
import { organizationMembershipKeys } from './organization-memberships.ts';
import { organizationKeys } from './organizations.ts';
import { userKeys } from './user-keys.ts';
import { userMembershipKeys } from './user-memberships.ts';

/**
 * Every cached view a membership write can change: member lists and counts, a person's own
 * memberships, and the users' default group and organization. Invalidating marks inactive
 * queries stale (no request until they are shown again) and refetches what is on screen.
 */
export const MEMBERSHIP_AFFECTED_KEYS = [
  groupMembershipKeys.all,
  organizationMembershipKeys.all,
  groupKeys.all,
  organizationKeys.all,
  userKeys.all,
  userMembershipKeys.all,
] as const;

/** Refetches what a membership write changed (see `MEMBERSHIP_AFFECTED_KEYS`). */
export const invalidateMembershipViews = (queryClient: QueryClient) =>
  Promise.all(MEMBERSHIP_AFFECTED_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
