import { z } from 'zod/mini';

/** Box ids are strings of digits. */
export const boxIdSchema = z.string().check(z.regex(/^\d{1,20}$/, 'must be a Box id (digits)'));

export const boxUserRoleSchema = z.enum(['admin', 'coadmin', 'user']);
export type BoxUserRole = z.infer<typeof boxUserRoleSchema>;

export const boxUserStatusSchema = z.enum([
  'active',
  'inactive',
  'cannot_delete_edit',
  'cannot_delete_edit_upload',
]);

export const boxUserMiniSchema = z.looseObject({
  type: z.literal('user'),
  id: boxIdSchema,
  name: z.string(),
  login: z.string(),
});
export type BoxUserMini = z.infer<typeof boxUserMiniSchema>;

export const boxUserSchema = z.extend(boxUserMiniSchema, {
  role: boxUserRoleSchema,
  status: boxUserStatusSchema,
  created_at: z.string(),
  modified_at: z.string(),
});
export type BoxUser = z.infer<typeof boxUserSchema>;
