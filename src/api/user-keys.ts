/** Which people the users list shows; `staff` is agents and admins, the default. */
export type UserRoleFilter = 'staff' | 'agent' | 'admin' | 'end-user' | 'all';

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: { role: UserRoleFilter; text: string }) => [...userKeys.lists(), filters] as const,
  /** Everyone with a role, every page, streamed: the grid's rows (a plain query, not the infinite list). */
  everyone: (role: UserRoleFilter) => [...userKeys.all, 'everyone', role] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: number) => [...userKeys.details(), id] as const,
  counts: () => [...userKeys.all, 'count'] as const,
  count: (role: UserRoleFilter) => [...userKeys.counts(), role] as const,
  searches: () => [...userKeys.all, 'search'] as const,
  search: (text: string) => [...userKeys.searches(), text] as const,
};
