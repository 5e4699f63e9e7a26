import { zendeskErrorBodySchema } from '../../../contract/zendesk-error.ts';
import type { UpstreamApi } from '../upstream-client.ts';

/** Zendesk's API under `/api/v2`, whose errors are `{error, description, details}`. */
export const ZENDESK_API: UpstreamApi = {
  prefix: '/api/v2',
  readError(body) {
    const zendesk = zendeskErrorBodySchema.safeParse(body);
    if (!zendesk.success) return undefined;
    const detail = Object.values(zendesk.data.details ?? {})[0]?.[0];
    // A duplicate membership is a RecordInvalid whose field detail names it; the detail is what matters.
    return {
      code: detail?.error ?? zendesk.data.error,
      message: detail?.description ?? zendesk.data.description ?? zendesk.data.error,
    };
  },
};
