import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import {
  FINISHED_OPERATION_STATES,
  type Operation,
  type OperationList,
} from '../contract/roster-operations.ts';
import { type OperationListFilters, operationKeys } from './roster-operations.ts';

type CachedList = InfiniteData<OperationList>;

/** An answer older than what the cache holds (events and fetches can cross) changes nothing. */
function isNewer(incoming: Operation, cached: Operation): boolean {
  return Date.parse(incoming.updated_at) >= Date.parse(cached.updated_at);
}

export function isOperationFinished(operation: Pick<Operation, 'state'>): boolean {
  return FINISHED_OPERATION_STATES.has(operation.state);
}

export function hasFailures(operation: Pick<Operation, 'state' | 'counts'>): boolean {
  return operation.counts.failed > 0 || operation.state === 'failed';
}

const TARGET_FILTERS = [
  ['group_id', 'group'],
  ['organization_id', 'organization'],
  ['box_group_id', 'box_group'],
] as const;

/**
 * Whether a list with these filters could hold the operation. Only what the operation itself says
 * can rule it out; the person filter covers everyone an item touches, which an event does not list.
 */
export function mayBeListed(
  filters: OperationListFilters,
  operation: Operation,
  viewerId: string | undefined,
): boolean {
  if (filters.source && operation.source !== filters.source) return false;
  if (filters.who === 'mine' && viewerId !== undefined && operation.actor.id !== viewerId) return false;
  const finished = isOperationFinished(operation);
  if (filters.status === 'running' && finished) return false;
  if (filters.status === 'finished' && !finished) return false;
  if (filters.status === 'failures' && !hasFailures(operation)) return false;
  for (const [filter, type] of TARGET_FILTERS) {
    const id = filters[filter];
    if (id && !operation.targets.some((target) => target.type === type && target.id === id)) return false;
  }
  return true;
}

function replaced(list: CachedList, operation: Operation): CachedList | undefined {
  let changed = false;
  const pages = list.pages.map((page) => {
    const index = page.operations.findIndex((cached) => cached.id === operation.id);
    const cached = page.operations[index];
    if (!cached || !isNewer(operation, cached)) return page;
    changed = true;
    return { ...page, operations: page.operations.with(index, operation) };
  });
  return changed ? { ...list, pages } : undefined;
}

/**
 * Writes one operation as the server reported it into every cached view of it: its detail and
 * every list that holds it, in place. A list that does not hold it yet but could is fetched again,
 * so a new operation appears where it belongs, in the server's order.
 */
export function writeOperation(queryClient: QueryClient, operation: Operation, viewerId?: string): void {
  queryClient.setQueryData<Operation>(operationKeys.detail(operation.id), (cached) =>
    cached && isNewer(operation, cached) ? operation : undefined,
  );
  for (const [queryKey, list] of queryClient.getQueriesData<CachedList>({
    queryKey: operationKeys.lists(),
  })) {
    if (!list) continue;
    const holds = list.pages.some((page) => page.operations.some((cached) => cached.id === operation.id));
    if (holds) {
      const next = replaced(list, operation);
      if (next) queryClient.setQueryData(queryKey, next);
    } else if (mayBeListed(filtersOf(queryKey), operation, viewerId)) {
      void queryClient.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: false });
    }
  }
}

function filtersOf(queryKey: QueryKey): OperationListFilters {
  return (queryKey[2] ?? {}) as OperationListFilters;
}
