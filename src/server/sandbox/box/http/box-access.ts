import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { preparedStatement } from '../../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import type { BoxGroupRow } from '../db/box-rows.ts';
import type { BoxEnv, BoxIdentity } from './box-env.ts';
import { boxForbidden } from './box-errors.ts';

/** Enterprise admins and co-admins only: Box's 403 for anyone else, before the handler runs. */
export const boxAdminsOnly: MiddlewareHandler<BoxEnv> = createMiddleware<BoxEnv>(async (c, next) => {
  if (!c.get('boxIdentity').isAdmin) throw boxForbidden();
  await next();
});

/**
 * Admins, or the user the path's `param` names: refused before the id is looked up, so a refused
 * id says nothing about whether that user exists.
 */
export function selfOrBoxAdmins(param: string): MiddlewareHandler<BoxEnv> {
  return createMiddleware<BoxEnv>(async (c, next) => {
    const identity = c.get('boxIdentity');
    if (c.req.param(param) !== String(identity.user.id) && !identity.isAdmin) throw boxForbidden();
    await next();
  });
}

/** Box's permission rules that depend on a group: asked once the group or membership is read. */
export function boxAccess(db: SandboxDatabase) {
  const roleIn = preparedStatement(
    db,
    'SELECT role FROM box_group_memberships WHERE user_id = ? AND group_id = ?',
  ).pluck();
  const roleOf = (identity: BoxIdentity, groupId: number) =>
    roleIn.get(identity.user.id, groupId) as 'member' | 'admin' | undefined;

  return {
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
