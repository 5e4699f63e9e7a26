import { z } from 'zod';
import { timestampSchema } from './timestamp.ts';

export const organizationSchema = z.looseObject({
  id: z.number().int(),
  url: z.string(),
  name: z.string(),
  details: z.string().nullable(),
  notes: z.string().nullable(),
  domain_names: z.array(z.string()),
  external_id: z.string().nullable(),
  group_id: z.number().int().nullable(),
  shared_tickets: z.boolean(),
  shared_comments: z.boolean(),
  tags: z.array(z.string()),
  organization_fields: z.record(z.string(), z.unknown()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationEnvelopeSchema = z.looseObject({ organization: organizationSchema });
