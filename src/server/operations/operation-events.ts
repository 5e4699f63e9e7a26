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

export function createOperationEvents(intervalMs = 250): OperationEvents {
  const listeners = new Set<(operationIds: readonly string[]) => void>();
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    timer = undefined;
    const ids = [...pending];
    pending = new Set();
    for (const listener of listeners) listener(ids);
  }

  return {
    changed(operationId) {
      pending.add(operationId);
      timer ??= setTimeout(flush, intervalMs);
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
