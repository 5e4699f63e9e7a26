import type { User } from '../../../contract/user.ts';
import type { UserRow } from '../db/rows.ts';

/** Zendesk's role_type: 0 for custom-role agents, 4 for admins, null otherwise. */
function roleType(row: UserRow): number | null {
  if (row.role === 'admin') return 4;
  if (row.role === 'agent' && row.custom_role_id !== null) return 0;
  return null;
}

export function presentUser(row: UserRow, apiBase: string): User {
  return {
    id: row.id,
    url: `${apiBase}/users/${row.id}.json`,
    name: row.name,
    email: row.email,
    role: row.role,
    role_type: roleType(row),
    custom_role_id: row.custom_role_id,
    default_group_id: row.default_group_id,
    organization_id: row.organization_id,
    suspended: row.suspended === 1,
    active: row.active === 1,
    photo: null,
    time_zone: row.time_zone,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
