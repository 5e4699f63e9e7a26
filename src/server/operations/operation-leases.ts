import type { OperationStore } from '../store/operation-store.ts';

/**
 * How long an instance holds an operation without renewing, and how often it renews. An instance
 * that dies (`kill -9`) stops renewing; another takes its operations when the lease has run out
 * and it next looks: at most LEASE_MS + RENEW_MS after the last renewal, 13 s.
 */
export const LEASE_MS = 10_000;
export const RENEW_MS = 3_000;

export type LeaseKeeper = {
  /** Whether it is time to renew (or someone asked for new operations to be taken at once). */
  due(now: number): boolean;
  /** Look for new operations at the next chance, not in up to RENEW_MS. */
  soon(): void;
  /** Renews this instance's leases and takes free or expired ones; answers the operations taken. */
  maintain(now: number): Promise<string[]>;
  /** Gives every lease up, so another instance continues at once after a clean stop. */
  release(): Promise<void>;
};

export function createLeaseKeeper(options: {
  store: OperationStore;
  owner: string;
  /** The only instance on its store (SQLite): at start it takes every operation, even one leased by the process before it. */
  exclusive: boolean;
  log: (message: string) => void;
}): LeaseKeeper {
  const { store, owner, log } = options;
  let nextAt = 0;
  let first = true;
  return {
    due: (now) => now >= nextAt,
    soon() {
      nextAt = 0;
    },
    async maintain(now) {
      const { taken } = await store.lease(owner, now, now + LEASE_MS, {
        takeAll: options.exclusive && first,
      });
      first = false;
      nextAt = now + RENEW_MS;
      for (const { operationId, from } of taken) {
        if (from !== null && from !== owner) log(`Took over operation ${operationId} from instance ${from}`);
      }
      return taken.map((entry) => entry.operationId);
    },
    release: () => store.release(owner),
  };
}
