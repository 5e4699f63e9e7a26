import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { OrganizationRow } from '../db/rows.ts';

export function findOrganization(db: SandboxDatabase, id: number): OrganizationRow | undefined {
  return preparedStatement(db, 'SELECT * FROM organizations WHERE id = ?').get(id) as
    | OrganizationRow
    | undefined;
}

export function findOrganizations(db: SandboxDatabase, ids: readonly number[]): OrganizationRow[] {
  if (ids.length === 0) return [];
  return preparedStatement(
    db,
    `SELECT * FROM organizations WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
  ).all(...ids) as OrganizationRow[];
}
