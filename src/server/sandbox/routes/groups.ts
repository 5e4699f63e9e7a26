import { type Context, Hono } from 'hono';
import { agentsOnly } from '../auth/permissions.ts';
import type { GroupRow } from '../db/rows.ts';
import { countBody, namePrefixCondition } from '../http/count-response.ts';
import { namedRecordList } from '../http/record-list.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { recordNotFound } from '../http/zendesk-errors.ts';
import { idParams, textQuery } from '../http/zendesk-validators.ts';
import { presentGroup } from '../presenters/present-group.ts';
import { findGroup } from '../store/groups.ts';
import { findUser } from '../store/users.ts';

export function groupRoutes({ db }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();
  const groups = namedRecordList<GroupRow>(db, {
    envelope: 'groups',
    table: 'groups',
    alias: 'g',
    present: presentGroup,
  });

  function notDeleted(c: Context<SandboxEnv>): string[] {
    return c.req.query('exclude_deleted') === 'true' ? ['g.deleted = 0'] : [];
  }

  app.get('/groups', agentsOnly, (c) => groups.byId(c, notDeleted(c), []));
  app.get('/groups/count', agentsOnly, (c) => c.json(countBody(db, groups.from, notDeleted(c), [])));
  app.get('/groups/assignable', agentsOnly, (c) => {
    const identity = c.get('identity');
    if (identity.canManageGroupMemberships) return groups.byId(c, ['g.deleted = 0'], []);
    return groups.byId(
      c,
      ['g.deleted = 0', 'g.id IN (SELECT group_id FROM group_memberships WHERE user_id = ?)'],
      [identity.user.id],
    );
  });
  app.get('/groups/autocomplete', textQuery('name'), agentsOnly, (c) => {
    const prefix = namePrefixCondition('g.name', c.req.valid('query').name);
    return groups.byName(c, ['g.deleted = 0', prefix.sql], prefix.params);
  });
  app.get('/groups/:id', agentsOnly, idParams('id'), (c) => {
    const group = findGroup(db, c.req.valid('param').id);
    if (!group) throw recordNotFound();
    return c.json({ group: presentGroup(group, c.get('apiBase')) });
  });
  const ofUser = 'g.id IN (SELECT group_id FROM group_memberships WHERE user_id = ?)';
  app.get('/users/:user_id/groups', agentsOnly, idParams('user_id'), (c) => {
    const userId = c.req.valid('param').user_id;
    if (!findUser(db, userId)) throw recordNotFound();
    return groups.byId(c, [ofUser], [userId]);
  });
  app.get('/users/:user_id/groups/count', agentsOnly, idParams('user_id'), (c) => {
    const userId = c.req.valid('param').user_id;
    if (!findUser(db, userId)) throw recordNotFound();
    return c.json(countBody(db, groups.from, [ofUser], [userId]));
  });

  return app;
}
