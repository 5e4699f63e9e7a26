import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { forwardToUpstream, type Upstream } from './proxy/forward-to-upstream.ts';
import { hostAllowlist } from './security/host-allowlist.ts';
import { sameOriginWrites } from './security/same-origin-writes.ts';
import { securityHeaders } from './security/security-headers.ts';
import { staticSpa } from './static-spa.ts';

export type Connection = { kind: 'sandbox' } | { kind: 'zendesk'; host: string };
export type BoxConnection = { kind: 'sandbox' } | { kind: 'box'; host: string };

export type RosterAppOptions = {
  upstream: Upstream;
  connection: Connection;
  /** Box, answering the browser's `/api/box/2.0/*`. */
  box: { upstream: Upstream; connection: BoxConnection };
  /** The embedded sandbox, answering under `/sandbox/*`; absent when a real account is configured. */
  sandbox?: { fetch: (request: Request) => Response | Promise<Response> };
  distDir: string;
  /** Host names (without port) this server answers for. */
  allowedHostNames: readonly string[];
  port: () => number;
};

const MAX_API_BODY_BYTES = 1024 * 1024;

export function createRosterApp(options: RosterAppOptions) {
  const app = new Hono();
  app.use('*', hostAllowlist(options.allowedHostNames, options.port));
  app.use('*', securityHeaders());
  const sandbox = options.sandbox;
  if (sandbox) {
    app.all('/sandbox', (c) => c.redirect('/sandbox/api/v2/users/me'));
    app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw));
  }
  app.get('/roster/connection', (c) =>
    c.json({ connection: options.connection, box: options.box.connection }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      // The rest of the body is never read, so the connection cannot serve another request.
      onError: () => {
        const body = {
          error: 'RequestTooLarge',
          description: `Request bodies are limited to ${MAX_API_BODY_BYTES} bytes`,
        };
        throw new HTTPException(413, {
          res: Response.json(body, { status: 413, headers: { Connection: 'close' } }),
        });
      },
    }),
  );
  app.use('/api/*', sameOriginWrites());
  app.all('/api/v2/*', forwardToUpstream(options.upstream));
  app.all('/api/box/2.0/*', forwardToUpstream(options.box.upstream, { stripPrefix: '/api/box' }));
  app.all('/api/*', (c) => c.json({ error: 'InvalidEndpoint', description: 'Not found' }, 404));
  app.route('/', staticSpa(options.distDir));
  return app;
}
