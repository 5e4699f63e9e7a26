import type { OperationStore, StorageLike } from './operation-store.ts';

export const OPERATIONS_OWNER_KEY = 'roster.bulk-operations.owner';

/**
 * Operations belong to the person who started them. When someone else signs in on this browser,
 * the previous person's operations are dropped, so none of their unsent chunks goes out with the
 * new person's credential and none of their results shows on the new person's Jobs page.
 */
export function claimOperations(store: OperationStore, storage: StorageLike, owner: string): void {
  if (storage.getItem(OPERATIONS_OWNER_KEY) === owner) return;
  dropAll(store);
  storage.setItem(OPERATIONS_OWNER_KEY, owner);
}

/** At sign-out: this browser's operations go with the person. */
export function releaseOperations(store: OperationStore, storage: StorageLike): void {
  dropAll(store);
  storage.removeItem(OPERATIONS_OWNER_KEY);
}

/** Items not yet handed to the upstream: signing out now would lose them. */
export function unsentItemCount(store: OperationStore): number {
  return store
    .getSnapshot()
    .flatMap((operation) => operation.attempts)
    .flatMap((attempt) => attempt.chunks)
    .filter((chunk) => chunk.state === 'pending')
    .reduce((total, chunk) => total + chunk.itemIndexes.length, 0);
}

function dropAll(store: OperationStore): void {
  for (const operation of store.getSnapshot()) store.remove(operation.id);
}
