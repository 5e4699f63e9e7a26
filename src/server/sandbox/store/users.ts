import { z } from 'zod';
import { isAgentRole, userRoleSchema } from '../../../contract/user.ts';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { UserRow } from '../db/rows.ts';
import { nowTimestamp } from './now.ts';

export function findUser(db: SandboxDatabase, id: number): UserRow | undefined {
  return preparedStatement(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function findUserByEmail(db: SandboxDatabase, email: string): UserRow | undefined {
  return preparedStatement(db, 'SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
}

export function findUsers(db: SandboxDatabase, ids: readonly number[]): UserRow[] {
  if (ids.length === 0) return [];
  return preparedStatement(
    db,
    `SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
  ).all(...ids) as UserRow[];
}

export function isAgent(user: Pick<UserRow, 'role'>): boolean {
  return isAgentRole(user.role);
}

export const createUserSchema = z.object({
  name: z.string().trim().min(1).max(255),
  email: z.email().max(254),
  role: z.enum(userRoleSchema.options).default('end-user'),
});

/** Zendesk's Create User, for the fields the sandbox keeps; undefined when the email is taken. */
export function createUser(
  db: SandboxDatabase,
  input: z.infer<typeof createUserSchema>,
): UserRow | undefined {
  const now = nowTimestamp();
  const { changes, lastInsertRowid } = preparedStatement(
    db,
    `INSERT OR IGNORE INTO users (name, email, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(input.name, input.email, input.role, now, now);
  return changes === 0 ? undefined : findUser(db, Number(lastInsertRowid));
}
