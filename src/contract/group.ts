import { z } from 'zod/mini';
import { timestampSchema } from './timestamp.ts';

export const groupSchema = z.looseObject({
  id: z.int(),
  url: z.string(),
  name: z.string(),
  description: z.string(),
  /** The account's default group, not a per-user default. */
  default: z.boolean(),
  deleted: z.boolean(),
  is_public: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Group = z.infer<typeof groupSchema>;

export const groupEnvelopeSchema = z.looseObject({ group: groupSchema });
