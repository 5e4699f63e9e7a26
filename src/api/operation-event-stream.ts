import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import {
  OPERATION_EVENT,
  type Operation,
  type OperationList,
  operationSchema,
} from '../contract/roster-operations.ts';
import { isOperationFinished, writeOperation } from './operation-cache.ts';
import type { OperationStreamStatus } from './operation-events.ts';
import { operationProviderOf } from './providers/operation-providers.ts';
import { operationKeys } from './roster-operations.ts';

const EVENTS_PATH = '/roster/operations/events';
/** Member lists on screen are fetched again at most this often while an operation changes them. */
const REFRESH_LISTS_EVERY_MS = 2000;
const RECONNECT_DELAYS_MS = [2000, 5000, 15_000, 30_000];

type Seen = { succeeded: number; failed: number; refreshedAt: number };

/**
 * What an operation's progress changes beyond itself: the member lists and counts it adds to or
 * removes from, and its own per-item results. Refreshed when it finishes, and meanwhile at most
 * every two seconds, so a long operation does not refetch the lists on every event. `fromEvent`
 * says the server just reported a change; an operation first met finished in a fetched list
 * finished long ago and changes nothing now.
 */
function createProgressEffects(queryClient: QueryClient) {
  const seen = new Map<string, Seen>();
  const settled = new Set<string>();
  const refresh = (operation: Operation) => {
    for (const queryKey of operationProviderOf(operation.kind).affectedKeys)
      void queryClient.invalidateQueries({ queryKey });
    void queryClient.invalidateQueries({ queryKey: operationKeys.allItems(operation.id) });
  };
  return (operation: Operation, fromEvent: boolean) => {
    if (operation.source === 'single') {
      // The page that made a single change refreshes its own lists when its request settles.
      if (fromEvent && queryClient.isMutating() === 0) refresh(operation);
      return;
    }
    const finished = isOperationFinished(operation);
    if (finished && settled.has(operation.id)) return;
    const before = seen.get(operation.id);
    if (finished) {
      seen.delete(operation.id);
      settled.add(operation.id);
      if (before || fromEvent) refresh(operation);
      return;
    }
    settled.delete(operation.id);
    const { succeeded, failed } = operation.counts;
    const now = Date.now();
    const changed = !before || before.succeeded !== succeeded || before.failed !== failed;
    const due = changed && now - (before?.refreshedAt ?? 0) >= REFRESH_LISTS_EVERY_MS;
    if (due) refresh(operation);
    seen.set(operation.id, { succeeded, failed, refreshedAt: due ? now : (before?.refreshedAt ?? 0) });
  };
}

/** The operations a successful fetch or write put in the cache under `queryKey`, if it holds any. */
function operationsIn(queryKey: QueryKey, data: unknown): Operation[] {
  if (queryKey[0] !== operationKeys.all[0] || data === undefined) return [];
  if (queryKey[1] === 'detail' && queryKey.length === 3) return [data as Operation];
  if (queryKey[1] === 'list')
    return (data as InfiniteData<OperationList>).pages.flatMap((page) => page.operations);
  return [];
}

/** How recent data must be for the first connection of a page to take it as current. */
const JUST_READ_MS = 5000;

/**
 * Keeps every cached view of operations current from the server's event stream until the answered
 * function is called. When the stream opens (again) anything missed meanwhile is fetched once;
 * while it is down, views poll (see `useOperationPollInterval`) and the browser reconnects on its
 * own, or this does after a refusal the browser gives up on.
 */
export function openOperationEvents(
  queryClient: QueryClient,
  viewerId: string | undefined,
  setStatus: (status: OperationStreamStatus) => void,
): () => void {
  const onProgress = createProgressEffects(queryClient);
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let open = false;
  let opened = false;
  const connect = () => {
    source = new EventSource(EVENTS_PATH);
    source.onopen = () => {
      open = true;
      failures = 0;
      setStatus('open');
      // What changed while no stream was open is read again; on the first connection, lists the
      // page was just rendered with (on the server) are that recent already.
      const readBefore = opened ? Number.POSITIVE_INFINITY : Date.now() - JUST_READ_MS;
      opened = true;
      for (const queryKey of [operationKeys.lists(), operationKeys.details()]) {
        void queryClient.invalidateQueries(
          { queryKey, predicate: (query) => query.state.dataUpdatedAt < readBefore },
          { cancelRefetch: false },
        );
      }
    };
    source.onerror = () => {
      open = false;
      setStatus('down');
      if (source?.readyState !== EventSource.CLOSED) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)];
      failures++;
      retry = setTimeout(connect, delay);
    };
    source.addEventListener(OPERATION_EVENT, (event) => {
      const parsed = operationSchema.safeParse(parseJson(event.data));
      if (!parsed.success) return;
      writeOperation(queryClient, parsed.data, viewerId);
      onProgress(parsed.data, true);
    });
  };
  // While the stream is not open, what polling brings in has the same effects as an event would.
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (open || event.type !== 'updated' || event.action.type !== 'success') return;
    for (const operation of operationsIn(event.query.queryKey, event.query.state.data))
      onProgress(operation, false);
  });
  connect();
  return () => {
    unsubscribe();
    clearTimeout(retry);
    source?.close();
  };
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
