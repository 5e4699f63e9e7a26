import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  applyDefaultInCache,
  currentDefaultOf,
  groupMembershipKeys,
  makeDefaultGroupMembership,
} from '../../api/group-memberships.ts';

const MAKE_DEFAULT_KEY = ['make-default-group-membership'] as const;

/**
 * Flips the default at once in every cached member list, rolls back if the server refuses, and
 * refetches only when the last of several concurrent toggles settles, so none of them flickers.
 */
export function useMakeDefault() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: MAKE_DEFAULT_KEY,
    mutationFn: ({ userId, membershipId }: { userId: number; membershipId: number; userName: string }) =>
      makeDefaultGroupMembership(userId, membershipId),
    onMutate: async ({ userId, membershipId }) => {
      await queryClient.cancelQueries({ queryKey: groupMembershipKeys.lists() });
      const previousDefault = currentDefaultOf(queryClient, userId);
      applyDefaultInCache(queryClient, userId, membershipId);
      return { previousDefault };
    },
    // Only this user's rows go back, so other toggles still in flight keep their optimistic state.
    onError: (_error, { userId }, context) => {
      if (context?.previousDefault !== undefined)
        applyDefaultInCache(queryClient, userId, context.previousDefault);
      else void queryClient.invalidateQueries({ queryKey: groupMembershipKeys.lists() });
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: MAKE_DEFAULT_KEY }) === 1) {
        return queryClient.invalidateQueries({ queryKey: groupMembershipKeys.lists() });
      }
    },
  });
}
