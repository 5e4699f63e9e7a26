import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { preparedStatement } from '../../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import { loadCursorKey } from '../../pagination/cursor-key.ts';
import type { BoxUserRow } from '../db/box-rows.ts';
import { boxAdminsOnly, selfOrBoxAdmins } from '../http/box-access.ts';
import type { BoxEnv } from '../http/box-env.ts';
import { boxBadRequest, boxMethodNotAllowed, boxNotFound } from '../http/box-errors.ts';
import { parseBoxFields, pickBoxFields } from '../http/box-fields.ts';
import { isBoxId } from '../http/box-input.ts';
import { boxCollection, boxMarkerCodec, parseBoxOffsetPage } from '../http/box-paging.ts';
import { presentBoxUser } from '../store/box-present.ts';
import { findBoxUser, likePrefix } from '../store/box-store.ts';

const userTypeSchema = z.enum(['all', 'managed', 'external']);

const USER_MINI = ['type', 'id', 'name', 'login'] as const;

/** One user as answered: the standard representation, or the mini one plus `fields`. */
function presentOne(c: Context, row: BoxUserRow) {
  const fields = parseBoxFields(new URL(c.req.url).searchParams);
  const user = presentBoxUser(row);
  return fields ? pickBoxFields(user, USER_MINI, fields) : user;
}

export function boxUserRoutes(db: SandboxDatabase) {
  const app = new Hono<BoxEnv>();
  const markers = boxMarkerCodec(loadCursorKey(db));

  /**
   * `filter_term` matches the start of the name or login; every sandbox user is managed, so
   * `user_type=external` finds no one. Offset paging, or markers with `usemarker=true`.
   */
  app.get('/users', boxAdminsOnly, (c) => {
    const query = new URL(c.req.url).searchParams;
    const userType = userTypeSchema.safeParse(query.get('user_type') ?? 'all');
    if (!userType.success) {
      throw boxBadRequest(`Invalid value '${query.get('user_type')}' for user_type`, 'user_type');
    }
    const term = query.get('filter_term') ?? '';
    const where: string[] = [];
    const params: unknown[] = [];
    if (term) {
      where.push("(name LIKE ? ESCAPE '\\' OR login LIKE ? ESCAPE '\\')");
      params.push(likePrefix(term), likePrefix(term));
    }
    if (userType.data === 'external') where.push('0');
    const usemarker = query.get('usemarker') === 'true';
    const marker = query.get('marker');
    const { limit, offset } = parseBoxOffsetPage(
      usemarker
        ? new URLSearchParams({ ...(query.has('limit') && { limit: query.get('limit') ?? '' }) })
        : query,
    );
    if (usemarker) {
      if (marker) {
        where.push('id > ?');
        params.push(markers.decode(marker));
      }
      const sql = `SELECT * FROM box_users ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
      const rows = preparedStatement(db, sql).all(...params, limit + 1) as BoxUserRow[];
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return c.json({
        limit,
        next_marker: more && last ? markers.encode(last.id) : null,
        entries: page.map(presentBoxUser),
      });
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = preparedStatement(db, `SELECT count(*) FROM box_users ${whereSql}`)
      .pluck()
      .get(...params) as number;
    const rows = preparedStatement(
      db,
      `SELECT * FROM box_users ${whereSql} ORDER BY id LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as BoxUserRow[];
    return c.json(boxCollection(rows.map(presentBoxUser), total, { limit, offset }));
  });

  app.get('/users/me', (c) => c.json(presentOne(c, c.get('boxIdentity').user)));

  /**
   * Enterprise admins and co-admins may read anyone, everyone else only themselves: looking users
   * up needs the permission to look up users in the whole enterprise. A refused id says nothing
   * about whether that user exists.
   */
  app.get('/users/:user_id', selfOrBoxAdmins('user_id'), (c) => {
    const raw = c.req.param('user_id');
    const user = isBoxId(raw) ? findBoxUser(db, Number(raw)) : undefined;
    if (!user) throw boxNotFound('user', raw);
    return c.json(presentOne(c, user));
  });

  for (const path of ['/users', '/users/me', '/users/:user_id']) {
    app.all(path, () => {
      throw boxMethodNotAllowed();
    });
  }
  return app;
}
