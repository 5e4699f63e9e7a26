import { type Context, Hono } from 'hono';
import { requireAgent } from '../auth/permissions.ts';
import type { GroupRow } from '../db/rows.ts';
import { countBody, namePrefixCondition } from '../http/count-response.ts';
import { listPage } from '../http/list-response.ts';
import { parseId } from '../http/request-input.ts';
import { requiredText } from '../http/required-text.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { recordNotFound } from '../http/zendesk-errors.ts';
import type { SortKey } from '../pagination/list-query.ts';
import type { PaginationSupport } from '../pagination/page-request.ts';
import { presentGroup } from '../presenters/present-group.ts';
import { findGroup } from '../store/groups.ts';
import { findUser } from '../store/users.ts';

const BY_ID: SortKey[] = [{ column: 'g.id', direction: 'asc' }];
const BY_NAME: SortKey[] = [
  { column: 'g.name', direction: 'asc', collate: 'NOCASE' },
  { column: 'g.id', direction: 'asc' },
];

export function groupRoutes({ db }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  function list(
    c: Context<SandboxEnv>,
    where: string[],
    params: unknown[],
    sorted: { sortName: string; order: SortKey[] } = { sortName: 'id', order: BY_ID },
    support: PaginationSupport = 'both',
  ) {
    requireAgent(c.get('identity'));
    const page = listPage<GroupRow>(
      c,
      db,
      { select: 'g.*', from: 'groups g', where, params, ...sorted },
      support,
    );
    const apiBase = c.get('apiBase');
    return c.json({ groups: page.rows.map((row) => presentGroup(row, apiBase)), ...page.fields });
  }

  function notDeleted(c: Context<SandboxEnv>): string[] {
    return c.req.query('exclude_deleted') === 'true' ? ['g.deleted = 0'] : [];
  }

  app.get('/groups', (c) => list(c, notDeleted(c), []));
  app.get('/groups/count', (c) => {
    requireAgent(c.get('identity'));
    return c.json(countBody(db, 'groups g', notDeleted(c), []));
  });
  app.get('/groups/assignable', (c) => {
    const identity = c.get('identity');
    if (identity.canManageGroupMemberships) return list(c, ['g.deleted = 0'], []);
    return list(
      c,
      ['g.deleted = 0', 'g.id IN (SELECT group_id FROM group_memberships WHERE user_id = ?)'],
      [identity.user.id],
    );
  });
  app.get('/groups/autocomplete', (c) => {
    const prefix = namePrefixCondition('g.name', requiredText(c.req.query('name'), 'name'));
    return list(
      c,
      ['g.deleted = 0', prefix.sql],
      prefix.params,
      { sortName: 'name', order: BY_NAME },
      'offset-only',
    );
  });
  app.get('/groups/:id', (c) => {
    requireAgent(c.get('identity'));
    const group = findGroup(db, parseId(c.req.param('id')));
    if (!group) throw recordNotFound();
    return c.json({ group: presentGroup(group, c.get('apiBase')) });
  });
  const ofUser = 'g.id IN (SELECT group_id FROM group_memberships WHERE user_id = ?)';
  app.get('/users/:user_id/groups', (c) => {
    requireAgent(c.get('identity'));
    const userId = parseId(c.req.param('user_id'));
    if (!findUser(db, userId)) throw recordNotFound();
    return list(c, [ofUser], [userId]);
  });
  app.get('/users/:user_id/groups/count', (c) => {
    requireAgent(c.get('identity'));
    const userId = parseId(c.req.param('user_id'));
    if (!findUser(db, userId)) throw recordNotFound();
    return c.json(countBody(db, 'groups g', [ofUser], [userId]));
  });

  return app;
}
