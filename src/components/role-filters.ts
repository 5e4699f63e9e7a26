import type { UserRoleFilter } from '../api/user-keys.ts';

/** The role filters of the people lists (Users, the grid), as their pickers name them. */
export const ROLE_FILTERS: Record<UserRoleFilter, string> = {
  staff: 'Agents and admins',
  agent: 'Agents',
  admin: 'Admins',
  'end-user': 'End users',
  all: 'Everyone',
};

/** A role filter from the URL; a missing or unknown one (`toString` included) reads as staff. */
export function roleFilterOf(value: string | null): UserRoleFilter {
  return value !== null && Object.hasOwn(ROLE_FILTERS, value) ? (value as UserRoleFilter) : 'staff';
}
