import { Hono } from 'hono';
import { forwardToUpstream, type Upstream } from './proxy/forward-to-upstream.ts';
import { staticSpa } from './static-spa.ts';

export type Connection = { kind: 'sandbox' } | { kind: 'zendesk'; host: string };

export type RosterAppOptions = {
  upstream: Upstream;
  connection: Connection;
  /** The embedded sandbox, answering under `/sandbox/*`; absent when a real account is configured. */
  sandbox?: { fetch: (request: Request) => Response | Promise<Response> };
  distDir: string;
};

export function createRosterApp(options: RosterAppOptions) {
  const app = new Hono();
  const sandbox = options.sandbox;
  if (sandbox) {
    app.all('/sandbox', (c) => c.redirect('/sandbox/api/v2/users/me'));
    app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw));
  }
  app.get('/roster/connection', (c) => c.json({ connection: options.connection }));
  app.all('/api/v2/*', forwardToUpstream(options.upstream));
  app.all('/api/*', (c) => c.json({ error: 'InvalidEndpoint', description: 'Not found' }, 404));
  app.route('/', staticSpa(options.distDir));
  return app;
}
