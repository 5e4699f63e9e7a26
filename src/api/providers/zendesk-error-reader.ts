import { zendeskErrorBodySchema, zendeskErrorListBodySchema } from '../../contract/zendesk-error.ts';
import type { ErrorBodyReader } from './error-reading.ts';

/** Zendesk's `{error, description, details}`, or its list form `{errors: [{code, title}]}`. */
export const zendeskErrorReader: ErrorBodyReader = {
  pathPrefix: '/api/v2/',
  read(body) {
    const single = zendeskErrorBodySchema.safeParse(body);
    if (single.success)
      return {
        code: single.data.error,
        message: single.data.description ?? single.data.error,
        ...(single.data.details && { details: single.data.details }),
      };
    const list = zendeskErrorListBodySchema.safeParse(body);
    if (!list.success) return undefined;
    const code = list.data.errors[0]?.code;
    return {
      ...(code !== undefined && { code }),
      message: list.data.errors.map((error) => error.title).join('; '),
    };
  },
};
