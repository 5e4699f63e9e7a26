import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * Serves the built SPA: hashed assets cached for a year, every other path answered with
 * `index.html` so that deep links (`/groups/42`) load the app, which routes on the client.
 */
export function staticSpa(distDir: string) {
  const app = new Hono();
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) =>
      c.text('The dashboard has not been built yet: run `npm run build` (npm start does this for you).', 503),
    );
    return app;
  }
  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root: distDir }));
  app.get(
    '*',
    serveStatic({
      root: distDir,
      path: 'index.html',
      onFound: (_path, c) => {
        c.header('Cache-Control', 'no-cache');
      },
    }),
  );
  return app;
}
