import type { MiddlewareHandler } from 'hono';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { UserRow } from '../db/rows.ts';
import type { Identity, SandboxEnv } from '../http/sandbox-env.ts';
import { unauthorized } from '../http/zendesk-errors.ts';
import { nowTimestamp } from '../store/now.ts';
import { findUser, findUserByEmail } from '../store/users.ts';

const BOTH_SCOPES: ReadonlySet<'read' | 'write'> = new Set(['read', 'write']);

/** API token (`{email}/token:{token}` Basic) or OAuth Bearer; anything else is Zendesk's 401. */
export function authenticate(db: SandboxDatabase): MiddlewareHandler<SandboxEnv> {
  const activeToken = preparedStatement(db, 'SELECT 1 FROM api_tokens WHERE token = ? AND active = 1');
  const oauthToken = preparedStatement(
    db,
    'SELECT user_id, scopes FROM oauth_tokens WHERE token = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const customRole = preparedStatement(db, 'SELECT manage_group_memberships FROM custom_roles WHERE id = ?');

  function identify(header: string | undefined): Identity | undefined {
    const [scheme, credentials] = (header ?? '').split(' ', 2);
    if (!scheme || !credentials) return undefined;
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const match = /^(.+)\/token:(.+)$/.exec(decoded);
      if (!match?.[1] || !match[2] || !activeToken.get(match[2])) return undefined;
      const user = findUserByEmail(db, match[1]);
      return user && identityOf(user, BOTH_SCOPES, `token:${match[2]}:${user.id}`);
    }
    if (scheme.toLowerCase() === 'bearer') {
      const row = oauthToken.get(credentials, nowTimestamp()) as
        | { user_id: number; scopes: string }
        | undefined;
      const user = row && findUser(db, row.user_id);
      if (!row || !user) return undefined;
      const scopes = new Set(
        row.scopes.split(' ').filter((s): s is 'read' | 'write' => s === 'read' || s === 'write'),
      );
      return identityOf(user, scopes, `oauth:${credentials}`);
    }
    return undefined;
  }

  function identityOf(user: UserRow, scopes: ReadonlySet<'read' | 'write'>, rateLimitKey: string) {
    if (user.suspended === 1 || user.active !== 1) return undefined;
    const role =
      user.custom_role_id === null
        ? undefined
        : (customRole.get(user.custom_role_id) as { manage_group_memberships: number } | undefined);
    const canManageGroupMemberships =
      user.role === 'admin' || (user.role === 'agent' && role?.manage_group_memberships === 1);
    return { user, canManageGroupMemberships, scopes, rateLimitKey };
  }

  return async (c, next) => {
    const identity = identify(c.req.header('authorization'));
    if (!identity) throw unauthorized();
    c.set('identity', identity);
    await next();
  };
}
