import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import type { FirstViewPage } from './ssr/first-view-renderer.ts';

/**
 * Serves the built SPA. Hashed assets are cached for a year and a missing one is a 404 (never
 * `index.html`, which a stale page would then try to run as a script); `index.html` is always
 * revalidated, and answers every extensionless path so deep links load the client router. With
 * `firstView`, those paths get the page rendered with its first rows instead (see ssr/).
 */
export function staticSpa(distDir: string, firstView?: Promise<FirstViewPage | undefined>) {
  const app = new Hono();
  const notFound = (c: Context) => c.json({ error: 'NotFound', description: 'No such file' }, 404);
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) =>
      c.json(
        {
          error: 'NotBuilt',
          description:
            'The dashboard has not been built yet: run `npm run build` (npm start does this for you).',
        },
        503,
      ),
    );
    return app;
  }
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // `npm run build` writes each asset's .br and .gz beside it (vite.config.ts).
  app.use('/assets/*', serveStatic({ root: distDir, precompressed: true }));
  app.get('/assets/*', notFound);
  const rootFile = serveStatic({ root: distDir, precompressed: true });
  app.get('*', async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(new URL(c.req.url).pathname)) {
      return (await rootFile(c, async () => {})) ?? notFound(c);
    }
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });
  // Gzip at the default level for the page, made per request; it holds no secret (the session is an
  // httpOnly cookie, the credential stays on the server), so compressing it next to reflected text is safe.
  app.get('*', compress({ encoding: 'gzip' }), async (c, next) => {
    const page = await firstView;
    return page ? page(c) : next();
  });
  app.get('*', serveStatic({ root: distDir, path: 'index.html' }));
  return app;
}
