/**
 * Fans operation changes out to every open event stream. Changes are coalesced: an operation that
 * changes a hundred times in a burst is sent once per interval with its newest state, so a
 * 200,000-item removal costs each browser a few events a second, not one per item.
 */
export type OperationEvents = {
  changed(operationId: string): void;
  subscribe(listener: (operationIds: readonly string[]) => void): () => void;
  close(): void;
};

/**
 * How changes cross to the other instances on a shared store: a browser's event stream may be
 * connected to an instance other than the one running the operation.
 */
export type OperationEventRelay = {
  /** Tells every other instance these operations changed (once per interval, already coalesced). */
  publish(operationIds: readonly string[]): void;
  /** Operations another instance changed. */
  onRemote(listener: (operationIds: readonly string[]) => void): void;
};

export function createOperationEvents(
  options: { intervalMs?: number; relay?: OperationEventRelay } = {},
): OperationEvents {
  const intervalMs = options.intervalMs ?? 250;
  const { relay } = options;
  const listeners = new Set<(operationIds: readonly string[]) => void>();
  let pending = new Set<string>();
  /** The part of `pending` that changed here, which the other instances have not heard of. */
  let local = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    timer = undefined;
    const ids = [...pending];
    if (relay && local.size > 0) relay.publish([...local]);
    pending = new Set();
    local = new Set();
    for (const listener of listeners) listener(ids);
  }

  function add(operationIds: readonly string[], here: boolean): void {
    for (const id of operationIds) {
      pending.add(id);
      if (here) local.add(id);
    }
    timer ??= setTimeout(flush, intervalMs);
  }

  relay?.onRemote((operationIds) => add(operationIds, false));

  return {
    changed(operationId) {
      add([operationId], true);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (timer) clearTimeout(timer);
      listeners.clear();
    },
  };
}
