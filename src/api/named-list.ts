import { z } from 'zod/mini';
import { cursorPageSchema, offsetPageSchema } from '../contract/pagination.ts';
import { apiRequest } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { type CursorPageParam, cursorQuery, nextCursor } from './cursor-pagination.ts';

export type NamedListPage<Item> = { items: Item[]; next: CursorPageParam };

/** The records under `key` of a page whose paging fields were already parsed (loose objects keep the rest). */
function itemsOf<Item extends z.ZodMiniType>(
  body: Record<string, unknown>,
  key: string,
  item: Item,
  path: string,
) {
  const parsed = z.array(item).safeParse(body[key]);
  if (!parsed.success) {
    const endpoint = path.split('?')[0] ?? path;
    throw new ApiError('contract', `The answer from ${endpoint} did not have the expected shape.`, {
      endpoint,
    });
  }
  return parsed.data;
}

/**
 * One page of a named resource: everything by cursor, or the names starting with `name` through
 * autocomplete, which Zendesk pages by offset only. Both come back as items plus the next page param.
 */
export async function fetchNamedListPage<Item extends z.ZodMiniType>(options: {
  resource: 'groups' | 'organizations';
  item: Item;
  name: string;
  pageParam: CursorPageParam;
  extra?: Record<string, string>;
  signal: AbortSignal;
}): Promise<NamedListPage<z.infer<Item>>> {
  const { resource, item, name, pageParam, signal } = options;
  if (name) {
    const page = Number(pageParam ?? 1);
    const path = `/api/v2/${resource}/autocomplete?${new URLSearchParams({ name, page: String(page), per_page: '100' })}`;
    const body = await apiRequest(path, { schema: offsetPageSchema, signal });
    return {
      items: itemsOf(body, resource, item, path),
      next: body.next_page ? String(page + 1) : undefined,
    };
  }
  const path = `/api/v2/${resource}?${cursorQuery(pageParam, options.extra)}`;
  const body = await apiRequest(path, { schema: cursorPageSchema, signal });
  return { items: itemsOf(body, resource, item, path), next: nextCursor(body) };
}

/** Every record of a cursor list, page by page (100 at a time). */
export async function fetchAllPages<Item extends z.ZodMiniType>(
  path: string,
  key: string,
  item: Item,
  signal?: AbortSignal,
): Promise<z.infer<Item>[]> {
  const records: z.infer<Item>[] = [];
  let after: CursorPageParam;
  do {
    const pagePath = `${path}?${cursorQuery(after)}`;
    const page = await apiRequest(pagePath, { schema: cursorPageSchema, ...(signal && { signal }) });
    records.push(...itemsOf(page, key, item, pagePath));
    after = nextCursor(page);
  } while (after);
  return records;
}
