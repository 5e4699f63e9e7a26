import { Hono } from 'hono';
import { preparedStatement } from '../../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import type { BoxGroupRow } from '../db/box-rows.ts';
import { boxAccess, boxAdminsOnly } from '../http/box-access.ts';
import type { BoxEnv } from '../http/box-env.ts';
import { boxMethodNotAllowed, boxNotFound } from '../http/box-errors.ts';
import { isBoxId } from '../http/box-input.ts';
import { boxCollection, parseBoxOffsetPage } from '../http/box-paging.ts';
import { presentBoxGroup } from '../store/box-present.ts';
import { findBoxGroup, likePrefix } from '../store/box-store.ts';

export function boxGroupRoutes(db: SandboxDatabase) {
  const app = new Hono<BoxEnv>();
  const access = boxAccess(db);

  /** `filter_term` matches the start of the name, ignoring case. */
  app.get('/groups', boxAdminsOnly, (c) => {
    const query = new URL(c.req.url).searchParams;
    const page = parseBoxOffsetPage(query);
    const term = query.get('filter_term') ?? '';
    const where = term ? "WHERE name LIKE ? ESCAPE '\\'" : '';
    const params = term ? [likePrefix(term)] : [];
    const total = preparedStatement(db, `SELECT count(*) FROM box_groups ${where}`)
      .pluck()
      .get(...params) as number;
    const rows = preparedStatement(
      db,
      `SELECT * FROM box_groups ${where} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
    ).all(...params, page.limit, page.offset) as BoxGroupRow[];
    return c.json(boxCollection(rows.map(presentBoxGroup), total, page, 'name'));
  });

  app.get('/groups/:id', (c) => {
    const raw = c.req.param('id');
    const group = isBoxId(raw) ? findBoxGroup(db, Number(raw)) : undefined;
    if (!group) throw boxNotFound('group', raw);
    access.requireInGroup(c.get('boxIdentity'), group.id);
    return c.json(presentBoxGroup(group));
  });

  for (const path of ['/groups', '/groups/:id']) {
    app.all(path, () => {
      throw boxMethodNotAllowed();
    });
  }
  return app;
}
