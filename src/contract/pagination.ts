import { z } from 'zod/mini';

export const MAX_PAGE_SIZE = 100;
/** Offset pagination stops here; deeper pages need cursors. */
export const MAX_OFFSET_RECORDS = 10_000;

export const cursorMetaSchema = z.looseObject({
  has_more: z.boolean(),
  after_cursor: z.nullable(z.string()),
  before_cursor: z.nullable(z.string()),
});
export type CursorMeta = z.infer<typeof cursorMetaSchema>;

export const cursorLinksSchema = z.looseObject({
  next: z.nullable(z.string()),
  prev: z.nullable(z.string()),
});

/** The fields a cursor-paginated list adds next to its envelope key. */
export const cursorPageSchema = z.looseObject({ meta: cursorMetaSchema, links: cursorLinksSchema });

/** The fields an offset-paginated list adds next to its envelope key. */
export const offsetPageSchema = z.looseObject({
  next_page: z.nullable(z.string()),
  previous_page: z.nullable(z.string()),
  count: z.int(),
});
