import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import {
  type BoxConfigurablePermissionsInput,
  type BoxGroupMembership,
  type BoxMembershipRole,
  boxGroupMembershipSchema,
} from '../../contract/box/box-group-membership.ts';
import { apiRequest } from '../api-client.ts';
import { boxKeys } from './box-keys.ts';
import { boxListQueryOptions, boxPath } from './box-paging.ts';

export const boxMembershipKeys = {
  all: [...boxKeys.all, 'memberships'] as const,
  lists: () => [...boxMembershipKeys.all, 'list'] as const,
  ofGroup: (groupId: string) => [...boxMembershipKeys.lists(), 'group', groupId] as const,
  ofUser: (userId: string) => [...boxMembershipKeys.lists(), 'user', userId] as const,
  /** The grid's reading of the chosen groups' members. */
  grid: (groupIds: readonly string[]) => [...boxMembershipKeys.all, 'grid', [...groupIds]] as const,
  details: () => [...boxMembershipKeys.all, 'detail'] as const,
  detail: (id: string) => [...boxMembershipKeys.details(), id] as const,
};

/** A group's members with their roles, 100 a page, up to Box's offset ceiling. */
export const boxGroupMembersQueryOptions = (groupId: string) =>
  boxListQueryOptions(
    boxMembershipKeys.ofGroup(groupId),
    `/groups/${groupId}/memberships`,
    boxGroupMembershipSchema,
  );

/** A user's groups with their role in each. */
export const boxUserMembershipsQueryOptions = (userId: string) =>
  boxListQueryOptions(
    boxMembershipKeys.ofUser(userId),
    `/users/${userId}/memberships`,
    boxGroupMembershipSchema,
  );

/** One membership with `configurable_permissions`, which list entries leave out. */
export const boxMembershipQueryOptions = (id: string) =>
  queryOptions({
    queryKey: boxMembershipKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest(boxPath(`/group_memberships/${id}`), { schema: boxGroupMembershipSchema, signal }),
  });

export function createBoxMembership(input: {
  userId: string;
  groupId: string;
  role?: BoxMembershipRole;
}): Promise<BoxGroupMembership> {
  return apiRequest(boxPath('/group_memberships'), {
    method: 'POST',
    body: {
      user: { id: input.userId },
      group: { id: input.groupId },
      ...(input.role && { role: input.role }),
    },
    schema: boxGroupMembershipSchema,
  });
}

/** One add from a Box user's page; every Box membership list refetches after. */
export const createBoxMembershipMutationOptions = () =>
  mutationOptions({
    mutationKey: [...boxMembershipKeys.all, 'create'],
    mutationFn: createBoxMembership,
    onSuccess: (_membership, _input, _result, { client }) =>
      client.invalidateQueries({ queryKey: boxMembershipKeys.all }),
  });

export function updateBoxMembership(
  id: string,
  change: { role?: BoxMembershipRole; configurable_permissions?: BoxConfigurablePermissionsInput },
): Promise<BoxGroupMembership> {
  return apiRequest(boxPath(`/group_memberships/${id}`), {
    method: 'PUT',
    body: change,
    schema: boxGroupMembershipSchema,
  });
}

/** Saves an admin's permissions; the answer is the membership's new detail. */
export const updateBoxPermissionsMutationOptions = () =>
  mutationOptions({
    mutationKey: [...boxMembershipKeys.all, 'update-permissions'],
    mutationFn: (input: { id: string; permissions: BoxConfigurablePermissionsInput }) =>
      updateBoxMembership(input.id, { configurable_permissions: input.permissions }),
    onSuccess: (updated, _input, _result, { client }) =>
      client.setQueryData(boxMembershipKeys.detail(updated.id), updated),
  });

export async function deleteBoxMembership(id: string): Promise<void> {
  await apiRequest(boxPath(`/group_memberships/${id}`), { method: 'DELETE', schema: z.undefined() });
}
