import { z } from 'zod/mini';
import {
  BULK_OPERATION_VERSION,
  type BulkOperation,
  bulkOperationSchema,
  isOperationActive,
} from './bulk-operation.ts';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const OPERATIONS_STORAGE_KEY = 'roster.bulk-operations.v1';
export const MAX_FINISHED_OPERATIONS = 200;

/** The browser's operations, newest first; the shape `useSyncExternalStore` wants. */
export type OperationStore = {
  /** The same array until something changes. */
  getSnapshot(): readonly BulkOperation[];
  /** The same object until that operation changes. */
  get(id: string): BulkOperation | undefined;
  subscribe(listener: () => void): () => void;
  add(operation: BulkOperation): void;
  /** Returning the operation unchanged (same object) writes nothing and notifies no one. */
  update(id: string, change: (operation: BulkOperation) => BulkOperation): BulkOperation | undefined;
  remove(id: string): void;
};

export type OperationStoreOptions = {
  /** localStorage by default; tests pass `createMemoryStorage()`. */
  storage?: StorageLike;
  key?: string;
  maxFinished?: number;
  /**
   * Where other tabs' writes are announced (`window`, whose `storage` event fires in every other tab
   * of the origin). With it, every tab shows the same operations and progress.
   */
  crossTab?: Pick<Window, 'addEventListener'>;
};

const persistedSchema = z.object({
  version: z.literal(BULK_OPERATION_VERSION),
  operations: z.array(z.unknown()),
});

export function createMemoryStorage(): StorageLike {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, String(value));
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

/** localStorage can be missing (Node) or throw on access (blocked): then history lasts the session only. */
function defaultStorage(): StorageLike {
  try {
    if (globalThis.localStorage) return globalThis.localStorage;
  } catch {}
  return createMemoryStorage();
}

/** Never throws: unreadable or foreign data means starting empty; one bad record drops only that record. */
function readRaw(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function parse(raw: string | null): BulkOperation[] {
  if (raw === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const persisted = persistedSchema.safeParse(json);
  if (!persisted.success) return [];
  const operations: BulkOperation[] = [];
  for (const candidate of persisted.data.operations) {
    const parsed = bulkOperationSchema.safeParse(candidate);
    if (parsed.success) operations.push(parsed.data);
  }
  return operations;
}

function newestFirst(operations: readonly BulkOperation[]): BulkOperation[] {
  return [...operations].sort((a, b) => b.createdAt - a.createdAt);
}

/** Active operations always stay; finished ones beyond the newest `maxFinished` go. */
function prune(operations: readonly BulkOperation[], maxFinished: number): BulkOperation[] {
  let finished = 0;
  return operations.filter((operation) => isOperationActive(operation) || ++finished <= maxFinished);
}

export function createOperationStore(options: OperationStoreOptions = {}): OperationStore {
  const storage = options.storage ?? defaultStorage();
  const key = options.key ?? OPERATIONS_STORAGE_KEY;
  const maxFinished = options.maxFinished ?? MAX_FINISHED_OPERATIONS;
  const listeners = new Set<() => void>();
  let lastRaw = readRaw(storage, key);
  let operations: readonly BulkOperation[] = prune(newestFirst(parse(lastRaw)), maxFinished);
  let byId = new Map(operations.map((operation) => [operation.id, operation]));
  /** What each operation object was serialised as, so an unchanged one keeps its identity on reload. */
  const serialised = new WeakMap<BulkOperation, string>();

  function notify(): void {
    for (const listener of [...listeners]) listener();
  }

  /**
   * Takes in what another tab wrote since this store last read or wrote, keeping the objects of
   * operations that did not change. Answers whether anything did.
   */
  function refresh(): boolean {
    const raw = readRaw(storage, key);
    if (raw === lastRaw) return false;
    lastRaw = raw;
    const reloaded = newestFirst(parse(raw)).map((operation) => {
      const json = JSON.stringify(operation);
      const previous = byId.get(operation.id);
      if (previous && (serialised.get(previous) ?? JSON.stringify(previous)) === json) return previous;
      serialised.set(operation, json);
      return operation;
    });
    operations = reloaded;
    byId = new Map(operations.map((operation) => [operation.id, operation]));
    return true;
  }

  options.crossTab?.addEventListener('storage', (event) => {
    if ((event.key === key || event.key === null) && refresh()) notify();
  });

  function write(candidate: readonly BulkOperation[]): readonly BulkOperation[] {
    let kept = candidate;
    for (;;) {
      try {
        const raw = JSON.stringify({ version: BULK_OPERATION_VERSION, operations: kept });
        storage.setItem(key, raw);
        lastRaw = raw;
        return kept;
      } catch {
        // Most likely the quota: give up the oldest half of the finished history and try again.
        const finished = kept.filter((operation) => !isOperationActive(operation)).length;
        if (finished === 0) return kept;
        kept = prune(kept, Math.floor(finished / 2));
      }
    }
  }

  function commit(next: readonly BulkOperation[]): void {
    operations = write(prune(next, maxFinished));
    byId = new Map(operations.map((operation) => [operation.id, operation]));
    notify();
  }

  return {
    getSnapshot: () => operations,
    get: (id) => byId.get(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    add(operation) {
      refresh();
      commit(newestFirst([operation, ...operations.filter((existing) => existing.id !== operation.id)]));
    },
    update(id, change) {
      if (refresh()) notify();
      const current = byId.get(id);
      if (!current) return undefined;
      const next = change(current);
      if (next === current) return current;
      commit(operations.map((operation) => (operation.id === id ? next : operation)));
      return byId.get(id);
    },
    remove(id) {
      refresh();
      if (!byId.has(id)) return;
      commit(operations.filter((operation) => operation.id !== id));
    },
  };
}
