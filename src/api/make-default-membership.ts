import { mutationOptions, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { type GroupMembership, groupMembershipSchema } from '../contract/group-membership.ts';
import {
  type OrganizationMembership,
  organizationMembershipSchema,
} from '../contract/organization-membership.ts';
import { apiRequest } from './api-client.ts';
import { type GroupMemberPage, groupMembershipKeys } from './group-memberships.ts';
import { invalidateMembershipViews } from './membership-affected-keys.ts';
import { type MembershipDefaultCache, membershipDefaultCache } from './membership-default-cache.ts';
import { type OrganizationMemberPage, organizationMembershipKeys } from './organization-memberships.ts';
import { userMembershipKeys } from './user-memberships.ts';

const groupMembershipListSchema = z.looseObject({ group_memberships: z.array(groupMembershipSchema) });

/** Answers with every group membership of the user, the new default among them. */
export async function makeDefaultGroupMembership(
  userId: number,
  membershipId: number,
): Promise<GroupMembership[]> {
  const body = await apiRequest(`/api/v2/users/${userId}/group_memberships/${membershipId}/make_default`, {
    method: 'PUT',
    schema: groupMembershipListSchema,
  });
  return body.group_memberships;
}

const organizationMembershipListSchema = z.looseObject({
  organization_memberships: z.array(organizationMembershipSchema),
});

/** The membership-id form; answers with every organization membership of the user. */
export async function makeDefaultOrganizationMembership(
  userId: number,
  membershipId: number,
): Promise<OrganizationMembership[]> {
  const body = await apiRequest(
    `/api/v2/users/${userId}/organization_memberships/${membershipId}/make_default`,
    { method: 'PUT', schema: organizationMembershipListSchema },
  );
  return body.organization_memberships;
}

/** A group's member lists and the person's own groups, flipped together. */
export const groupMembershipDefaults = membershipDefaultCache<GroupMembership, GroupMemberPage>({
  listsKey: groupMembershipKeys.lists(),
  personalKey: userMembershipKeys.groups,
  membershipsOf: (page) => page.group_memberships,
  withMemberships: (page, group_memberships) => ({ ...page, group_memberships }),
  off: false,
});

export const organizationMembershipDefaults = membershipDefaultCache<
  OrganizationMembership,
  OrganizationMemberPage
>({
  listsKey: organizationMembershipKeys.lists(),
  personalKey: userMembershipKeys.organizations,
  membershipsOf: (page) => page.organization_memberships,
  withMemberships: (page, organization_memberships) => ({ ...page, organization_memberships }),
  off: null,
});

export type MakeDefaultVariables = { userId: number; membershipId: number; userName: string };
/** Either kind's make-default, as the pages that show it hold it. */
export type MakeDefaultMutation = UseMutationResult<
  unknown,
  Error,
  MakeDefaultVariables,
  { previousDefault: number | undefined }
>;

/**
 * Flips the default at once in every cached view of this kind (member lists and the person's
 * page), puts back only this user's previous default if the server refuses, and refetches when
 * the last of several concurrent toggles settles, so none of them flickers.
 */
function makeDefaultMutationOptions(kind: {
  mutationKey: QueryKey;
  defaults: MembershipDefaultCache;
  makeDefault: (userId: number, membershipId: number) => Promise<unknown>;
}) {
  const { mutationKey, defaults } = kind;
  return mutationOptions({
    mutationKey,
    mutationFn: ({ userId, membershipId }: MakeDefaultVariables) => kind.makeDefault(userId, membershipId),
    onMutate: async ({ userId, membershipId }, { client }) => {
      await Promise.all(defaults.keysOf(userId).map((queryKey) => client.cancelQueries({ queryKey })));
      const previousDefault = defaults.currentOf(client, userId);
      defaults.apply(client, userId, membershipId);
      return { previousDefault };
    },
    onError: (_error, { userId }, result, { client }) => {
      if (result?.previousDefault !== undefined) defaults.apply(client, userId, result.previousDefault);
      else for (const queryKey of defaults.keysOf(userId)) void client.invalidateQueries({ queryKey });
    },
    onSettled: (_data, _error, _variables, _result, { client }) => {
      if (client.isMutating({ mutationKey }) === 1) return invalidateMembershipViews(client);
    },
  });
}

export const makeDefaultGroupMembershipMutationOptions = () =>
  makeDefaultMutationOptions({
    mutationKey: groupMembershipKeys.makeDefault(),
    defaults: groupMembershipDefaults,
    makeDefault: makeDefaultGroupMembership,
  });

export const makeDefaultOrganizationMembershipMutationOptions = () =>
  makeDefaultMutationOptions({
    mutationKey: organizationMembershipKeys.makeDefault(),
    defaults: organizationMembershipDefaults,
    makeDefault: makeDefaultOrganizationMembership,
  });
