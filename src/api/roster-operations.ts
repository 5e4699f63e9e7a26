import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  type ItemState,
  type JobOperation,
  jobOperationSchema,
  type Operation,
  type OperationFilters,
  operationEnvelopeSchema,
  operationItemListSchema,
  operationListSchema,
} from '../contract/roster-operations.ts';
import { apiRequest } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { type CursorPageParam, nextCursor } from './cursor-pagination.ts';

/** What a list of operations is narrowed to; the cursor and page size belong to the query, not the key. */
export type OperationListFilters = Omit<OperationFilters, 'cursor' | 'limit'>;
export type OperationItemFilters = { state?: ItemState };

/**
 * Every cached view of Roster's operations. Items sit under their operation's detail, so
 * invalidating one operation refreshes its per-item results too.
 */
export const operationKeys = {
  all: ['roster-operations'] as const,
  lists: () => [...operationKeys.all, 'list'] as const,
  list: (filters: OperationListFilters, pageSize: number) =>
    [...operationKeys.lists(), filters, pageSize] as const,
  details: () => [...operationKeys.all, 'detail'] as const,
  detail: (id: string) => [...operationKeys.details(), id] as const,
  allItems: (id: string) => [...operationKeys.detail(id), 'items'] as const,
  items: (id: string, filters: OperationItemFilters) => [...operationKeys.allItems(id), filters] as const,
  itemPages: (id: string, filters: OperationItemFilters, pageSize: number) =>
    [...operationKeys.items(id, filters), pageSize] as const,
  plans: () => [...operationKeys.all, 'plan'] as const,
  /** A review, by what it reviews: the request itself, or a name and the selection it resolves. */
  plan: (subject: readonly unknown[]) => [...operationKeys.plans(), ...subject] as const,
  byJob: (jobId: string) => [...operationKeys.all, 'by-job', jobId] as const,
};

/** `?a=b` from the filters that are set, for `/roster/operations` and for the History page's own URL. */
export function operationQuery(filters: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return params;
}

/** Newest first, a page at a time by cursor: everyone's operations and single changes unless narrowed. */
export const operationsQueryOptions = (filters: OperationListFilters, pageSize = 50) =>
  infiniteQueryOptions({
    queryKey: operationKeys.list(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(
        `/roster/operations?${operationQuery({ ...filters, cursor: pageParam, limit: String(pageSize) })}`,
        { schema: operationListSchema, signal },
      ),
    initialPageParam: undefined as CursorPageParam,
    getNextPageParam: nextCursor,
  });

export const operationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: operationKeys.detail(id),
    queryFn: ({ signal }): Promise<Operation> =>
      apiRequest(`/roster/operations/${encodeURIComponent(id)}`, {
        schema: operationEnvelopeSchema,
        signal,
      }).then((body) => body.operation),
  });

/**
 * The Roster operation a Zendesk job was sent for, with its items in the job's order; null when
 * no operation sent it (another client's job, or one whose operation History no longer keeps).
 */
export const jobOperationQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: operationKeys.byJob(jobId),
    queryFn: async ({ signal }): Promise<JobOperation | null> => {
      try {
        return await apiRequest(`/roster/operations/by-job/${encodeURIComponent(jobId)}`, {
          schema: jobOperationSchema,
          signal,
        });
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not_found') return null;
        throw error;
      }
    },
  });

export function fetchOperationItems(
  id: string,
  filters: OperationItemFilters & { cursor?: string | undefined; limit: number },
  signal?: AbortSignal,
) {
  const query = operationQuery({
    state: filters.state,
    cursor: filters.cursor,
    limit: String(filters.limit),
  });
  return apiRequest(`/roster/operations/${encodeURIComponent(id)}/items?${query}`, {
    schema: operationItemListSchema,
    ...(signal && { signal }),
  });
}

/** Per-item results, in the order the operation holds them. */
export const operationItemsQueryOptions = (id: string, filters: OperationItemFilters, pageSize = 100) =>
  infiniteQueryOptions({
    queryKey: operationKeys.itemPages(id, filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      fetchOperationItems(id, { ...filters, cursor: pageParam, limit: pageSize }, signal),
    initialPageParam: undefined as CursorPageParam,
    getNextPageParam: nextCursor,
  });
