import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod/mini';
import {
  ORGANIZATION_COUNT_BATCH,
  type OrganizationMemberCounts,
} from '../../contract/organization-member-counts.ts';
import { ZENDESK_API } from '../operations/providers/zendesk-api.ts';
import { createUpstreamClient, UpstreamFailure } from '../operations/upstream-client.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { RosterEnv } from '../session/session-auth.ts';

/** As for the groups' counts: a list opened twice in a row asks the upstream once. */
const FRESH_MS = 30_000;
/** Count requests in flight at once for one batch. */
const COUNT_CONCURRENCY = 4;

const countSchema = z.looseObject({ count: z.looseObject({ value: z.int() }) });
const idsSchema = z.string().check(z.regex(/^\d{1,19}(,\d{1,19})*$/));

export type OrganizationMemberCountOptions = {
  upstream: Upstream;
  requireCredential: MiddlewareHandler<RosterEnv>;
  /** Any change to an operation may have changed memberships: the cache is dropped. */
  membershipChanges: { subscribe(listener: () => void): () => void };
  now?: () => Date;
};

/**
 * `GET /roster/organization-member-counts?ids=…`: one upstream count per organization asked about
 * (`/organizations/{id}/users/count`), at most four at a time, cached per credential and id, so
 * the Organizations list costs one browser request per page of rows it shows.
 */
export function organizationMemberCountRoutes(options: OrganizationMemberCountOptions) {
  const now = options.now ?? (() => new Date());
  const cache = new Map<string, { at: number; count: Promise<number> }>();
  options.membershipChanges.subscribe(() => cache.clear());

  function countOf(authorization: string, id: string): Promise<number> {
    const key = `${id}\u0000${authorization}`;
    const cached = cache.get(key);
    if (cached && now().getTime() - cached.at < FRESH_MS) return cached.count;
    const client = createUpstreamClient(options.upstream, ZENDESK_API, authorization);
    const count = client
      .get(`/organizations/${id}/users/count`, countSchema)
      .then((body) => body.count.value);
    const entry = { at: now().getTime(), count };
    cache.set(key, entry);
    count.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return count;
  }

  async function countsFor(authorization: string, ids: readonly string[]): Promise<OrganizationMemberCounts> {
    const refreshedAt = now().toISOString();
    const counts: Record<string, number> = {};
    const queue = [...ids];
    async function worker(): Promise<void> {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        counts[id] = await countOf(authorization, id);
      }
    }
    await Promise.all(Array.from({ length: COUNT_CONCURRENCY }, worker));
    return { counts, refreshed_at: refreshedAt };
  }

  const app = new Hono<RosterEnv>();
  app.get('/', options.requireCredential, async (c) => {
    const parsed = idsSchema.safeParse(c.req.query('ids') ?? '');
    const ids = parsed.success ? [...new Set(parsed.data.split(','))] : [];
    if (ids.length === 0 || ids.length > ORGANIZATION_COUNT_BATCH) {
      return c.json(
        {
          error: 'InvalidIds',
          description: `ids must be 1 to ${ORGANIZATION_COUNT_BATCH} organization ids, separated by commas`,
        },
        400,
      );
    }
    try {
      return c.json(await countsFor(c.get('upstreamAuthorization'), ids), 200, {
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      const status =
        error.status === 401 || error.status === 403 || error.status === 404 || error.status === 429
          ? error.status
          : 502;
      return c.json({ error: error.code ?? 'UpstreamError', description: error.message }, status);
    }
  });
  return app;
}
