import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { BoxEnv } from './box-env.ts';
import { boxBadRequest } from './box-errors.ts';

/** A JSON body validated with `schema`; anything else is Box's 400 naming the first bad field. */
export async function readBoxBody<Schema extends z.core.$ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.output<Schema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw boxBadRequest('Send the request body as JSON with Content-Type: application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw boxBadRequest('Invalid JSON in the request body');
  }
  // Classic zod's safeParse takes the contract's zod/mini schemas and words its issues in English.
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.map(String).join('.') || 'body';
    throw boxBadRequest(`Bad request: ${name} ${issue?.message ?? 'is invalid'}`, name);
  }
  return parsed.data;
}

/**
 * The validator of a route's JSON body, in Box's words (see readBoxBody); the handler reads it with
 * `c.req.valid('json')`. Hono's own JSON validator would pass another media type on as `{}`.
 */
export function boxBody<Schema extends z.core.$ZodType>(
  schema: Schema,
): MiddlewareHandler<BoxEnv, string, { in: { json: unknown }; out: { json: z.output<Schema> } }> {
  return async (c, next) => {
    c.req.addValidatedData('json', (await readBoxBody(c, schema)) as object);
    await next();
  };
}

/** A path id: Box ids are digits; anything else names nothing. */
export function isBoxId(raw: string): boolean {
  return /^\d{1,16}$/.test(raw);
}
