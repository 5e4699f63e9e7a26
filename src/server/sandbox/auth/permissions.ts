import type { UserRow } from '../db/rows.ts';
import type { Identity } from '../http/sandbox-env.ts';
import { forbidden } from '../http/zendesk-errors.ts';
import { isAgent } from '../store/users.ts';

/** The "Allowed for" column of the contract's membership table, one guard per distinct rule. */
export function requireAgent(identity: Identity): void {
  if (!isAgent(identity.user)) throw forbidden();
}

export function requireAdmin(identity: Identity): void {
  if (identity.user.role !== 'admin') throw forbidden();
}

/** Admins, and agents whose custom role allows managing group memberships. */
export function requireGroupMembershipManager(identity: Identity): void {
  if (!identity.canManageGroupMemberships) throw forbidden();
}

/** Admins; agents only when the membership belongs to an end user. */
export function requireAdminOrAgentForEndUser(identity: Identity, target: Pick<UserRow, 'role'>): void {
  if (identity.user.role === 'admin') return;
  if (identity.user.role === 'agent' && target.role === 'end-user') return;
  throw forbidden();
}

/** Agents may read anyone's organization memberships; end users only their own. */
export function requireSelfOrAgent(identity: Identity, userId: number): void {
  if (!isAgent(identity.user) && identity.user.id !== userId) throw forbidden();
}

/** OAuth scopes: `read` for GET, `write` for everything else. */
export function requireScopeFor(identity: Identity, method: string): void {
  const needed = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  if (!identity.scopes.has(needed)) throw forbidden();
}
