import type { GroupMembership } from '../../../contract/group-membership.ts';
import type { GroupMembershipRow } from '../db/rows.ts';

export function presentGroupMembership(row: GroupMembershipRow, apiBase: string): GroupMembership {
  return {
    id: row.id,
    url: `${apiBase}/group_memberships/${row.id}.json`,
    user_id: row.user_id,
    group_id: row.group_id,
    default: row.is_default === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
