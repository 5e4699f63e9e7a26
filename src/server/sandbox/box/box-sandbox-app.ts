import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { SandboxDatabase } from '../db/open-database.ts';
import { FaultInjector, type FaultStatus, type Faults } from '../http/fault-injection.ts';
import { createRateLimitWindows } from '../http/rate-limit-window.ts';
import { boxAuthenticate } from './http/box-authenticate.ts';
import type { BoxEnv } from './http/box-env.ts';
import {
  BoxHttpError,
  boxEndpointNotFound,
  boxForbidden,
  boxInternalError,
  boxRateLimitExceeded,
} from './http/box-errors.ts';
import { boxFaultRoutes } from './routes/box-faults.ts';
import { boxGroupRoutes } from './routes/box-groups.ts';
import { boxMembershipRoutes } from './routes/box-memberships.ts';
import { boxOAuthRoutes } from './routes/box-oauth-routes.ts';
import { boxUserRoutes } from './routes/box-users.ts';

export type BoxSandboxOptions = {
  db: SandboxDatabase;
  /** Where the Box API lives: `/sandbox/box` inside the Roster server; paths continue with `/2.0/...`. */
  basePath: string;
  rateLimitPerMinute: number;
  /** Lifetime of the OAuth access tokens `POST {basePath}/oauth2/token` issues. */
  accessTokenSeconds: number;
  faults: Faults;
  log?: (message: string) => void;
};

const MAX_BODY_BYTES = 1024 * 1024;

/** Box's answer to an injected fault. */
function injectedBoxError(status: FaultStatus): BoxHttpError {
  if (status === 429) return boxRateLimitExceeded(1);
  if (status === 403) return boxForbidden();
  if (status === 422) return new BoxHttpError(400, 'bad_request', 'Refused by the sandbox (fault injection)');
  return boxInternalError(status === 503 ? 503 : 500);
}

/** A Box-compatible API for group memberships: `{basePath}/2.0/...`, on the sandbox's database. */
export function createBoxSandboxApp(options: BoxSandboxOptions): Hono<BoxEnv> {
  const { db, basePath } = options;
  const faults = new FaultInjector(options.faults, injectedBoxError);
  const app = new Hono<BoxEnv>();
  app.onError((error, c) => {
    if (error instanceof BoxHttpError) return c.json(error.body, error.status, error.headers);
    options.log?.(
      `box sandbox error on ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? error}`,
    );
    return c.json(new BoxHttpError(500, 'internal_server_error', 'Internal Server Error').body, 500);
  });
  app.notFound((c) => c.json(boxEndpointNotFound().body, 404));

  const api = new Hono<BoxEnv>();
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new BoxHttpError(
          413,
          'request_entity_too_large',
          `Request bodies are limited to ${MAX_BODY_BYTES} bytes`,
          undefined,
          {
            Connection: 'close',
          },
        );
      },
    }),
  );
  api.use('*', boxAuthenticate(db));
  const count = createRateLimitWindows();
  api.use('*', async (c, next) => {
    const { exceeded, resetSeconds } = count(
      `box:${c.get('boxIdentity').user.id}`,
      options.rateLimitPerMinute,
    );
    if (exceeded) throw boxRateLimitExceeded(resetSeconds);
    await next();
  });
  api.use('/2.0/*', faults.middleware<BoxEnv>());
  for (const routes of [boxMembershipRoutes(db), boxGroupRoutes(db), boxUserRoutes(db)]) {
    api.route('/2.0', routes);
  }
  api.route('/_sandbox', boxFaultRoutes(faults));
  // The consent page and the token endpoint sit outside `/2.0` and its Bearer check.
  app.route(
    `${basePath}/oauth2`,
    boxOAuthRoutes({ db, basePath, accessTokenSeconds: options.accessTokenSeconds }),
  );
  app.route(basePath, api);
  return app;
}
