import { RateLimiterMemory } from 'rate-limiter-flexible';

export type SignInLimits = {
  /** Failed sign-ins allowed from one client address in a window. */
  failuresPerAddress: number;
  /** Failed sign-ins allowed for one email in a window, from anywhere. */
  failuresPerEmail: number;
  windowMs: number;
};

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * Counts failed sign-ins per client address and per email. Once either count reaches its limit,
 * every sign-in with that address or email is refused, a right token too, until the window ends:
 * guessing cannot go on past the limit. Counts live in memory, so a restart forgets them.
 */
export function createSignInThrottle(limits: SignInLimits) {
  const duration = Math.ceil(limits.windowMs / 1000);
  const byAddress = new RateLimiterMemory({
    keyPrefix: 'address',
    points: limits.failuresPerAddress,
    duration,
  });
  const byEmail = new RateLimiterMemory({ keyPrefix: 'email', points: limits.failuresPerEmail, duration });
  const counters = (address: string, email: string) =>
    [
      { limiter: byAddress, key: address, limit: limits.failuresPerAddress },
      { limiter: byEmail, key: email.toLowerCase(), limit: limits.failuresPerEmail },
    ] as const;

  return {
    /** Seconds until a sign-in may be tried again, or 0 when it may be tried now. */
    async retryAfterSeconds(address: string, email: string): Promise<number> {
      let seconds = 0;
      for (const { limiter, key, limit } of counters(address, email)) {
        const counted = await limiter.get(key);
        if (counted && counted.consumedPoints >= limit)
          seconds = Math.max(seconds, 1, Math.ceil(counted.msBeforeNext / 1000));
      }
      return seconds;
    },

    async failed(address: string, email: string): Promise<void> {
      await Promise.all(counters(address, email).map(({ limiter, key }) => limiter.penalty(key)));
    },

    /** The person got their token right: their email's count starts again; the address's keeps running. */
    async succeeded(email: string): Promise<void> {
      await byEmail.delete(email.toLowerCase());
    },
  };
}
