import { z } from 'zod/mini';
import { cursorPageSchema } from '../contract/pagination.ts';

export const PAGE_SIZE = 100;

/** One cursor page of `key` records, as every Zendesk cursor list answers. */
export function cursorPageOf<Key extends string, Item extends z.ZodMiniType>(key: Key, item: Item) {
  return z.extend(cursorPageSchema, { [key]: z.array(item) } as Record<Key, z.ZodMiniArray<Item>>);
}

export type CursorPageParam = string | undefined;

/** `page[size]=100` plus `page[after]` when continuing; other query parameters pass through. */
export function cursorQuery(after: CursorPageParam, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...extra, 'page[size]': String(PAGE_SIZE) });
  if (after) params.set('page[after]', after);
  return params.toString();
}

/** End of list is `meta.has_more === false`; `links.next` stays set on the last page. */
export function nextCursor(page: {
  meta: { has_more: boolean; after_cursor: string | null };
}): CursorPageParam {
  return page.meta.has_more && page.meta.after_cursor ? page.meta.after_cursor : undefined;
}
