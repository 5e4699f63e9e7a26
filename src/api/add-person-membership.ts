import { mutationOptions } from '@tanstack/react-query';
import { groupMembershipEnvelopeSchema } from '../contract/group-membership.ts';
import { organizationMembershipEnvelopeSchema } from '../contract/organization-membership.ts';
import { apiRequest } from './api-client.ts';
import { invalidateMembershipViews } from './membership-affected-keys.ts';
import { userMembershipKeys } from './user-memberships.ts';

export type PersonAddition = { userId: number; targetId: number };

export async function addUserToGroup({ userId, targetId }: PersonAddition) {
  const body = await apiRequest(`/api/v2/users/${userId}/group_memberships`, {
    method: 'POST',
    body: { group_membership: { group_id: targetId } },
    schema: groupMembershipEnvelopeSchema,
  });
  return body.group_membership;
}

/** A single add through `POST /organization_memberships`, which answers 422 for an existing member. */
export async function addUserToOrganization({ userId, targetId }: PersonAddition) {
  const body = await apiRequest('/api/v2/organization_memberships', {
    method: 'POST',
    body: { organization_membership: { user_id: userId, organization_id: targetId } },
    schema: organizationMembershipEnvelopeSchema,
  });
  return body.organization_membership;
}

/** One add from a person's page; the person's lists and every member list showing it refetch after. */
export const addUserToGroupMutationOptions = () =>
  mutationOptions({
    mutationKey: [...userMembershipKeys.all, 'add-group'],
    mutationFn: addUserToGroup,
    onSettled: (_data, _error, _variables, _result, { client }) => invalidateMembershipViews(client),
  });

export const addUserToOrganizationMutationOptions = () =>
  mutationOptions({
    mutationKey: [...userMembershipKeys.all, 'add-organization'],
    mutationFn: addUserToOrganization,
    onSettled: (_data, _error, _variables, _result, { client }) => invalidateMembershipViews(client),
  });
