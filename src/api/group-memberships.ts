import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { groupMembershipSchema } from '../contract/group-membership.ts';
import { userSchema } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';
import { cursorPageOf } from './cursor-pagination.ts';
import { cursorWindow, fetchPlacedPage, type Placed } from './cursor-window.ts';

export const groupMembershipKeys = {
  all: ['group-memberships'] as const,
  lists: () => [...groupMembershipKeys.all, 'list'] as const,
  ofGroup: (groupId: number) => [...groupMembershipKeys.lists(), { groupId }] as const,
  /** The membership grid's reading: the account's whole list, or these groups' lists. */
  grid: (scope: 'account' | number[]) => [...groupMembershipKeys.all, 'grid', scope] as const,
  makeDefault: () => [...groupMembershipKeys.all, 'make-default'] as const,
};

/** A page of a group's members with the users sideloaded, so names never cost a request per row. */
const memberPageSchema = z.extend(cursorPageOf('group_memberships', groupMembershipSchema), {
  users: z._default(z.array(userSchema), []),
});
export type GroupMemberPage = Placed<z.infer<typeof memberPageSchema>>;

/** A window of the group's member pages (see `cursorWindow`). */
export const groupMembersQueryOptions = (groupId: number) =>
  infiniteQueryOptions({
    queryKey: groupMembershipKeys.ofGroup(groupId),
    queryFn: ({ pageParam, signal }) =>
      fetchPlacedPage(
        pageParam,
        { include: 'users' },
        (query) =>
          apiRequest(`/api/v2/groups/${groupId}/memberships?${query}`, { schema: memberPageSchema, signal }),
        (page) => page.group_memberships.length,
      ),
    ...cursorWindow<GroupMemberPage>(),
  });
