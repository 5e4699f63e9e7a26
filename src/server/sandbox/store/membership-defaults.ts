import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { nowTimestamp } from './now.ts';

/**
 * Both membership kinds follow the same default rules: a user's first membership becomes the
 * default, deleting the default promotes the oldest remaining one, making one default clears the
 * others, and the user's own column (`default_group_id` / `organization_id`) follows the default.
 */
export type MembershipTable = {
  table: 'group_memberships' | 'organization_memberships';
  parentColumn: 'group_id' | 'organization_id';
  userDefaultColumn: 'default_group_id' | 'organization_id';
};

export const GROUP_MEMBERSHIPS: MembershipTable = {
  table: 'group_memberships',
  parentColumn: 'group_id',
  userDefaultColumn: 'default_group_id',
};

export const ORGANIZATION_MEMBERSHIPS: MembershipTable = {
  table: 'organization_memberships',
  parentColumn: 'organization_id',
  userDefaultColumn: 'organization_id',
};

/** Inserts a membership, default if the user has none yet. Call inside a transaction. */
export function insertMembership(
  db: SandboxDatabase,
  kind: MembershipTable,
  userId: number,
  parentId: number,
  extraColumns: Record<string, number> = {},
): number {
  const now = nowTimestamp();
  const hasDefault = preparedStatement(
    db,
    `SELECT 1 FROM ${kind.table} WHERE user_id = ? AND is_default = 1`,
  ).get(userId);
  const isDefault = hasDefault ? 0 : 1;
  const extraNames = Object.keys(extraColumns);
  const columns = ['user_id', kind.parentColumn, 'is_default', 'created_at', 'updated_at', ...extraNames];
  const { lastInsertRowid } = preparedStatement(
    db,
    `INSERT INTO ${kind.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(userId, parentId, isDefault, now, now, ...Object.values(extraColumns));
  if (isDefault) setUserDefault(db, kind, userId, parentId, now);
  return Number(lastInsertRowid);
}

/** Deletes a membership and, if it was the default, promotes the oldest remaining one. */
export function deleteMembership(db: SandboxDatabase, kind: MembershipTable, membershipId: number): boolean {
  const row = preparedStatement(db, `SELECT user_id, is_default FROM ${kind.table} WHERE id = ?`).get(
    membershipId,
  ) as { user_id: number; is_default: number } | undefined;
  if (!row) return false;
  preparedStatement(db, `DELETE FROM ${kind.table} WHERE id = ?`).run(membershipId);
  if (row.is_default === 1) promoteOldest(db, kind, row.user_id);
  return true;
}

function promoteOldest(db: SandboxDatabase, kind: MembershipTable, userId: number): void {
  const now = nowTimestamp();
  const oldest = preparedStatement(
    db,
    `SELECT id, ${kind.parentColumn} AS parent_id FROM ${kind.table} WHERE user_id = ? ORDER BY created_at, id LIMIT 1`,
  ).get(userId) as { id: number; parent_id: number } | undefined;
  if (oldest) {
    preparedStatement(db, `UPDATE ${kind.table} SET is_default = 1, updated_at = ? WHERE id = ?`).run(
      now,
      oldest.id,
    );
  }
  setUserDefault(db, kind, userId, oldest?.parent_id ?? null, now);
}

/** Makes one membership the user's default; the caller has checked it belongs to the user. */
export function makeDefaultMembership(
  db: SandboxDatabase,
  kind: MembershipTable,
  membershipId: number,
): void {
  const row = preparedStatement(
    db,
    `SELECT user_id, ${kind.parentColumn} AS parent_id, is_default FROM ${kind.table} WHERE id = ?`,
  ).get(membershipId) as { user_id: number; parent_id: number; is_default: number } | undefined;
  if (!row || row.is_default === 1) return;
  const now = nowTimestamp();
  preparedStatement(
    db,
    `UPDATE ${kind.table} SET is_default = 0, updated_at = ? WHERE user_id = ? AND is_default = 1`,
  ).run(now, row.user_id);
  preparedStatement(db, `UPDATE ${kind.table} SET is_default = 1, updated_at = ? WHERE id = ?`).run(
    now,
    membershipId,
  );
  setUserDefault(db, kind, row.user_id, row.parent_id, now);
}

function setUserDefault(
  db: SandboxDatabase,
  kind: MembershipTable,
  userId: number,
  parentId: number | null,
  now: string,
): void {
  preparedStatement(db, `UPDATE users SET ${kind.userDefaultColumn} = ?, updated_at = ? WHERE id = ?`).run(
    parentId,
    now,
    userId,
  );
}
