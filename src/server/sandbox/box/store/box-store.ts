import { toBoxTimestamp } from '../../../../contract/box/box-timestamp.ts';
import { preparedStatement } from '../../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import type { BoxGroupRow, BoxMembershipRow, BoxUserRow } from '../db/box-rows.ts';

const MEMBERSHIP_SELECT = `
  SELECT m.*, u.name AS user_name, u.login AS user_login, g.name AS group_name, g.group_type
  FROM box_group_memberships m
  JOIN box_users u ON u.id = m.user_id
  JOIN box_groups g ON g.id = m.group_id`;

export function boxNow(): string {
  return toBoxTimestamp(new Date());
}

/** Escapes `%`, `_` and `\` so a search term matches literally as a prefix. */
export function likePrefix(term: string): string {
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function findBoxUser(db: SandboxDatabase, id: number): BoxUserRow | undefined {
  return preparedStatement(db, 'SELECT * FROM box_users WHERE id = ?').get(id) as BoxUserRow | undefined;
}

export function findBoxGroup(db: SandboxDatabase, id: number): BoxGroupRow | undefined {
  return preparedStatement(db, 'SELECT * FROM box_groups WHERE id = ?').get(id) as BoxGroupRow | undefined;
}

export function findBoxMembership(db: SandboxDatabase, id: number): BoxMembershipRow | undefined {
  return preparedStatement(db, `${MEMBERSHIP_SELECT} WHERE m.id = ?`).get(id) as BoxMembershipRow | undefined;
}

export function findBoxMembershipOf(
  db: SandboxDatabase,
  userId: number,
  groupId: number,
): BoxMembershipRow | undefined {
  return preparedStatement(db, `${MEMBERSHIP_SELECT} WHERE m.user_id = ? AND m.group_id = ?`).get(
    userId,
    groupId,
  ) as BoxMembershipRow | undefined;
}

/** One offset page of memberships matching `column = value`, oldest first, with the total. */
export function listBoxMemberships(
  db: SandboxDatabase,
  column: 'user_id' | 'group_id',
  value: number,
  page: { limit: number; offset: number },
): { rows: BoxMembershipRow[]; total: number } {
  const total = preparedStatement(db, `SELECT count(*) FROM box_group_memberships WHERE ${column} = ?`)
    .pluck()
    .get(value) as number;
  const rows = preparedStatement(
    db,
    `${MEMBERSHIP_SELECT} WHERE m.${column} = ? ORDER BY m.id LIMIT ? OFFSET ?`,
  ).all(value, page.limit, page.offset) as BoxMembershipRow[];
  return { rows, total };
}

export function insertBoxMembership(
  db: SandboxDatabase,
  input: { userId: number; groupId: number; role: 'member' | 'admin'; permissions: string | null },
): BoxMembershipRow {
  const now = boxNow();
  const { lastInsertRowid } = preparedStatement(
    db,
    `INSERT INTO box_group_memberships (user_id, group_id, role, configurable_permissions, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(input.userId, input.groupId, input.role, input.permissions, now, now);
  return findBoxMembership(db, Number(lastInsertRowid)) as BoxMembershipRow;
}

export function updateBoxMembership(
  db: SandboxDatabase,
  id: number,
  role: 'member' | 'admin',
  permissions: string | null,
): BoxMembershipRow {
  preparedStatement(
    db,
    'UPDATE box_group_memberships SET role = ?, configurable_permissions = ?, modified_at = ? WHERE id = ?',
  ).run(role, permissions, boxNow(), id);
  return findBoxMembership(db, id) as BoxMembershipRow;
}

export function deleteBoxMembership(db: SandboxDatabase, id: number): void {
  preparedStatement(db, 'DELETE FROM box_group_memberships WHERE id = ?').run(id);
}
