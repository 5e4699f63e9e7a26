import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { UserRow } from '../db/rows.ts';
import { parseId } from '../http/request-input.ts';
import type { Identity, SandboxEnv } from '../http/sandbox-env.ts';
import { forbidden } from '../http/zendesk-errors.ts';
import { isAgent } from '../store/users.ts';

type Guard = MiddlewareHandler<SandboxEnv>;

/** A route's refusal before its handler runs: Zendesk's 403 unless `allowed`. */
function guard(allowed: (identity: Identity, c: Context<SandboxEnv>) => boolean): Guard {
  return createMiddleware<SandboxEnv>(async (c, next) => {
    if (!allowed(c.get('identity'), c)) throw forbidden();
    await next();
  });
}

/* The "Allowed for" column of the contract's membership table, one guard per distinct rule. */
export const agentsOnly = guard((identity) => isAgent(identity.user));

export const adminsOnly = guard((identity) => identity.user.role === 'admin');

/** Admins, and agents whose custom role allows managing group memberships. */
export const groupMembershipManagersOnly = guard((identity) => identity.canManageGroupMemberships);

/** Agents may read anyone's records; end users only their own, the user named by the path's `param`. */
export function selfOrAgents(param: string): Guard {
  return guard((identity, c) => isAgent(identity.user) || identity.user.id === parseId(c.req.param(param)));
}

/**
 * Adding someone to an organization: admins; agents for end users. For a user who does not exist
 * any agent may ask, and is told so as the store refuses the field.
 */
export function requireMayAddMembershipFor(
  identity: Identity,
  target: Pick<UserRow, 'role'> | undefined,
): void {
  if (target) requireAdminOrAgentForEndUser(identity, target);
  else if (!isAgent(identity.user)) throw forbidden();
}

/** OAuth scopes: `read` for GET, `write` for everything else. */
export const scopeForMethod = guard((identity, c) =>
  identity.scopes.has(c.req.method === 'GET' || c.req.method === 'HEAD' ? 'read' : 'write'),
);

/**
 * Admins; agents only when the membership belongs to an end user. It depends on the record, so the
 * handler asks once it has read it.
 */
export function requireAdminOrAgentForEndUser(identity: Identity, target: Pick<UserRow, 'role'>): void {
  if (identity.user.role === 'admin') return;
  if (identity.user.role === 'agent' && target.role === 'end-user') return;
  throw forbidden();
}
