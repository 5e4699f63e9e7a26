import { useEffect, useSyncExternalStore } from 'react';
import { isOperationFinished } from '../../api/operation-cache.ts';
import type { Operation } from '../../contract/roster-operations.ts';

/**
 * Which operations this page follows, by id only (their data stays in the query cache): those
 * started here and those seen running while it was open, so they stay on screen when they finish,
 * until dismissed. `inline` holds the ones a page shows in its own panel, which the tray leaves
 * out, so no operation has two progress displays at once.
 */
export type Followed = {
  followed: ReadonlySet<string>;
  dismissed: ReadonlySet<string>;
  inline: ReadonlyMap<string, number>;
};

const NONE_FOLLOWED: Followed = { followed: new Set(), dismissed: new Set(), inline: new Map() };
let state = NONE_FOLLOWED;
const listeners = new Set<() => void>();

function update(next: Partial<Followed>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFollowedOperations(): Followed {
  // A page follows nothing before it runs in the browser: the server renders, and hydration starts, with none.
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => NONE_FOLLOWED,
  );
}

export function followOperation(id: string): void {
  if (!state.followed.has(id)) update({ followed: new Set([...state.followed, id]) });
}

export function dismissOperation(id: string): void {
  update({ dismissed: new Set([...state.dismissed, id]) });
}

/** The ids of the operations of `operations` that are running now. */
export function runningIds(operations: readonly Operation[]): string[] {
  return operations.filter((operation) => !isOperationFinished(operation)).map((operation) => operation.id);
}

/** Follows the operations of these ids (those running now, see `runningIds`). */
export function useFollowRunning(ids: readonly string[]): void {
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    const running = key.split(',');
    if (running.some((id) => !state.followed.has(id))) {
      update({ followed: new Set([...state.followed, ...running]) });
    }
  }, [key]);
}

/** Running, or followed and not dismissed: what a progress display keeps showing. */
export function isOnDisplay(operation: Operation, followed: Followed): boolean {
  if (followed.dismissed.has(operation.id)) return false;
  return !isOperationFinished(operation) || followed.followed.has(operation.id);
}

/** Marks these operations as shown in this page's own panel while it is mounted. */
export function useShownInline(ids: readonly string[]): void {
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    const shown = key.split(',');
    const inline = new Map(state.inline);
    for (const id of shown) inline.set(id, (inline.get(id) ?? 0) + 1);
    update({ inline });
    return () => {
      const after = new Map(state.inline);
      for (const id of shown) {
        const count = (after.get(id) ?? 1) - 1;
        if (count > 0) after.set(id, count);
        else after.delete(id);
      }
      update({ inline: after });
    };
  }, [key]);
}
