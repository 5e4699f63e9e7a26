import { queryOptions } from '@tanstack/react-query';
import { groupMembershipEnvelopeSchema, groupMembershipSchema } from '../contract/group-membership.ts';
import {
  organizationMembershipEnvelopeSchema,
  organizationMembershipSchema,
} from '../contract/organization-membership.ts';
import { apiRequest } from './api-client.ts';
import { fetchAllPages } from './named-list.ts';

/** One person's memberships, both kinds, and the writes the person page makes one at a time. */
export const userMembershipKeys = {
  all: ['user-memberships'] as const,
  groups: (userId: number) => [...userMembershipKeys.all, userId, 'groups'] as const,
  organizations: (userId: number) => [...userMembershipKeys.all, userId, 'organizations'] as const,
};

export const userGroupMembershipsQueryOptions = (userId: number) =>
  queryOptions({
    queryKey: userMembershipKeys.groups(userId),
    queryFn: ({ signal }) =>
      fetchAllPages(
        `/api/v2/users/${userId}/group_memberships`,
        'group_memberships',
        groupMembershipSchema,
        signal,
      ),
  });

/** Listed as Zendesk orders them: the default first, then by organization name. */
export const userOrganizationMembershipsQueryOptions = (userId: number) =>
  queryOptions({
    queryKey: userMembershipKeys.organizations(userId),
    queryFn: ({ signal }) =>
      fetchAllPages(
        `/api/v2/users/${userId}/organization_memberships`,
        'organization_memberships',
        organizationMembershipSchema,
        signal,
      ),
  });

export async function addUserToGroup(userId: number, groupId: number) {
  const body = await apiRequest(`/api/v2/users/${userId}/group_memberships`, {
    method: 'POST',
    body: { group_membership: { group_id: groupId } },
    schema: groupMembershipEnvelopeSchema,
  });
  return body.group_membership;
}

/** A single add through `POST /organization_memberships`, which answers 422 for an existing member. */
export async function addUserToOrganization(userId: number, organizationId: number) {
  const body = await apiRequest('/api/v2/organization_memberships', {
    method: 'POST',
    body: { organization_membership: { user_id: userId, organization_id: organizationId } },
    schema: organizationMembershipEnvelopeSchema,
  });
  return body.organization_membership;
}

export async function makeDefaultOrganization(userId: number, organizationId: number) {
  const body = await apiRequest(`/api/v2/users/${userId}/organizations/${organizationId}/make_default`, {
    method: 'PUT',
    schema: organizationMembershipEnvelopeSchema,
  });
  return body.organization_membership;
}
