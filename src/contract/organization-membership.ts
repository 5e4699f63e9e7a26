import { z } from 'zod/mini';
import { timestampSchema } from './timestamp.ts';

export const organizationMembershipSchema = z.looseObject({
  id: z.int(),
  url: z.string(),
  user_id: z.int(),
  organization_id: z.int(),
  /** Zendesk sends `true` or `null`, never `false`. */
  default: z.nullable(z.literal(true)),
  organization_name: z.string(),
  view_tickets: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type OrganizationMembership = z.infer<typeof organizationMembershipSchema>;

export const organizationMembershipEnvelopeSchema = z.looseObject({
  organization_membership: organizationMembershipSchema,
});

export const createOrganizationMembershipInputSchema = z.object({
  user_id: z.int().check(z.positive()),
  organization_id: z.int().check(z.positive()),
  view_tickets: z.optional(z.boolean()),
});
