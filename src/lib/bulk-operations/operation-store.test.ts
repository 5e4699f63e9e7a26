import { describe, expect, it, vi } from 'vitest';
import { type BulkOperation, createBulkOperation } from './bulk-operation.ts';
import { withChunkRefused } from './chunk-transitions.ts';
import { createMemoryStorage, createOperationStore, OPERATIONS_STORAGE_KEY } from './operation-store.ts';

function operation(id: string, createdAt: number, finished = false): BulkOperation {
  const created = createBulkOperation({
    id,
    kind: 'organization_memberships.create',
    label: `Operation ${id}`,
    items: [{ label: 'Ada → Acme', payload: { user_id: 1, organization_id: 2 } }],
    invalidates: [['organization-memberships']],
    createdAt,
  });
  return finished
    ? withChunkRefused(created, { attempt: 0, chunk: 0 }, 'Forbidden', { success: false, error: 'Forbidden' })
    : created;
}

describe('the operation store', () => {
  it('persists every change and reads it back in a new store over the same storage', () => {
    const storage = createMemoryStorage();
    const store = createOperationStore({ storage });
    store.add(operation('a', 1));
    store.add(operation('b', 2));
    store.update('a', (current) => ({ ...current, label: 'Renamed' }));

    const reloaded = createOperationStore({ storage });
    expect(reloaded.getSnapshot().map((op) => op.id)).toEqual(['b', 'a']);
    expect(reloaded.get('a')?.label).toBe('Renamed');
    expect(JSON.parse(storage.getItem(OPERATIONS_STORAGE_KEY) ?? '')).toMatchObject({ version: 1 });
  });

  it('keeps the snapshot and each operation referentially stable until they change', () => {
    const store = createOperationStore({ storage: createMemoryStorage() });
    store.add(operation('a', 1));
    store.add(operation('b', 2));
    const snapshot = store.getSnapshot();
    const b = store.get('b');
    expect(store.getSnapshot()).toBe(snapshot);
    expect(store.update('a', (current) => current)).toBe(store.get('a'));
    expect(store.getSnapshot()).toBe(snapshot);

    store.update('a', (current) => ({ ...current, label: 'Changed' }));
    expect(store.getSnapshot()).not.toBe(snapshot);
    expect(store.get('b')).toBe(b);
  });

  it('notifies subscribers on change only, until they unsubscribe', () => {
    const store = createOperationStore({ storage: createMemoryStorage() });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.add(operation('a', 1));
    store.update('a', (current) => current);
    store.update('missing', (current) => ({ ...current, label: 'x' }));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.remove('a');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toEqual([]);
  });

  it.each([
    ['corrupt JSON', '{"version":1,"operations":['],
    ['another version', JSON.stringify({ version: 2, operations: [operation('a', 1)] })],
    ['a foreign shape', JSON.stringify(['a', 'b'])],
  ])('starts empty, without throwing, from %s', (_, raw) => {
    const storage = createMemoryStorage();
    storage.setItem(OPERATIONS_STORAGE_KEY, raw);
    expect(createOperationStore({ storage }).getSnapshot()).toEqual([]);
  });

  it('drops only the records that do not validate', () => {
    const storage = createMemoryStorage();
    const broken = { ...operation('b', 2), kind: 'tickets.create' };
    storage.setItem(
      OPERATIONS_STORAGE_KEY,
      JSON.stringify({ version: 1, operations: [operation('a', 1), broken] }),
    );
    expect(
      createOperationStore({ storage })
        .getSnapshot()
        .map((op) => op.id),
    ).toEqual(['a']);
  });

  it('keeps the newest finished operations up to the limit, and every active one', () => {
    const storage = createMemoryStorage();
    const store = createOperationStore({ storage, maxFinished: 200 });
    store.add(operation('active-old', 0));
    for (let index = 1; index <= 205; index++) store.add(operation(`done-${index}`, index, true));
    const ids = store.getSnapshot().map((op) => op.id);
    expect(ids).toHaveLength(201);
    expect(ids).toContain('active-old');
    expect(ids).toContain('done-205');
    expect(ids).not.toContain('done-5');
    expect(ids).toContain('done-6');
    expect(createOperationStore({ storage }).getSnapshot()).toHaveLength(201);
  });

  it('gives up old history rather than failing when storage is full', () => {
    const backing = createMemoryStorage();
    const storage = {
      ...backing,
      setItem(key: string, value: string) {
        if (value.length > 3_000) throw new DOMException('full', 'QuotaExceededError');
        backing.setItem(key, value);
      },
    };
    const store = createOperationStore({ storage });
    for (let index = 1; index <= 20; index++) store.add(operation(`done-${index}`, index, true));
    store.add(operation('active', 100));
    const ids = store.getSnapshot().map((op) => op.id);
    expect(ids[0]).toBe('active');
    expect(ids.length).toBeLessThan(21);
    expect(
      createOperationStore({ storage })
        .getSnapshot()
        .map((op) => op.id),
    ).toEqual(ids);
  });
});

describe('the operation store shared by several tabs', () => {
  function twoTabs() {
    const storage = createMemoryStorage();
    const storageEvents = new EventTarget();
    const crossTab = {
      addEventListener: (type: string, listener: (event: StorageEvent) => void) =>
        storageEvents.addEventListener(type, listener as EventListener),
    } as Pick<Window, 'addEventListener'>;
    const first = createOperationStore({ storage, crossTab });
    const second = createOperationStore({ storage, crossTab });
    const announce = () => {
      const event = new Event('storage') as Event & { key: string };
      event.key = OPERATIONS_STORAGE_KEY;
      storageEvents.dispatchEvent(event);
    };
    return { first, second, announce };
  }

  it('shows another tab its operations when the browser announces the write', () => {
    const { first, second, announce } = twoTabs();
    const listener = vi.fn();
    second.subscribe(listener);
    first.add(operation('op_a', 1));
    announce();
    expect(second.get('op_a')?.label).toBe(first.get('op_a')?.label);
    expect(listener).toHaveBeenCalled();
  });

  it('writes on top of what another tab wrote instead of overwriting it', () => {
    const { first, second } = twoTabs();
    first.add(operation('op_a', 1));
    second.add(operation('op_b', 2));
    first.update('op_a', (current) => ({ ...current, label: 'renamed' }));
    expect(first.getSnapshot().map((o) => o.id)).toEqual(['op_b', 'op_a']);
    expect(first.get('op_a')?.label).toBe('renamed');
  });

  it('keeps the same object for an operation another tab did not change', () => {
    const { first, second, announce } = twoTabs();
    first.add(operation('op_a', 1));
    announce();
    const before = second.get('op_a');
    first.add(operation('op_b', 2));
    announce();
    expect(second.get('op_a')).toBe(before);
    expect(second.get('op_b')).toBeDefined();
  });
});
