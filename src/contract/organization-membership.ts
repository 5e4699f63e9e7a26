import { z } from 'zod';
import { timestampSchema } from './timestamp.ts';

export const organizationMembershipSchema = z.looseObject({
  id: z.number().int(),
  url: z.string(),
  user_id: z.number().int(),
  organization_id: z.number().int(),
  /** Zendesk sends `true` or `null`, never `false`. */
  default: z.literal(true).nullable(),
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
  user_id: z.number().int().positive(),
  organization_id: z.number().int().positive(),
  view_tickets: z.boolean().optional(),
});
export type CreateOrganizationMembershipInput = z.infer<typeof createOrganizationMembershipInputSchema>;
