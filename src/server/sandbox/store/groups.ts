import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { GroupRow } from '../db/rows.ts';

export function findGroup(db: SandboxDatabase, id: number): GroupRow | undefined {
  return preparedStatement(db, 'SELECT * FROM groups WHERE id = ?').get(id) as GroupRow | undefined;
}

export function findGroups(db: SandboxDatabase, ids: readonly number[]): GroupRow[] {
  if (ids.length === 0) return [];
  return preparedStatement(
    db,
    `SELECT * FROM groups WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
  ).all(...ids) as GroupRow[];
}
