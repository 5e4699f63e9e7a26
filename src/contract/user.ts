import { z } from 'zod';
import { timestampSchema } from './timestamp.ts';

export const userRoleSchema = z.enum(['end-user', 'agent', 'admin']);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Agents and admins: the people who can belong to groups. */
export function isAgentRole(role: UserRole): boolean {
  return role === 'agent' || role === 'admin';
}

export const userSchema = z.looseObject({
  id: z.number().int(),
  url: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: userRoleSchema,
  role_type: z.number().int().nullable(),
  custom_role_id: z.number().int().nullable(),
  default_group_id: z.number().int().nullable(),
  /** The user's default organization. */
  organization_id: z.number().int().nullable(),
  suspended: z.boolean(),
  active: z.boolean(),
  photo: z.unknown().nullable(),
  time_zone: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const userEnvelopeSchema = z.looseObject({ user: userSchema });
