import { describe, expect, it } from 'vitest';
import { createBulkOperation } from './bulk-operation.ts';
import {
  claimOperations,
  OPERATIONS_OWNER_KEY,
  releaseOperations,
  unsentItemCount,
} from './operation-owner.ts';
import { createMemoryStorage, createOperationStore } from './operation-store.ts';

function storeWithOneOperation() {
  const storage = createMemoryStorage();
  const store = createOperationStore({ storage });
  store.add(
    createBulkOperation({
      id: 'op-1',
      kind: 'group_memberships.create',
      label: 'Add 150 agents',
      items: Array.from({ length: 150 }, (_, index) => ({
        label: `Agent ${index} → Tier 1`,
        payload: { user_id: index + 1, group_id: 1 },
      })),
      invalidates: [['group-memberships']],
      createdAt: 0,
    }),
  );
  return { storage, store };
}

describe('who the operations belong to', () => {
  it('keeps the operations of the person who signs in again', () => {
    const { storage, store } = storeWithOneOperation();
    storage.setItem(OPERATIONS_OWNER_KEY, 'sandbox:1');
    claimOperations(store, storage, 'sandbox:1');
    expect(store.getSnapshot()).toHaveLength(1);
  });

  it('drops the previous person’s operations when someone else signs in', () => {
    const { storage, store } = storeWithOneOperation();
    storage.setItem(OPERATIONS_OWNER_KEY, 'sandbox:1');
    claimOperations(store, storage, 'sandbox:2');
    expect(store.getSnapshot()).toEqual([]);
    expect(storage.getItem(OPERATIONS_OWNER_KEY)).toBe('sandbox:2');
  });

  it('counts what has not been sent yet and lets it go at sign-out', () => {
    const { storage, store } = storeWithOneOperation();
    expect(unsentItemCount(store)).toBe(150);
    releaseOperations(store, storage);
    expect(store.getSnapshot()).toEqual([]);
    expect(unsentItemCount(store)).toBe(0);
  });
});
