import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type GroupMembership, groupMembershipSchema } from '../contract/group-membership.ts';
import { userSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';
import { type CursorPageParam, cursorPageOf, cursorQuery, nextCursor } from './cursor-pagination.ts';

export const groupMembershipKeys = {
  all: ['group-memberships'] as const,
  lists: () => [...groupMembershipKeys.all, 'list'] as const,
  ofGroup: (groupId: number) => [...groupMembershipKeys.lists(), { groupId }] as const,
};

/** A page of a group's members with the users sideloaded, so names never cost a request per row. */
const memberPageSchema = cursorPageOf('group_memberships', groupMembershipSchema).extend({
  users: z.array(userSchema).default([]),
});
export type GroupMemberPage = z.infer<typeof memberPageSchema>;

export function fetchGroupMemberPage(groupId: number, after: CursorPageParam, signal?: AbortSignal) {
  return apiRequest(`/api/v2/groups/${groupId}/memberships?${cursorQuery(after, { include: 'users' })}`, {
    schema: memberPageSchema,
    ...(signal && { signal }),
  });
}

export const groupMembersQueryOptions = (groupId: number) =>
  infiniteQueryOptions({
    queryKey: groupMembershipKeys.ofGroup(groupId),
    queryFn: ({ pageParam, signal }) => fetchGroupMemberPage(groupId, pageParam, signal),
    initialPageParam: undefined as CursorPageParam,
    getNextPageParam: nextCursor,
  });

/** Every membership of a group, page by page: for "select all" and for checking who is already a member. */
export async function fetchAllGroupMemberships(
  groupId: number,
  signal?: AbortSignal,
): Promise<GroupMembership[]> {
  const memberships: GroupMembership[] = [];
  let after: CursorPageParam;
  do {
    const page = await apiRequest(`/api/v2/groups/${groupId}/memberships?${cursorQuery(after)}`, {
      schema: cursorPageOf('group_memberships', groupMembershipSchema),
      ...(signal && { signal }),
    });
    memberships.push(...page.group_memberships);
    after = nextCursor(page);
  } while (after);
  return memberships;
}

const membershipListSchema = z.looseObject({ group_memberships: z.array(groupMembershipSchema) });

/** Answers with every group membership of the user, the new default among them. */
export async function makeDefaultGroupMembership(
  userId: number,
  membershipId: number,
): Promise<GroupMembership[]> {
  const body = await apiRequest(`/api/v2/users/${userId}/group_memberships/${membershipId}/make_default`, {
    method: 'PUT',
    schema: membershipListSchema,
  });
  return body.group_memberships;
}

/** The user's default membership as the cached lists show it, if any list holds it. */
export function currentDefaultOf(queryClient: QueryClient, userId: number): number | undefined {
  for (const [, data] of queryClient.getQueriesData<{ pages: GroupMemberPage[] }>({
    queryKey: groupMembershipKeys.lists(),
  })) {
    for (const page of data?.pages ?? []) {
      const found = page.group_memberships.find((m) => m.user_id === userId && m.default);
      if (found) return found.id;
    }
  }
  return undefined;
}

/**
 * Makes one membership the user's default in every cached member list: the chosen one on, the
 * user's others off. Returns nothing; callers snapshot beforehand to roll back.
 */
export function applyDefaultInCache(queryClient: QueryClient, userId: number, membershipId: number): void {
  queryClient.setQueriesData<{ pages: GroupMemberPage[]; pageParams: unknown[] }>(
    { queryKey: groupMembershipKeys.lists() },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          group_memberships: page.group_memberships.map((membership) =>
            membership.user_id === userId
              ? { ...membership, default: membership.id === membershipId }
              : membership,
          ),
        })),
      },
  );
}
