import type { MiddlewareHandler } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refuse(description: string) {
  return Response.json({ error: 'Forbidden', description }, { status: 403 });
}

/**
 * The server holds the credential, so a write it forwards must come from this dashboard: a
 * browser's cross-site request is refused by `Sec-Fetch-Site` or `Origin`, and a body must be JSON,
 * which no HTML form can send. Clients without these browser headers (curl, scripts) are not
 * browsers carrying someone's session, so they pass.
 */
export function sameOriginWrites(publicUrl?: string): MiddlewareHandler {
  // Behind an https proxy the browser's origin is PUBLIC_URL's, not the http address Roster sees.
  const publicOrigin = publicUrl && new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') return refuse('Cross-site writes are refused');
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && origin !== publicOrigin)
      return refuse('Writes from another origin are refused');
    const hasBody =
      Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    if (hasBody && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return c.json(
        {
          error: 'UnsupportedMediaType',
          description: 'Send writes as JSON with Content-Type: application/json',
        },
        415,
      );
    }
    await next();
  };
}
