import { z } from 'zod/mini';
import { boxConfigurablePermissionsSchema, boxMembershipRoleSchema } from '../box/box-group-membership.ts';
import { boxIdSchema } from '../box/box-user.ts';
import { changeList, idList, MAX_PASTED_ENTRIES } from '../operation-limits.ts';

/** Box's side of Roster's operations API: its kinds and the bodies that ask for them. */

export const BOX_OPERATION_KINDS = [
  'box_group_memberships.create',
  'box_group_memberships.update',
  'box_group_memberships.destroy',
  /** Mixed changes (an import, the grid): each item adds, removes or changes the role of one membership. */
  'box_group_memberships.change',
] as const;

export const BOX_BULK_KINDS = BOX_OPERATION_KINDS;

export const BOX_TARGET_TYPES = ['box_group'] as const;

export const boxMembershipChangeSchema = z.object({
  action: z.enum(['add', 'remove', 'set_role']),
  box_user_id: boxIdSchema,
  box_group_id: boxIdSchema,
  /** For add (default member) and set_role. */
  role: z.optional(boxMembershipRoleSchema),
});
export type BoxMembershipChange = z.infer<typeof boxMembershipChangeSchema>;

/** The Box requests `POST /roster/operations/plan` reviews and `POST /roster/operations` starts. */
export const boxOperationRequestSchemas = [
  z.object({
    kind: z.literal('box_group_memberships.create'),
    box_user_ids: idList(boxIdSchema, MAX_PASTED_ENTRIES).check(z.minLength(1)),
    box_group_ids: idList(boxIdSchema, 100).check(z.minLength(1)),
    role: z.optional(boxMembershipRoleSchema),
  }),
  z.object({
    kind: z.literal('box_group_memberships.update'),
    box_membership_ids: idList(boxIdSchema, 10_000).check(z.minLength(1)),
    role: boxMembershipRoleSchema,
    configurable_permissions: z.optional(boxConfigurablePermissionsSchema),
  }),
  z.object({
    kind: z.literal('box_group_memberships.destroy'),
    box_membership_ids: idList(boxIdSchema, 10_000).check(z.minLength(1)),
  }),
  z.object({
    kind: z.literal('box_group_memberships.change'),
    changes: changeList(boxMembershipChangeSchema),
  }),
] as const;
