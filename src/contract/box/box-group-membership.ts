import { z } from 'zod/mini';
import { boxGroupMiniSchema } from './box-group.ts';
import { boxIdSchema, boxUserMiniSchema } from './box-user.ts';

export const boxMembershipRoleSchema = z.enum(['member', 'admin']);
export type BoxMembershipRole = z.infer<typeof boxMembershipRoleSchema>;

/** What a group admin may do besides managing the group's members. */
export const BOX_CONFIGURABLE_PERMISSIONS = [
  'can_run_reports',
  'can_instant_login',
  'can_create_accounts',
  'can_edit_accounts',
] as const;
export type BoxConfigurablePermission = (typeof BOX_CONFIGURABLE_PERMISSIONS)[number];

export const boxConfigurablePermissionsSchema = z.object({
  can_run_reports: z.boolean(),
  can_instant_login: z.boolean(),
  can_create_accounts: z.boolean(),
  can_edit_accounts: z.boolean(),
});
export type BoxConfigurablePermissions = z.infer<typeof boxConfigurablePermissionsSchema>;

/** In a request: keys left out are enabled, and `null` disables all of them. */
export const boxConfigurablePermissionsInputSchema = z.nullable(
  z.strictObject({
    can_run_reports: z.optional(z.boolean()),
    can_instant_login: z.optional(z.boolean()),
    can_create_accounts: z.optional(z.boolean()),
    can_edit_accounts: z.optional(z.boolean()),
  }),
);
export type BoxConfigurablePermissionsInput = z.infer<typeof boxConfigurablePermissionsInputSchema>;

/** List entries leave `configurable_permissions` out; single records carry it (null for members). */
export const boxGroupMembershipSchema = z.looseObject({
  type: z.literal('group_membership'),
  id: boxIdSchema,
  user: boxUserMiniSchema,
  group: boxGroupMiniSchema,
  role: boxMembershipRoleSchema,
  configurable_permissions: z.optional(z.nullable(boxConfigurablePermissionsSchema)),
  created_at: z.string(),
  modified_at: z.string(),
});
export type BoxGroupMembership = z.infer<typeof boxGroupMembershipSchema>;

export const createBoxGroupMembershipInputSchema = z.object({
  user: z.object({ id: boxIdSchema }),
  group: z.object({ id: boxIdSchema }),
  role: z.optional(boxMembershipRoleSchema),
  configurable_permissions: z.optional(boxConfigurablePermissionsInputSchema),
});

export const updateBoxGroupMembershipInputSchema = z.object({
  role: z.optional(boxMembershipRoleSchema),
  configurable_permissions: z.optional(boxConfigurablePermissionsInputSchema),
});
