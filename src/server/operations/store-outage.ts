import { isStoreUnavailable } from '../store/store-unavailable.ts';

const FIRST_WAIT_MS = 500;
const LONGEST_WAIT_MS = 5_000;

/**
 * The runner's view of a store that cannot be reached: one log line when it goes and one when it
 * is back (not one per tick), a growing wait between attempts, and writes whose answer exists only
 * in memory (an upstream job's id) retried until the store takes them.
 */
export function createStoreOutage(log: (message: string) => void, stopped: () => boolean) {
  let waitMs = 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    /** After a failed tick: whether the store is away, and how long to wait before the next one. */
    failed(error: unknown): number | undefined {
      if (!isStoreUnavailable(error)) return undefined;
      if (waitMs === 0) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`Roster's store cannot be reached (${reason}); operations wait until it is back`);
      }
      waitMs = Math.min(LONGEST_WAIT_MS, Math.max(FIRST_WAIT_MS, waitMs * 2));
      return waitMs;
    },
    /** After a tick that worked. */
    succeeded(): void {
      if (waitMs === 0) return;
      waitMs = 0;
      log("Roster's store is reachable again; operations continue");
    },
    /** Runs `write` until the store takes it; gives up only when the runner stops (recovery resends then). */
    async persist<T>(write: () => Promise<T>): Promise<T> {
      for (let wait = FIRST_WAIT_MS; ; wait = Math.min(LONGEST_WAIT_MS, wait * 2)) {
        try {
          return await write();
        } catch (error) {
          if (!isStoreUnavailable(error) || stopped()) throw error;
          await sleep(wait);
        }
      }
    },
  };
}
