import { queryOptions } from '@tanstack/react-query';
import { groupMembershipSchema } from '../contract/group-membership.ts';
import { organizationMembershipSchema } from '../contract/organization-membership.ts';
import { fetchAllPages } from './named-list.ts';

/** One person's memberships, both kinds, as their page lists them. */
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
