import { z } from 'zod';

export const countSchema = z.looseObject({
  count: z.looseObject({ value: z.number().int(), refreshed_at: z.string().nullable() }),
});
export type Count = z.infer<typeof countSchema>;
