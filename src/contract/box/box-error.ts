import { z } from 'zod';

/** Box's error body, e.g. `{"type":"error","status":404,"code":"not_found","message":"Not Found",…}`. */
export const boxErrorBodySchema = z.looseObject({
  type: z.literal('error'),
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
  context_info: z.record(z.string(), z.unknown()).optional(),
  help_url: z.string().optional(),
  request_id: z.string().optional(),
});
export type BoxErrorBody = z.infer<typeof boxErrorBodySchema>;

export const BOX_ERROR_CODES = [
  'bad_request',
  'invalid_limit',
  'invalid_offset',
  'unauthorized',
  'access_denied_insufficient_permissions',
  'forbidden_by_policy',
  'not_found',
  'method_not_allowed',
  'conflict',
  'rate_limit_exceeded',
  'request_entity_too_large',
  'internal_server_error',
] as const;
export type BoxErrorCode = (typeof BOX_ERROR_CODES)[number];
