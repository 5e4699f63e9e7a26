import type { Group } from '../../../contract/group.ts';
import type { GroupRow } from '../db/rows.ts';

export function presentGroup(row: GroupRow, apiBase: string): Group {
  return {
    id: row.id,
    url: `${apiBase}/groups/${row.id}.json`,
    name: row.name,
    description: row.description,
    default: row.is_default === 1,
    deleted: row.deleted === 1,
    is_public: row.is_public === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
