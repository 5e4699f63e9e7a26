import type { z } from 'zod/mini';
import type { BulkItem } from './bulk-operation.ts';

/** A payload of the wrong shape is a programming error; it fails the chunk with a readable reason. */
export function payloadsOf<Schema extends z.ZodMiniType>(
  items: readonly BulkItem[],
  schema: Schema,
  what: string,
): z.infer<Schema>[] {
  return items.map((item) => {
    const parsed = schema.safeParse(item.payload);
    if (!parsed.success) throw new Error(`"${item.label}" does not describe ${what}`);
    return parsed.data;
  });
}
