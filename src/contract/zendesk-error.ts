import { z } from 'zod/mini';

const fieldErrorSchema = z.looseObject({ description: z.string(), error: z.string() });

/** `{"error":"RecordNotFound","description":"Not found"}` and the 422 form with `details`. */
export const zendeskErrorBodySchema = z.looseObject({
  error: z.string(),
  description: z.optional(z.string()),
  details: z.optional(z.record(z.string(), z.array(fieldErrorSchema))),
});
export type ZendeskErrorBody = z.infer<typeof zendeskErrorBodySchema>;

/** `{"errors":[{"code":"InvalidPaginationParameter","title":"page[after] is not valid"}]}` */
export const zendeskErrorListBodySchema = z.looseObject({
  errors: z.array(z.looseObject({ code: z.string(), title: z.string(), detail: z.optional(z.string()) })),
});
export type ZendeskErrorListBody = z.infer<typeof zendeskErrorListBodySchema>;
