import { Hono } from 'hono';
import { requireAdmin } from '../auth/permissions.ts';
import type { RequestCounter } from '../http/request-counter.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';

/** `GET {base}/_sandbox/requests`: API requests answered since start (or the last `DELETE`), by method and path. */
export function sandboxRequestRoutes(counter: RequestCounter) {
  const app = new Hono<SandboxEnv>();
  app.get('/requests', (c) => {
    requireAdmin(c.get('identity'));
    return c.json({ requests: counter.current() });
  });
  app.delete('/requests', (c) => {
    requireAdmin(c.get('identity'));
    counter.reset();
    return c.json({ requests: counter.current() });
  });
  return app;
}
