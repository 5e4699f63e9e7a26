import { z } from 'zod/mini';
import { timestampSchema } from './timestamp.ts';

export const groupMembershipSchema = z.looseObject({
  id: z.int(),
  url: z.string(),
  user_id: z.int(),
  group_id: z.int(),
  default: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type GroupMembership = z.infer<typeof groupMembershipSchema>;

export const groupMembershipEnvelopeSchema = z.looseObject({ group_membership: groupMembershipSchema });

/** Body of `POST /group_memberships` (and `/users/{id}/group_memberships`, where `user_id` comes from the path). */
export const createGroupMembershipInputSchema = z.object({
  user_id: z.int().check(z.positive()),
  group_id: z.int().check(z.positive()),
  /** True makes the new membership the user's default, as make_default would. */
  default: z.optional(z.boolean()),
});
