import { z } from 'zod/mini';

/** Box pages lists by offset: `limit` at most 1000, and no offset above this. */
export const BOX_MAX_LIMIT = 1000;
export const BOX_DEFAULT_LIMIT = 100;
export const BOX_MAX_OFFSET = 10_000;

export const boxOrderSchema = z.object({ by: z.string(), direction: z.enum(['ASC', 'DESC']) });

/** `{total_count, limit, offset, order, entries}`: an offset page of `entry`. */
export function boxCollectionSchema<Entry extends z.ZodMiniType>(entry: Entry) {
  return z.looseObject({
    total_count: z.int().check(z.nonnegative()),
    limit: z.int().check(z.positive()),
    offset: z.int().check(z.nonnegative()),
    order: z.optional(z.array(boxOrderSchema)),
    entries: z.array(entry),
  });
}
/** Where the next offset page starts, or undefined when this was the last one. */
export function nextBoxOffset(page: {
  offset: number;
  limit: number;
  total_count: number;
}): number | undefined {
  const next = page.offset + page.limit;
  return next < page.total_count ? next : undefined;
}
