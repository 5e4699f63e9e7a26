import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './sandbox-env.ts';
import { ZendeskHttpError } from './zendesk-errors.ts';

const WINDOW_MS = 60_000;

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
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const limit = limitPerMinute();
    const now = Date.now();
    const key = c.get('identity').rateLimitKey;
    let window = windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    const remaining = Math.max(0, limit - window.count);
    const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    c.header('X-Rate-Limit', String(limit));
    c.header('X-Rate-Limit-Remaining', String(remaining));
    c.header('ratelimit-limit', String(limit));
    c.header('ratelimit-remaining', String(remaining));
    c.header('ratelimit-reset', String(resetSeconds));
    if (window.count > limit) throw rateLimitExceeded(resetSeconds);
    await next();
  };
}
