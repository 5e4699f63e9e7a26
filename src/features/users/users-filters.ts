import type { UserRoleFilter } from '../../api/users.ts';

/** The Users list's role filters, as the role picker names them. */
export const ROLE_FILTERS: Record<UserRoleFilter, string> = {
  staff: 'Agents and admins',
  agent: 'Agents',
  admin: 'Admins',
  'end-user': 'End users',
  all: 'Everyone',
};

const isRoleFilter = (value: string | null): value is UserRoleFilter =>
  value !== null && Object.hasOwn(ROLE_FILTERS, value);

/** The role and search text the Users list reads from its URL; an unknown role reads as staff. */
export function usersFiltersOf(params: URLSearchParams): { role: UserRoleFilter; text: string } {
  const role = params.get('role');
  return { role: isRoleFilter(role) ? role : 'staff', text: params.get('q') ?? '' };
}
