import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { GroupMembershipRow } from '../db/rows.ts';
import { findGroup } from './groups.ts';
import {
  deleteMembership,
  GROUP_MEMBERSHIPS,
  insertMembership,
  makeDefaultMembership,
} from './membership-defaults.ts';
import type { CreateOutcome, MembershipRefusal } from './membership-refusal.ts';
import { findUser, isAgent } from './users.ts';

export function findGroupMembership(
  db: SandboxDatabase,
  id: number,
  userId?: number,
): GroupMembershipRow | undefined {
  const row = preparedStatement(db, 'SELECT * FROM group_memberships WHERE id = ?').get(id) as
    | GroupMembershipRow
    | undefined;
  return row && (userId === undefined || row.user_id === userId) ? row : undefined;
}

export function listUserGroupMemberships(db: SandboxDatabase, userId: number): GroupMembershipRow[] {
  return preparedStatement(db, 'SELECT * FROM group_memberships WHERE user_id = ? ORDER BY id').all(
    userId,
  ) as GroupMembershipRow[];
}

function refuseGroupMembership(
  db: SandboxDatabase,
  userId: number,
  groupId: number,
): MembershipRefusal | undefined {
  const user = findUser(db, userId);
  if (!user) return { field: 'user_id', error: 'InvalidValue', description: `User ${userId} does not exist` };
  if (!isAgent(user)) {
    return {
      field: 'user_id',
      error: 'InvalidValue',
      description: `${user.name} is an end user; only agents and admins can be group members`,
    };
  }
  const group = findGroup(db, groupId);
  if (!group || group.deleted === 1) {
    return { field: 'group_id', error: 'InvalidValue', description: `Group ${groupId} does not exist` };
  }
  const existing = preparedStatement(
    db,
    'SELECT id FROM group_memberships WHERE user_id = ? AND group_id = ?',
  ).get(userId, groupId) as { id: number } | undefined;
  if (existing) {
    return {
      field: 'user_id',
      error: 'DuplicateValue',
      description: `${user.name} is already a member of ${group.name}`,
      existingId: existing.id,
    };
  }
  return undefined;
}

/** Not wrapped in a transaction of its own: callers run it inside theirs (a request or a job item). */
export function createGroupMembership(
  db: SandboxDatabase,
  userId: number,
  groupId: number,
  { makeDefault = false }: { makeDefault?: boolean | undefined } = {},
): CreateOutcome<GroupMembershipRow> {
  const refusal = refuseGroupMembership(db, userId, groupId);
  if (refusal) return { refusal };
  const id = insertMembership(db, GROUP_MEMBERSHIPS, userId, groupId);
  if (makeDefault) makeDefaultMembership(db, GROUP_MEMBERSHIPS, id);
  return { row: findGroupMembership(db, id) as GroupMembershipRow };
}

export function destroyGroupMembership(db: SandboxDatabase, id: number): boolean {
  return deleteMembership(db, GROUP_MEMBERSHIPS, id);
}

export function makeDefaultGroupMembership(db: SandboxDatabase, id: number): void {
  makeDefaultMembership(db, GROUP_MEMBERSHIPS, id);
}
