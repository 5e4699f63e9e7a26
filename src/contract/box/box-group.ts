import { z } from 'zod/mini';
import { boxIdSchema } from './box-user.ts';

export const boxGroupTypeSchema = z.enum(['managed_group', 'all_users_group']);
export const boxGroupLevelSchema = z.enum(['admins_only', 'admins_and_members', 'all_managed_users']);
export type BoxGroupLevel = z.infer<typeof boxGroupLevelSchema>;

export const boxGroupMiniSchema = z.looseObject({
  type: z.literal('group'),
  id: boxIdSchema,
  name: z.string(),
  group_type: boxGroupTypeSchema,
});
export type BoxGroupMini = z.infer<typeof boxGroupMiniSchema>;

export const boxGroupSchema = z.extend(boxGroupMiniSchema, {
  description: z.nullable(z.string()),
  provenance: z.nullable(z.string()),
  external_sync_identifier: z.nullable(z.string()),
  invitability_level: boxGroupLevelSchema,
  member_viewability_level: boxGroupLevelSchema,
  created_at: z.string(),
  modified_at: z.string(),
});
export type BoxGroup = z.infer<typeof boxGroupSchema>;
