import type { MiddlewareHandler } from 'hono';

/** Query parameters that can carry a secret (an OAuth code, state, a token): logged as `[redacted]`. */
const SECRET_PARAM = /code|state|token|secret|password|key|session/i;

/** The path and query as logged: never a header, a cookie or a secret-looking parameter's value. */
export function loggablePath(url: string): string {
  const { pathname, searchParams } = new URL(url);
  if (searchParams.size === 0) return pathname;
  const query = [...searchParams.entries()]
    .map(([name, value]) => `${name}=${SECRET_PARAM.test(name) ? '[redacted]' : value}`)
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
