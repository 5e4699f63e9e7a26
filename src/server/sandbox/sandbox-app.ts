import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getPath } from 'hono/utils/url';
import { authenticate } from './auth/authenticate.ts';
import { scopeForMethod } from './auth/permissions.ts';
import type { SandboxDatabase } from './db/open-database.ts';
import type { FaultInjector } from './http/fault-injection.ts';
import { rateLimit } from './http/rate-limit.ts';
import { RequestCounter } from './http/request-counter.ts';
import type { SandboxEnv } from './http/sandbox-env.ts';
import { invalidEndpoint, ZendeskHttpError } from './http/zendesk-errors.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { CursorCodec } from './pagination/cursor-codec.ts';
import { groupMembershipRoutes } from './routes/group-memberships.ts';
import { groupRoutes } from './routes/groups.ts';
import { jobStatusRoutes } from './routes/job-statuses.ts';
import { oauthTokenRoutes } from './routes/oauth-tokens.ts';
import { organizationMembershipRoutes } from './routes/organization-memberships.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { sandboxFaultRoutes } from './routes/sandbox-faults.ts';
import { sandboxRequestRoutes } from './routes/sandbox-requests.ts';
import { userRoutes } from './routes/users.ts';
import { zendeskOAuthRoutes } from './routes/zendesk-oauth-routes.ts';

export type SandboxAppOptions = {
  db: SandboxDatabase;
  jobs: JobQueue;
  faults: FaultInjector;
  /** Where the sandbox is mounted: `/sandbox` inside the Roster server, `` when it runs alone. */
  basePath: string;
  rateLimitPerMinute: number;
  /** Signs the cursors of every list with the sandbox's own secret. */
  cursors: CursorCodec;
  log?: (message: string) => void;
};

const MAX_BODY_BYTES = 1024 * 1024;

/** A Zendesk-compatible API: `{basePath}/api/v2/...`, with or without a trailing `.json`. */
export function createSandboxApp(options: SandboxAppOptions): Hono<SandboxEnv> {
  const { db, jobs, faults, basePath } = options;
  const deps = { db, jobs };
  const app = new Hono<SandboxEnv>({ getPath: (request) => getPath(request).replace(/\.json$/, '') });

  app.onError((error, c) => {
    if (error instanceof ZendeskHttpError) {
      return c.json(error.body, error.status as ContentfulStatusCode, error.headers);
    }
    options.log?.(`sandbox error on ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? error}`);
    return c.json({ error: 'InternalError', description: 'The sandbox failed to process this request' }, 500);
  });
  app.notFound((c) => {
    const { status, body } = invalidEndpoint();
    return c.json(body, status);
  });

  const api = new Hono<SandboxEnv>();
  api.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    c.set('apiBase', `${url.origin}${basePath}/api/v2`);
    c.set('cursors', options.cursors);
    await next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // `Connection: close`: the rest of the oversized body stays unread and the server drops the
      // socket, so a client that reused this connection would see its next request fail.
      onError: () => {
        throw new ZendeskHttpError(
          413,
          {
            error: 'RequestTooLarge',
            description: `Request bodies are limited to ${MAX_BODY_BYTES} bytes`,
          },
          { Connection: 'close' },
        );
      },
    }),
  );
  api.use('*', authenticate(db));
  api.use(
    '*',
    rateLimit(() => options.rateLimitPerMinute),
  );
  api.use('*', scopeForMethod);
  const requests = new RequestCounter();
  api.use('/api/v2/*', requests.middleware());
  api.use('/api/v2/*', faults.middleware());

  for (const routes of [
    groupMembershipRoutes(deps),
    organizationMembershipRoutes(deps),
    groupRoutes(deps),
    organizationRoutes(deps),
    userRoutes(deps),
    jobStatusRoutes(deps),
    oauthTokenRoutes(deps),
  ]) {
    api.route('/api/v2', routes);
  }
  api.route('/_sandbox', sandboxFaultRoutes(faults));
  api.route('/_sandbox', sandboxRequestRoutes(requests));
  // The browser-facing OAuth pages and the token endpoint sit outside `/api/v2` and its credential check.
  app.route(`${basePath}/oauth`, zendeskOAuthRoutes({ db, basePath }));
  app.route(basePath || '/', api);
  return app;
}
