import { z } from 'zod/mini';
import { timestampSchema } from './timestamp.ts';

export const userRoleSchema = z.enum(['end-user', 'agent', 'admin']);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Agents and admins: the people who can belong to groups. */
export function isAgentRole(role: UserRole): boolean {
  return role === 'agent' || role === 'admin';
}

export const userSchema = z.looseObject({
  id: z.int(),
  url: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  role: userRoleSchema,
  role_type: z.nullable(z.int()),
  custom_role_id: z.nullable(z.int()),
  default_group_id: z.nullable(z.int()),
  /** The user's default organization. */
  organization_id: z.nullable(z.int()),
  suspended: z.boolean(),
  active: z.boolean(),
  photo: z.nullable(z.unknown()),
  time_zone: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const userEnvelopeSchema = z.looseObject({ user: userSchema });
