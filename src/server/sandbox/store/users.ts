import { isAgentRole } from '../../../contract/user.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { UserRow } from '../db/rows.ts';

export function findUser(db: SandboxDatabase, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function findUserByEmail(db: SandboxDatabase, email: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
}

export function findUsers(db: SandboxDatabase, ids: readonly number[]): UserRow[] {
  if (ids.length === 0) return [];
  return db
    .prepare(`SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`)
    .all(...ids) as UserRow[];
}

export function isAgent(user: Pick<UserRow, 'role'>): boolean {
  return isAgentRole(user.role);
}
