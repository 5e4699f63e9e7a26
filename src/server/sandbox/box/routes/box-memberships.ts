import { type Context, Hono } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod/mini';
import {
  type BoxGroupMembership,
  createBoxGroupMembershipInputSchema,
  updateBoxGroupMembershipInputSchema,
} from '../../../../contract/box/box-group-membership.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import type { BoxMembershipRow } from '../db/box-rows.ts';
import { boxAccess, boxAdminsOnly, selfOrBoxAdmins } from '../http/box-access.ts';
import type { BoxEnv } from '../http/box-env.ts';
import { boxConflict, boxForbidden, boxMethodNotAllowed, boxNotFound } from '../http/box-errors.ts';
import { parseBoxFields, pickBoxFields } from '../http/box-fields.ts';
import { boxBody, isBoxId } from '../http/box-input.ts';
import { boxCollection, parseBoxOffsetPage } from '../http/box-paging.ts';
import { storedPermissions } from '../store/box-permissions.ts';
import { presentBoxMembership } from '../store/box-present.ts';
import {
  deleteBoxMembership,
  findBoxGroup,
  findBoxMembership,
  findBoxMembershipOf,
  findBoxUser,
  insertBoxMembership,
  listBoxMemberships,
  updateBoxMembership,
} from '../store/box-store.ts';

/** A membership's user and group are fixed: a PUT naming either is refused rather than quietly ignored. */
const fixedField = z.optional(z.never('cannot be changed: a membership keeps its user and group'));
const updateInputSchema = z.extend(updateBoxGroupMembershipInputSchema, {
  user: fixedField,
  group: fixedField,
});

/** Memberships have no mini representation of their own in Box's schema: the base is type and id. */
const MEMBERSHIP_MINI = ['type', 'id'] as const;

/**
 * How this request's memberships are answered: the standard representation (list entries without
 * permissions), or with `fields` the base plus the fields asked for, `configurable_permissions` too.
 */
function membershipPresenter(c: Context) {
  const fields = parseBoxFields(new URL(c.req.url).searchParams);
  return (row: BoxMembershipRow, single: boolean): Partial<BoxGroupMembership> =>
    fields
      ? pickBoxFields(presentBoxMembership(row, true), MEMBERSHIP_MINI, fields)
      : presentBoxMembership(row, single);
}

export function boxMembershipRoutes(db: SandboxDatabase) {
  const app = new Hono<BoxEnv>();
  const access = boxAccess(db);

  const userOf = (raw: string) => (isBoxId(raw) ? findBoxUser(db, Number(raw)) : undefined);
  const groupOf = (raw: string) => (isBoxId(raw) ? findBoxGroup(db, Number(raw)) : undefined);
  const membershipOf = (raw: string) => {
    const row = isBoxId(raw) ? findBoxMembership(db, Number(raw)) : undefined;
    if (!row) throw boxNotFound('group_membership', raw);
    return row;
  };

  app.get('/users/:user_id/memberships', selfOrBoxAdmins('user_id'), (c) => {
    const raw = c.req.param('user_id');
    const user = userOf(raw);
    if (!user) throw boxNotFound('user', raw);
    const page = parseBoxOffsetPage(new URL(c.req.url).searchParams);
    const { rows, total } = listBoxMemberships(db, 'user_id', user.id, page);
    const present = membershipPresenter(c);
    return c.json(
      boxCollection(
        rows.map((row) => present(row, false)),
        total,
        page,
      ),
    );
  });

  app.get('/groups/:group_id/memberships', (c) => {
    const raw = c.req.param('group_id');
    const group = groupOf(raw);
    if (!group) throw boxNotFound('group', raw);
    access.requireMayViewMembers(c.get('boxIdentity'), group);
    const page = parseBoxOffsetPage(new URL(c.req.url).searchParams);
    const { rows, total } = listBoxMemberships(db, 'group_id', group.id, page);
    const present = membershipPresenter(c);
    return c.json(
      boxCollection(
        rows.map((row) => present(row, false)),
        total,
        page,
      ),
    );
  });

  app.post('/group_memberships', boxAdminsOnly, boxBody(createBoxGroupMembershipInputSchema), (c) => {
    const input = c.req.valid('json');
    const user = userOf(input.user.id);
    if (!user) throw boxNotFound('user', input.user.id);
    const group = groupOf(input.group.id);
    if (!group) throw boxNotFound('group', input.group.id);
    const role = input.role ?? 'member';
    const created = db.transaction(() => {
      const existing = findBoxMembershipOf(db, user.id, group.id);
      if (existing) {
        throw boxConflict(`${user.login} is already a member of ${group.name}`, [
          presentBoxMembership(existing, false),
        ]);
      }
      return insertBoxMembership(db, {
        userId: user.id,
        groupId: group.id,
        role,
        permissions: storedPermissions(role, input.configurable_permissions),
      });
    })();
    return c.json(membershipPresenter(c)(created, true), 201);
  });

  /** The path's membership, read before its body: Box says 404 and then 403 before it looks at the body. */
  const groupAdminsOfMembership = validator('param', (params: Record<string, string>, c) => {
    const row = membershipOf(params.id ?? '');
    access.requireGroupAdmin(c.get('boxIdentity'), row.group_id);
    return { membership: row };
  });

  app.get('/group_memberships/:id', groupAdminsOfMembership, (c) =>
    c.json(membershipPresenter(c)(c.req.valid('param').membership, true)),
  );

  app.put('/group_memberships/:id', groupAdminsOfMembership, boxBody(updateInputSchema), (c) => {
    const identity = c.get('boxIdentity');
    const row = c.req.valid('param').membership;
    const input = c.req.valid('json');
    // Configurable permissions limit what a group admin may do, so only enterprise admins set them.
    if (input.configurable_permissions !== undefined && !identity.isAdmin) {
      throw boxForbidden('Only enterprise admins and co-admins may change configurable_permissions');
    }
    const role = input.role ?? row.role;
    const current = presentBoxMembership(row, true).configurable_permissions ?? null;
    // A group admin's promotion grants none of them: she cannot grant what she may not change.
    const requested = identity.isAdmin || row.role === 'admin' ? input.configurable_permissions : null;
    const updated = db.transaction(() =>
      updateBoxMembership(db, row.id, role, storedPermissions(role, requested, current)),
    )();
    return c.json(membershipPresenter(c)(updated, true));
  });

  app.delete('/group_memberships/:id', groupAdminsOfMembership, (c) => {
    const row = c.req.valid('param').membership;
    deleteBoxMembership(db, row.id);
    return c.body(null, 204);
  });

  for (const path of [
    '/users/:user_id/memberships',
    '/groups/:group_id/memberships',
    '/group_memberships',
    '/group_memberships/:id',
  ]) {
    app.all(path, () => {
      throw boxMethodNotAllowed();
    });
  }
  return app;
}
