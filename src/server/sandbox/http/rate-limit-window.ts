const WINDOW_MS = 60_000;

export type RateLimitCount = { limit: number; remaining: number; resetSeconds: number; exceeded: boolean };

/**
 * Requests per minute per key in fixed one-minute windows: the counting both sandboxes share.
 * Each provider answers with its own headers and error body.
 */
export function createRateLimitWindows() {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, limit: number): RateLimitCount => {
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    return {
      limit,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)),
      exceeded: window.count > limit,
    };
  };
}
