import type { MiddlewareHandler } from 'hono';

/**
 * Counts the API requests the sandbox answers, by method and path with ids replaced by `{id}`
 * (`DELETE /organization_memberships/destroy_many`): how a benchmark or a test sees what a client
 * sent, whichever process the client runs in.
 */
export class RequestCounter {
  private counts = new Map<string, number>();

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const path = new URL(c.req.url).pathname
        .replace(/^.*\/api\/v2/, '')
        .replace(/\.json$/, '')
        .replace(/\/\d+(?=\/|$)/g, '/{id}');
      const key = `${c.req.method} ${path}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      await next();
    };
  }

  current(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
