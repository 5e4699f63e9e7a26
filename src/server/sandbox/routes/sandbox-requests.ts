import { Hono } from 'hono';
import { adminsOnly } from '../auth/permissions.ts';
import type { RequestCounter } from '../http/request-counter.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';

/** `GET {base}/_sandbox/requests`: API requests answered since start (or the last `DELETE`), by method and path. */
export function sandboxRequestRoutes(counter: RequestCounter) {
  const app = new Hono<SandboxEnv>();
  app.get('/requests', adminsOnly, (c) => c.json({ requests: counter.current() }));
  app.delete('/requests', adminsOnly, (c) => {
    counter.reset();
    return c.json({ requests: counter.current() });
  });
  return app;
}
