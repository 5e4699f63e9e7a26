import type { MiddlewareHandler } from 'hono';
import { createRateLimitWindows } from './rate-limit-window.ts';
import type { SandboxEnv } from './sandbox-env.ts';
import { ZendeskHttpError } from './zendesk-errors.ts';

export function rateLimitExceeded(retryAfterSeconds: number): ZendeskHttpError {
  return new ZendeskHttpError(
    429,
    { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/**
 * Requests per minute per credential, in fixed one-minute windows, with Zendesk's headers on every
 * response (`X-Rate-Limit*` and the draft-standard `ratelimit-*`).
 */
export function rateLimit(limitPerMinute: () => number): MiddlewareHandler<SandboxEnv> {
  const count = createRateLimitWindows();
  return async (c, next) => {
    const { limit, remaining, resetSeconds, exceeded } = count(
      c.get('identity').rateLimitKey,
      limitPerMinute(),
    );
    c.header('X-Rate-Limit', String(limit));
    c.header('X-Rate-Limit-Remaining', String(remaining));
    c.header('ratelimit-limit', String(limit));
    c.header('ratelimit-remaining', String(remaining));
    c.header('ratelimit-reset', String(resetSeconds));
    if (exceeded) throw rateLimitExceeded(resetSeconds);
    await next();
  };
}
