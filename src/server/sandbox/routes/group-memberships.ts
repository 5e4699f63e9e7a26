import { type Context, Hono } from 'hono';
import { omit } from 'zod/mini';
import { createGroupMembershipInputSchema } from '../../../contract/group-membership.ts';
import { agentsOnly, groupMembershipManagersOnly } from '../auth/permissions.ts';
import type { GroupMembershipRow } from '../db/rows.ts';
import { listPage, parseIncludes, parseMembershipSort, queryOf, uniqueIds } from '../http/list-response.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { recordInvalid, recordNotFound } from '../http/zendesk-errors.ts';
import { bulkEnvelopeBody, envelopeBody, idListQuery, idParams } from '../http/zendesk-validators.ts';
import { presentJob } from '../jobs/job-store.ts';
import type { ListQuery } from '../pagination/list-query.ts';
import { presentGroup } from '../presenters/present-group.ts';
import { presentGroupMembership } from '../presenters/present-group-membership.ts';
import { presentUser } from '../presenters/present-user.ts';
import {
  createGroupMembership,
  destroyGroupMembership,
  findGroupMembership,
  listUserGroupMemberships,
  makeDefaultGroupMembership,
} from '../store/group-memberships.ts';
import { findGroup, findGroups } from '../store/groups.ts';
import { findUser, findUsers } from '../store/users.ts';

export function groupMembershipRoutes({ db, jobs }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  function list(c: Context<SandboxEnv>, where: string[], params: unknown[], sortable: boolean) {
    const sort = sortable
      ? parseMembershipSort(queryOf(c).get('sort'), 'gm')
      : { sortName: 'id', order: [{ column: 'gm.id', direction: 'asc' as const }] };
    const query: ListQuery = { select: 'gm.*', from: 'group_memberships gm', where, params, ...sort };
    const page = listPage<GroupMembershipRow>(c, db, query);
    const apiBase = c.get('apiBase');
    const includes = parseIncludes(c, ['users', 'groups'] as const);
    return c.json({
      group_memberships: page.rows.map((row) => presentGroupMembership(row, apiBase)),
      ...(includes.has('users') && {
        users: findUsers(db, uniqueIds(page.rows.map((r) => r.user_id))).map((u) => presentUser(u, apiBase)),
      }),
      ...(includes.has('groups') && {
        groups: findGroups(db, uniqueIds(page.rows.map((r) => r.group_id))).map((g) =>
          presentGroup(g, apiBase),
        ),
      }),
      ...page.fields,
    });
  }

  /** Admins and group managers can assign to every group; other agents to the groups they belong to. */
  function assignableCondition(c: Context<SandboxEnv>): { where: string[]; params: unknown[] } {
    const identity = c.get('identity');
    const notDeleted = 'gm.group_id IN (SELECT id FROM groups WHERE deleted = 0)';
    if (identity.canManageGroupMemberships) return { where: [notDeleted], params: [] };
    return {
      where: [notDeleted, 'gm.group_id IN (SELECT group_id FROM group_memberships WHERE user_id = ?)'],
      params: [identity.user.id],
    };
  }

  function one(c: Context<SandboxEnv>, row: GroupMembershipRow | undefined) {
    if (!row) throw recordNotFound();
    return c.json({ group_membership: presentGroupMembership(row, c.get('apiBase')) });
  }

  function create(c: Context<SandboxEnv>, userId: number, groupId: number, makeDefault: boolean | undefined) {
    const outcome = db.transaction(() => createGroupMembership(db, userId, groupId, { makeDefault }))();
    if (outcome.refusal) {
      const { field, error, description } = outcome.refusal;
      throw recordInvalid({ [field]: [{ description, error }] });
    }
    return c.json({ group_membership: presentGroupMembership(outcome.row, c.get('apiBase')) }, 201);
  }

  function destroy(c: Context<SandboxEnv>, id: number, userId?: number) {
    const row = findGroupMembership(db, id, userId);
    if (!row) throw recordNotFound();
    db.transaction(() => destroyGroupMembership(db, id))();
    return c.body(null, 204);
  }

  const members = omit(createGroupMembershipInputSchema, { user_id: true });

  app.get('/group_memberships', agentsOnly, (c) => list(c, [], [], true));
  app.get('/group_memberships/assignable', agentsOnly, (c) => {
    const { where, params } = assignableCondition(c);
    return list(c, where, params, true);
  });
  app.post(
    '/group_memberships/create_many',
    groupMembershipManagersOnly,
    bulkEnvelopeBody('group_memberships', createGroupMembershipInputSchema),
    (c) => {
      const items = c.req.valid('json');
      const job = jobs.enqueue('group_memberships.create_many', items, c.get('identity').user.id);
      return c.json({ job_status: presentJob(db, job, c.get('apiBase')) });
    },
  );
  app.delete('/group_memberships/destroy_many', groupMembershipManagersOnly, idListQuery, (c) => {
    const job = jobs.enqueue(
      'group_memberships.destroy_many',
      c.req.valid('query').ids,
      c.get('identity').user.id,
    );
    return c.json({ job_status: presentJob(db, job, c.get('apiBase')) });
  });
  app.get('/group_memberships/:id', idParams('id'), agentsOnly, (c) =>
    one(c, findGroupMembership(db, c.req.valid('param').id)),
  );
  app.post(
    '/group_memberships',
    envelopeBody('group_membership', createGroupMembershipInputSchema),
    groupMembershipManagersOnly,
    (c) => {
      const input = c.req.valid('json');
      return create(c, input.user_id, input.group_id, input.default);
    },
  );
  app.delete('/group_memberships/:id', idParams('id'), groupMembershipManagersOnly, (c) =>
    destroy(c, c.req.valid('param').id),
  );

  app.get('/users/:user_id/group_memberships', agentsOnly, idParams('user_id'), (c) => {
    const userId = c.req.valid('param').user_id;
    if (!findUser(db, userId)) throw recordNotFound();
    return list(c, ['gm.user_id = ?'], [userId], false);
  });
  app.get('/users/:user_id/group_memberships/:id', idParams('id', 'user_id'), agentsOnly, (c) => {
    const { id, user_id } = c.req.valid('param');
    return one(c, findGroupMembership(db, id, user_id));
  });
  app.post(
    '/users/:user_id/group_memberships',
    idParams('user_id'),
    envelopeBody('group_membership', members),
    groupMembershipManagersOnly,
    (c) => {
      const input = c.req.valid('json');
      return create(c, c.req.valid('param').user_id, input.group_id, input.default);
    },
  );
  app.delete(
    '/users/:user_id/group_memberships/:id',
    idParams('id', 'user_id'),
    groupMembershipManagersOnly,
    (c) => {
      const { id, user_id } = c.req.valid('param');
      return destroy(c, id, user_id);
    },
  );
  app.put(
    '/users/:user_id/group_memberships/:id/make_default',
    agentsOnly,
    idParams('user_id', 'id'),
    (c) => {
      const { id, user_id: userId } = c.req.valid('param');
      const row = findGroupMembership(db, id, userId);
      if (!row) throw recordNotFound();
      const rows = db.transaction(() => {
        makeDefaultGroupMembership(db, row.id);
        return listUserGroupMemberships(db, userId);
      })();
      const apiBase = c.get('apiBase');
      return c.json({ group_memberships: rows.map((r) => presentGroupMembership(r, apiBase)) });
    },
  );

  app.get('/groups/:group_id/memberships', agentsOnly, idParams('group_id'), (c) => {
    const groupId = c.req.valid('param').group_id;
    if (!findGroup(db, groupId)) throw recordNotFound();
    return list(c, ['gm.group_id = ?'], [groupId], false);
  });
  app.get('/groups/:group_id/memberships/assignable', agentsOnly, idParams('group_id'), (c) => {
    const groupId = c.req.valid('param').group_id;
    if (!findGroup(db, groupId)) throw recordNotFound();
    const { where, params } = assignableCondition(c);
    return list(c, ['gm.group_id = ?', ...where], [groupId, ...params], false);
  });

  return app;
}
