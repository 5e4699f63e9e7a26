import { z } from 'zod/mini';
import { timestampSchema } from './timestamp.ts';

export const organizationSchema = z.looseObject({
  id: z.int(),
  url: z.string(),
  name: z.string(),
  details: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  domain_names: z.array(z.string()),
  external_id: z.nullable(z.string()),
  group_id: z.nullable(z.int()),
  shared_tickets: z.boolean(),
  shared_comments: z.boolean(),
  tags: z.array(z.string()),
  organization_fields: z.record(z.string(), z.unknown()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationEnvelopeSchema = z.looseObject({ organization: organizationSchema });
