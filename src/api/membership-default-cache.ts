import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';

type Membership = { id: number; user_id: number; default: boolean | null };

/**
 * Where one membership kind's defaults are cached, for optimistic make-default: the member lists
 * (pages of a group's or organization's members) and each person's own list on their page. `off`
 * is what the kind sends for "not default" (groups `false`, organizations `null`).
 */
export type MembershipDefaultPlaces<M extends Membership, Page> = {
  listsKey: QueryKey;
  personalKey: (userId: number) => QueryKey;
  membershipsOf: (page: Page) => readonly M[];
  withMemberships: (page: Page, memberships: M[]) => Page;
  off: M['default'];
};

export type MembershipDefaultCache = {
  /** Every cached view this user's default shows in: to cancel and refetch. */
  keysOf(userId: number): QueryKey[];
  /** The user's default membership as the cache shows it, if any view holds it. */
  currentOf(queryClient: QueryClient, userId: number): number | undefined;
  /** The chosen membership on, the user's others off, in every cached view of this kind. */
  apply(queryClient: QueryClient, userId: number, membershipId: number): void;
};

export function membershipDefaultCache<M extends Membership, Page>(
  places: MembershipDefaultPlaces<M, Page>,
): MembershipDefaultCache {
  const isDefaultOf = (userId: number) => (m: M) => m.user_id === userId && m.default === true;
  const flipped = (userId: number, membershipId: number) => (m: M) =>
    m.user_id === userId ? { ...m, default: m.id === membershipId ? true : places.off } : m;
  return {
    keysOf: (userId) => [places.listsKey, places.personalKey(userId)],
    currentOf(queryClient, userId) {
      const own = queryClient.getQueryData<M[]>(places.personalKey(userId))?.find(isDefaultOf(userId));
      if (own) return own.id;
      for (const [, data] of queryClient.getQueriesData<InfiniteData<Page>>({ queryKey: places.listsKey })) {
        for (const page of data?.pages ?? []) {
          const found = places.membershipsOf(page).find(isDefaultOf(userId));
          if (found) return found.id;
        }
      }
      return undefined;
    },
    apply(queryClient, userId, membershipId) {
      const flip = flipped(userId, membershipId);
      queryClient.setQueryData<M[]>(places.personalKey(userId), (memberships) => memberships?.map(flip));
      queryClient.setQueriesData<InfiniteData<Page>>(
        { queryKey: places.listsKey },
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) =>
              places.withMemberships(page, places.membershipsOf(page).map(flip)),
            ),
          },
      );
    },
  };
}
