import type { MiddlewareHandler } from 'hono';
import type { SandboxDatabase } from '../../db/open-database.ts';
import type { BoxUserRow } from '../db/box-rows.ts';
import type { BoxEnv } from './box-env.ts';
import { boxUnauthorized } from './box-errors.ts';

/** `Authorization: Bearer <token>` of an active user; anything else is Box's 401. */
export function boxAuthenticate(db: SandboxDatabase): MiddlewareHandler<BoxEnv> {
  const userOfToken = db.prepare(
    `SELECT u.* FROM box_tokens t JOIN box_users u ON u.id = t.user_id WHERE t.token = ? AND u.status = 'active'`,
  );
  return async (c, next) => {
    const [scheme, token] = (c.req.header('authorization') ?? '').split(' ', 2);
    const user =
      scheme?.toLowerCase() === 'bearer' && token
        ? (userOfToken.get(token) as BoxUserRow | undefined)
        : undefined;
    if (!user) throw boxUnauthorized();
    c.set('boxIdentity', { user, isAdmin: user.role === 'admin' || user.role === 'coadmin' });
    await next();
  };
}
