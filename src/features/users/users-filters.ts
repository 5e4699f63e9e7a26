import type { UserRoleFilter } from '../../api/user-keys.ts';
import { roleFilterOf } from '../../components/role-filters.ts';

/** The role and search text the Users list reads from its URL. */
export function usersFiltersOf(params: URLSearchParams): { role: UserRoleFilter; text: string } {
  return { role: roleFilterOf(params.get('role')), text: params.get('q') ?? '' };
}
