import type { MiddlewareHandler } from 'hono';

/**
 * Query parameter names that can carry a secret, matched anywhere in the name so that new spellings
 * (`access_token`, `X-Api-Key`, `passwd`, `oauth_signature`, `auth`) are redacted rather than logged.
 */
const SECRET_NAME =
  /auth|bearer|code|cookie|credential|jwt|key|nonce|otp|pass|pwd|secret|session|sig|state|token/i;
/** Values that are credentials under any name: an `Authorization` header's value, or a JWT. */
const SECRET_VALUE = /^(bearer|basic)\s|^eyJ[\w-]*\.[\w-]*\./i;

/** The path and query as logged: never a header, a cookie or a secret-looking parameter's value. */
export function loggablePath(url: string): string {
  const { pathname, searchParams } = new URL(url);
  if (searchParams.size === 0) return pathname;
  const query = [...searchParams.entries()]
    .map(
      ([name, value]) =>
        `${name}=${SECRET_NAME.test(name) || SECRET_VALUE.test(value) ? '[redacted]' : value}`,
    )
    .join('&');
  return `${pathname}?${query}`;
}

/** One line per request: method, path, status and time taken. */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    log(`${c.req.method} ${loggablePath(c.req.url)} ${c.res.status} ${ms}ms`);
  };
}
