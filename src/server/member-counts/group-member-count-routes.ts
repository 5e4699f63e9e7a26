import { Hono, type MiddlewareHandler } from 'hono';
import type { GroupMemberCounts } from '../../contract/group-member-counts.ts';
import { ZENDESK_API } from '../operations/providers/zendesk-api.ts';
import { createUpstreamClient, UpstreamFailure } from '../operations/upstream-client.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { RosterEnv } from '../session/session-auth.ts';
import { countGroupMembers } from './count-group-members.ts';

/** Counts change only through someone's work; a list opened twice in a row should not walk the account twice. */
const FRESH_MS = 30_000;

export type GroupMemberCountOptions = {
  upstream: Upstream;
  requireCredential: MiddlewareHandler<RosterEnv>;
  /** Any change to an operation (bulk or single) may have changed memberships: the cache is dropped. */
  membershipChanges: { subscribe(listener: () => void): () => void };
  now?: () => Date;
};

/**
 * `GET /roster/group-member-counts`. Cached per credential, since what the upstream lets a person
 * read is decided by who they are; concurrent requests share one computation.
 */
export function groupMemberCountRoutes(options: GroupMemberCountOptions) {
  const now = options.now ?? (() => new Date());
  const cache = new Map<string, { at: number; counts: Promise<GroupMemberCounts> }>();
  options.membershipChanges.subscribe(() => cache.clear());

  function countsFor(authorization: string): Promise<GroupMemberCounts> {
    const cached = cache.get(authorization);
    if (cached && now().getTime() - cached.at < FRESH_MS) return cached.counts;
    const counts = countGroupMembers(createUpstreamClient(options.upstream, ZENDESK_API, authorization), now);
    const entry = { at: now().getTime(), counts };
    cache.set(authorization, entry);
    counts.catch(() => {
      if (cache.get(authorization) === entry) cache.delete(authorization);
    });
    return counts;
  }

  const app = new Hono<RosterEnv>();
  app.get('/', options.requireCredential, async (c) => {
    try {
      return c.json(await countsFor(c.get('upstreamAuthorization')), 200, { 'Cache-Control': 'no-store' });
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      const status =
        error.status === 401 || error.status === 403 || error.status === 429 ? error.status : 502;
      return c.json({ error: error.code ?? 'UpstreamError', description: error.message }, status);
    }
  });
  return app;
}
