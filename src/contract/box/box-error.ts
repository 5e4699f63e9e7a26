import { z } from 'zod/mini';

/** Box's error body, e.g. `{"type":"error","status":404,"code":"not_found","message":"Not Found",…}`. */
export const boxErrorBodySchema = z.looseObject({
  type: z.literal('error'),
  status: z.int(),
  code: z.string(),
  message: z.string(),
  context_info: z.optional(z.record(z.string(), z.unknown())),
  help_url: z.optional(z.string()),
  request_id: z.optional(z.string()),
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
