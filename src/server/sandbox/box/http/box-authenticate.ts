import type { MiddlewareHandler } from 'hono';
import { preparedStatement } from '../../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import { nowTimestamp } from '../../store/now.ts';
import type { BoxUserRow } from '../db/box-rows.ts';
import type { BoxEnv } from './box-env.ts';
import { boxUnauthorized } from './box-errors.ts';

/**
 * `Authorization: Bearer <token>` of an active user, with a demo identity's fixed token or an OAuth
 * access token that has not expired; anything else is Box's 401.
 */
export function boxAuthenticate(db: SandboxDatabase): MiddlewareHandler<BoxEnv> {
  const userOfToken = preparedStatement(
    db,
    `SELECT u.* FROM box_users u WHERE u.status = 'active' AND u.id IN (
       SELECT user_id FROM box_tokens WHERE token = @token
       UNION ALL SELECT user_id FROM box_oauth_tokens WHERE token = @token AND expires_at > @now)`,
  );
  return async (c, next) => {
    const [scheme, token] = (c.req.header('authorization') ?? '').split(' ', 2);
    const user =
      scheme?.toLowerCase() === 'bearer' && token
        ? (userOfToken.get({ token, now: nowTimestamp() }) as BoxUserRow | undefined)
        : undefined;
    if (!user) throw boxUnauthorized();
    c.set('boxIdentity', { user, isAdmin: user.role === 'admin' || user.role === 'coadmin' });
    await next();
  };
}
