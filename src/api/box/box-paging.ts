import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { BOX_MAX_OFFSET, boxCollectionSchema, nextBoxOffset } from '../../contract/box/box-collection.ts';
import { apiRequest } from '../api-client.ts';

export const BOX_PAGE_SIZE = 100;

/**
 * One offset page of a Box list. `next` is the next page's offset (as a string, the page param the
 * shared list components use); `ceiling` says Box refuses to page further although rows remain.
 */
export type BoxPage<Entry> = {
  items: Entry[];
  total: number;
  next: string | undefined;
  ceiling: boolean;
};

export function boxPath(path: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  return `/api/box/2.0${path}${params.size ? `?${params}` : ''}`;
}

/** Where the page after `page` starts, unless the list ends or Box's offset ceiling stops it. */
export function nextBoxPage(page: { offset: number; limit: number; total_count: number }): {
  next: string | undefined;
  ceiling: boolean;
} {
  const next = nextBoxOffset(page);
  if (next === undefined) return { next: undefined, ceiling: false };
  if (next > BOX_MAX_OFFSET) return { next: undefined, ceiling: true };
  return { next: String(next), ceiling: false };
}

export async function fetchBoxPage<Entry extends z.ZodMiniType>(
  path: string,
  entry: Entry,
  options: {
    offset: string | undefined;
    query?: Record<string, string>;
    limit?: number;
    signal?: AbortSignal;
  },
): Promise<BoxPage<z.infer<Entry>>> {
  const body = await apiRequest(
    boxPath(path, {
      ...options.query,
      limit: String(options.limit ?? BOX_PAGE_SIZE),
      offset: options.offset ?? '0',
    }),
    { schema: boxCollectionSchema(entry), ...(options.signal && { signal: options.signal }) },
  );
  return { items: body.entries, total: body.total_count, ...nextBoxPage(body) };
}

/** Every entry of a Box list up to the offset ceiling, 1,000 at a time (for "select all"). */
export async function fetchAllBoxEntries<Entry extends z.ZodMiniType>(
  path: string,
  entry: Entry,
  signal?: AbortSignal,
): Promise<z.infer<Entry>[]> {
  const entries: z.infer<Entry>[] = [];
  let offset: string | undefined;
  do {
    const page = await fetchBoxPage(path, entry, { offset, limit: 1000, ...(signal && { signal }) });
    entries.push(...page.items);
    offset = page.next;
  } while (offset);
  return entries;
}

/** An infinite list over Box's offset pages, for the shared list components (`filter_term` when given). */
export function boxListQueryOptions<Key extends QueryKey, Entry extends z.ZodMiniType>(
  queryKey: Key,
  path: string,
  entry: Entry,
  filterTerm = '',
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: async ({ pageParam, signal }): Promise<BoxPage<z.infer<Entry>>> =>
      fetchBoxPage(path, entry, {
        offset: pageParam,
        query: filterTerm ? { filter_term: filterTerm } : {},
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
  });
}
