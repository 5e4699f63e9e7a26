import { z } from 'zod/mini';

export const countSchema = z.looseObject({
  count: z.looseObject({ value: z.int(), refreshed_at: z.nullable(z.string()) }),
});
export type Count = z.infer<typeof countSchema>;
