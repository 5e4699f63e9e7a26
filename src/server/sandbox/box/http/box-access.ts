import { preparedStatement } from '../../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import type { BoxGroupRow } from '../db/box-rows.ts';
import type { BoxIdentity } from './box-env.ts';
import { boxForbidden } from './box-errors.ts';

/** Box's permission rules for group memberships, in one place. */
export function boxAccess(db: SandboxDatabase) {
  const roleIn = preparedStatement(
    db,
    'SELECT role FROM box_group_memberships WHERE user_id = ? AND group_id = ?',
  ).pluck();
  const roleOf = (identity: BoxIdentity, groupId: number) =>
    roleIn.get(identity.user.id, groupId) as 'member' | 'admin' | undefined;

  return {
    requireAdmin(identity: BoxIdentity): void {
      if (!identity.isAdmin) throw boxForbidden();
    },
    /** Admins, and admins of the group. */
    requireGroupAdmin(identity: BoxIdentity, groupId: number): void {
      if (!identity.isAdmin && roleOf(identity, groupId) !== 'admin') throw boxForbidden();
    },
    /** Admins and anyone in the group. */
    requireInGroup(identity: BoxIdentity, groupId: number): void {
      if (!identity.isAdmin && roleOf(identity, groupId) === undefined) throw boxForbidden();
    },
    /** Who may list a group's members follows its `member_viewability_level`. */
    requireMayViewMembers(identity: BoxIdentity, group: BoxGroupRow): void {
      if (identity.isAdmin || group.member_viewability_level === 'all_managed_users') return;
      const role = roleOf(identity, group.id);
      if (role === 'admin') return;
      if (role === 'member' && group.member_viewability_level === 'admins_and_members') return;
      throw boxForbidden();
    },
  };
}
