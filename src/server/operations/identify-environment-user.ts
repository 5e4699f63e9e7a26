import { z } from 'zod/mini';
import type { Upstream } from '../proxy/upstream.ts';
import type { Identify } from './operation-routes.ts';
import { ZENDESK_API } from './providers/zendesk-api.ts';
import { createUpstreamClient } from './upstream-client.ts';
import { actorOf, userBriefSchema } from './zendesk-reads.ts';

/**
 * With credentials from the environment everyone acts as one person: who that is comes from
 * `users/me`, asked once (and again after a failure, so a Zendesk outage at start does not stick).
 */
export function identifyEnvironmentUser(upstream: Upstream, authorization: string): Identify {
  let known: Promise<{ actor: ReturnType<typeof actorOf>; role: string }> | undefined;
  return async () => {
    known ??= createUpstreamClient(upstream, ZENDESK_API, authorization)
      .get('/users/me', z.looseObject({ user: userBriefSchema }))
      .then((body) => ({ actor: actorOf(body.user), role: body.user.role }));
    try {
      return await known;
    } catch {
      known = undefined;
      return undefined;
    }
  };
}
