import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { MEMBERSHIP_AFFECTED_KEYS } from '../../api/membership-affected-keys.ts';
import type { membershipDefaultCache } from '../../api/membership-default-cache.ts';

export type MakeDefaultVariables = { userId: number; membershipId: number; userName: string };

/**
 * Flips the default at once in every cached member list of this kind, puts back only this user's
 * previous default if the server refuses, and refetches when the last of several concurrent
 * toggles settles, so none of them flickers.
 */
export function useMakeDefault(kind: {
  mutationKey: QueryKey;
  listsKey: QueryKey;
  defaults: ReturnType<typeof membershipDefaultCache>;
  makeDefault: (userId: number, membershipId: number) => Promise<unknown>;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: kind.mutationKey,
    mutationFn: ({ userId, membershipId }: MakeDefaultVariables) => kind.makeDefault(userId, membershipId),
    onMutate: async ({ userId, membershipId }) => {
      await queryClient.cancelQueries({ queryKey: kind.listsKey });
      const previousDefault = kind.defaults.currentOf(queryClient, userId);
      kind.defaults.apply(queryClient, userId, membershipId);
      return { previousDefault };
    },
    onError: (_error, { userId }, context) => {
      if (context?.previousDefault !== undefined)
        kind.defaults.apply(queryClient, userId, context.previousDefault);
      else void queryClient.invalidateQueries({ queryKey: kind.listsKey });
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: kind.mutationKey }) === 1) {
        return Promise.all(
          MEMBERSHIP_AFFECTED_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        );
      }
    },
  });
}
