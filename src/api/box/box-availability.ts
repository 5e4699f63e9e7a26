import { useQuery } from '@tanstack/react-query';
import type { RosterSession } from '../../contract/roster-session.ts';
import type { User } from '../../contract/user.ts';
import { currentUserQueryOptions } from '../current-user.ts';
import { sessionQueryOptions } from '../session.ts';

/**
 * Whether this person can read Box now, so pages offer Box only then: with per-person Box accounts,
 * once theirs is connected; with the server's one Box credential, for Zendesk admins (and for
 * everyone when the server acts as one configured identity), as the header's workspace switch does.
 */
export function useBoxAvailable(): boolean {
  const session = useQuery(sessionQueryOptions());
  const user = useQuery(currentUserQueryOptions());
  return isBoxAvailable(session.data, user.data);
}

/** `useBoxAvailable` outside a component: a route's loader, from the answers it already has. */
export function isBoxAvailable(session: RosterSession | undefined, user: User | undefined): boolean {
  const box = session?.box;
  if (!box) return false;
  if (box.connect) return box.account !== null;
  return session?.mode === 'environment' || user?.role === 'admin';
}
