import type { QueryClient, QueryKey } from '@tanstack/react-query';

type CachedMembership = { id: number; user_id: number; default: boolean | null };
type CachedPage = Record<string, unknown>;
type CachedList = { pages: CachedPage[]; pageParams: unknown[] };

/**
 * Flips defaults inside every cached member list of one membership kind, for optimistic updates:
 * `field` is the list's envelope key, `off` what that kind sends for "not default" (groups
 * `false`, organizations `null`).
 */
export function membershipDefaultCache(listsKey: QueryKey, field: string, off: false | null) {
  const membershipsOf = (page: CachedPage) => (page[field] ?? []) as CachedMembership[];
  return {
    /** The user's default membership as the cached lists show it, if any list holds it. */
    currentOf(queryClient: QueryClient, userId: number): number | undefined {
      for (const [, data] of queryClient.getQueriesData<CachedList>({ queryKey: listsKey })) {
        for (const page of data?.pages ?? []) {
          const found = membershipsOf(page).find((m) => m.user_id === userId && m.default === true);
          if (found) return found.id;
        }
      }
      return undefined;
    },
    /** The chosen membership on, the user's others off, in every cached list. */
    apply(queryClient: QueryClient, userId: number, membershipId: number): void {
      queryClient.setQueriesData<CachedList>(
        { queryKey: listsKey },
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              [field]: membershipsOf(page).map((membership) =>
                membership.user_id === userId
                  ? { ...membership, default: membership.id === membershipId ? true : off }
                  : membership,
              ),
            })),
          },
      );
    },
  };
}
