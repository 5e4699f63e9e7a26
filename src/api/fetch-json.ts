import type { z } from 'zod';
import { zendeskErrorBodySchema, zendeskErrorListBodySchema } from '../contract/zendesk-error.ts';
import { ApiError, kindOfStatus } from './api-error.ts';

/**
 * GETs `path` on our own origin and parses the answer with `schema`. Failures become an
 * `ApiError` naming the endpoint, with Zendesk's description when the body has one.
 */
export async function fetchJson<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  signal?: AbortSignal,
): Promise<z.infer<Schema>> {
  const endpoint = path.split('?')[0] ?? path;
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'Roster could not reach its server. Check your connection and retry.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const single = zendeskErrorBodySchema.safeParse(body);
    const list = zendeskErrorListBodySchema.safeParse(body);
    const code = single.success ? single.data.error : list.success ? list.data.errors[0]?.code : undefined;
    const description = single.success
      ? (single.data.description ?? single.data.error)
      : list.success
        ? list.data.errors.map((e) => e.title).join('; ')
        : `HTTP ${response.status}`;
    throw new ApiError(kindOfStatus(response.status, code), description, response.status, endpoint);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      'contract',
      `The response of ${endpoint} did not have the expected shape.`,
      200,
      endpoint,
    );
  }
  return parsed.data;
}
