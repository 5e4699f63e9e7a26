import type { MiddlewareHandler } from 'hono';

/**
 * DNS rebinding defence: a page on another site that points its own host name at 127.0.0.1
 * reaches this server with that foreign name in `Host`. Only the names this server is known by
 * are answered, with this server's port or none. The port is read per request because it may be
 * chosen at start (`PORT=0`).
 */
export function hostAllowlist(allowedHostNames: readonly string[], port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    // A bare name is what an https proxy in front forwards; an attacker's rebinding name is never listed.
    const allowed = allowedHostNames.some((name) => host === `${name}:${port()}` || host === name);
    if (!allowed) {
      return c.json(
        { error: 'MisdirectedRequest', description: `This server does not answer for host "${host}"` },
        421,
      );
    }
    await next();
  };
}
