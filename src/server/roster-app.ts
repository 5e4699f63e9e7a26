import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { MAX_IMPORT_BYTES } from '../contract/membership-csv.ts';
import type { BoxConnection, Connection } from '../contract/roster-session.ts';
import { exportRoutes } from './imports/export-routes.ts';
import { groupMemberCountRoutes } from './member-counts/group-member-count-routes.ts';
import { organizationMemberCountRoutes } from './member-counts/organization-member-count-routes.ts';
import { forwardToUpstream } from './proxy/forward-to-upstream.ts';
import type { Upstream } from './proxy/upstream.ts';
import { requestLog } from './request-log.ts';
import { hostAllowlist } from './security/host-allowlist.ts';
import { sameOriginWrites } from './security/same-origin-writes.ts';
import { securityHeaders } from './security/security-headers.ts';
import type { RosterEnv, SessionAuth } from './session/session-auth.ts';
import { loadFirstViewPage } from './ssr/first-view-renderer.ts';
import { loadInlineStylesheets } from './ssr/inline-stylesheets.ts';
import { staticSpa } from './static-spa.ts';
import { isStoreUnavailable, STORE_UNAVAILABLE } from './store/store-unavailable.ts';

export type RosterAppOptions = {
  upstream: Upstream;
  connection: Connection;
  /**
   * Box, answering the browser's `/api/box/2.0/*` with the server's one Box credential
   * (`authorization`), or, without one, with the Box account each person connected to their session.
   */
  box: { upstream: Upstream; connection: BoxConnection; authorization: string | undefined };
  auth: SessionAuth;
  /** `/roster/session` and `/roster/oauth/*` (see session/sign-in-routes.ts). */
  signInRoutes: Hono;
  /** `/roster/operations*` (see operations/operation-routes.ts). */
  operationRoutes: Hono;
  /** `/roster/imports/*` (see imports/import-routes.ts). */
  importRoutes: Hono;
  /** Tells `/roster/group-member-counts` that memberships may have changed (operation events). */
  membershipChanges?: { subscribe(listener: () => void): () => void };
  /** Wrap the forwarding of `/api/v2/*` and `/api/box/2.0/*` to record single membership changes in History. */
  recordChanges?: MiddlewareHandler<RosterEnv>;
  recordBoxChanges?: (authorization: (c: Context<RosterEnv>) => string) => MiddlewareHandler<RosterEnv>;
  /** Where people reach Roster when a proxy stands in front (PUBLIC_URL). */
  publicUrl?: string;
  /** One line per request; never headers or cookies. */
  logRequest?: (line: string) => void;
  /** The embedded sandbox, answering under `/sandbox/*`; absent when a real account is configured. */
  sandbox?: { fetch: (request: Request) => Response | Promise<Response> };
  distDir: string;
  /** Server rendering of each page's first view: the server build of the SPA's entry and how long it waits for data. */
  ssr?: { ssrDir: string; timeoutMs: number };
  /** Host names (without port) this server answers for. */
  allowedHostNames: readonly string[];
  port: () => number;
};

const MAX_API_BODY_BYTES = 1024 * 1024;
const BOX_ADMINS_ONLY =
  'Box is open to Zendesk admins: Roster holds one Box credential and lends it to admins only.';
/** An import's file (MAX_IMPORT_BYTES) sent as base64 inside JSON, with room for the rest of the body. */
const MAX_IMPORT_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;

export function createRosterApp(options: RosterAppOptions) {
  const app = new Hono<RosterEnv>();
  const stylesheets = options.ssr ? loadInlineStylesheets(options.distDir) : undefined;
  // First, so that every answer carries the headers, the host allowlist's refusals included.
  app.use('*', securityHeaders(stylesheets?.hashes));
  if (options.logRequest) app.use('*', requestLog(options.logRequest));
  app.use('*', hostAllowlist(options.allowedHostNames, options.port));
  app.notFound((c) => c.json({ error: 'InvalidEndpoint', description: 'Not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    // Sessions and operations live in the store: while it is away, say so and when to come back.
    if (isStoreUnavailable(error)) return c.json(STORE_UNAVAILABLE, 503, { 'Retry-After': '5' });
    console.error(error);
    return c.json({ error: 'InternalError', description: 'Roster failed to process this request' }, 500);
  });
  const sandbox = options.sandbox;
  if (sandbox) {
    app.all('/sandbox', (c) => c.redirect('/sandbox/api/v2/users/me'));
    app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw));
  }
  const limitBodyTo = (maxSize: number, description: string) =>
    bodyLimit({
      maxSize,
      // The rest of the body is never read, so the connection cannot serve another request.
      onError: () => {
        const body = { error: 'RequestTooLarge', description };
        throw new HTTPException(413, {
          res: Response.json(body, { status: 413, headers: { Connection: 'close' } }),
        });
      },
    });
  const limitBody = limitBodyTo(
    MAX_API_BODY_BYTES,
    `Request bodies are limited to ${MAX_API_BODY_BYTES} bytes`,
  );
  app.get('/roster/connection', (c) =>
    c.json({ connection: options.connection, box: options.box.connection }),
  );
  const sharedBox = options.box.authorization;
  app.route(
    '/roster/exports',
    exportRoutes({
      zendesk: options.upstream,
      requireCredential: options.auth.requireCredential(),
      box: {
        upstream: options.box.upstream,
        ...(sharedBox === undefined
          ? {
              require: options.auth.requireBoxCredential(),
              authorization: (c) => c.get('upstreamAuthorization'),
            }
          : {
              require: options.auth.requireSignedIn(['admin'], BOX_ADMINS_ONLY),
              authorization: () => sharedBox,
            }),
      },
      log: console.error,
    }),
  );
  // Before the 1 MB limit of every other /roster request: an import carries its file.
  app.use(
    '/roster/imports/*',
    limitBodyTo(
      MAX_IMPORT_BODY_BYTES,
      `An import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB (${MAX_IMPORT_BODY_BYTES} bytes of request)`,
    ),
    sameOriginWrites(options.publicUrl),
  );
  app.route('/roster/imports', options.importRoutes);
  app.use('/roster/*', limitBody, sameOriginWrites(options.publicUrl));
  app.route('/roster/operations', options.operationRoutes);
  app.route(
    '/roster/group-member-counts',
    groupMemberCountRoutes({
      upstream: options.upstream,
      requireCredential: options.auth.requireCredential(),
      membershipChanges: options.membershipChanges ?? { subscribe: () => () => {} },
    }),
  );
  app.route(
    '/roster/organization-member-counts',
    organizationMemberCountRoutes({
      upstream: options.upstream,
      requireCredential: options.auth.requireCredential(),
      membershipChanges: options.membershipChanges ?? { subscribe: () => () => {} },
    }),
  );
  app.route('/roster', options.signInRoutes);
  app.use('/api/*', limitBody, sameOriginWrites(options.publicUrl));
  app.use('/api/v2/*', options.auth.requireCredential());
  if (options.recordChanges) app.use('/api/v2/*', options.recordChanges);
  app.all(
    '/api/v2/*',
    forwardToUpstream(options.upstream, {
      authorization: (c) => c.get('upstreamAuthorization'),
      onUnauthorized: (c, sent) => options.auth.refused(c, sent),
    }),
  );
  if (sharedBox === undefined) {
    app.use('/api/box/*', options.auth.requireBoxCredential());
    if (options.recordBoxChanges)
      app.use(
        '/api/box/2.0/*',
        options.recordBoxChanges((c) => c.get('upstreamAuthorization')),
      );
    app.all(
      '/api/box/2.0/*',
      forwardToUpstream(options.box.upstream, {
        authorization: (c) => c.get('upstreamAuthorization'),
        onUnauthorized: (c, sent) => options.auth.boxRefused(c, sent),
        stripPrefix: '/api/box',
      }),
    );
  } else {
    // The server's one Box credential is lent to Zendesk admins only.
    app.use('/api/box/*', options.auth.requireSignedIn(['admin'], BOX_ADMINS_ONLY));
    if (options.recordBoxChanges)
      app.use(
        '/api/box/2.0/*',
        options.recordBoxChanges(() => sharedBox),
      );
    app.all(
      '/api/box/2.0/*',
      forwardToUpstream(options.box.upstream, { authorization: () => sharedBox, stripPrefix: '/api/box' }),
    );
  }
  app.all('/api/*', (c) => c.json({ error: 'InvalidEndpoint', description: 'Not found' }, 404));
  const ssr = options.ssr;
  const firstView =
    ssr &&
    loadFirstViewPage({
      distDir: options.distDir,
      ssrDir: ssr.ssrDir,
      timeoutMs: ssr.timeoutMs,
      stylesheets,
      fetch: (request) => app.fetch(request),
      log: console.error,
    }).catch((error: unknown) => {
      console.error(`Pages are sent without server rendering: ${String(error)}`);
      return undefined;
    });
  app.route('/', staticSpa(options.distDir, firstView));
  return app;
}
