import type { Env, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod/mini';

/** Roster's own error body, as every `/roster/*` refusal has it. */
export type RosterErrorBody = {
  error: string;
  description: string;
  details?: { path: string; message: string }[];
};

/** What a route answers (with 400) for input that fails its schema, from zod's issues and the input. */
export type Refusal = (error: z.core.$ZodError, input: unknown) => RosterErrorBody;

/*
 * Request validation at the edge of a `/roster/*` route, as Hono's validators do it, answering
 * Roster's error body; the handler reads what passed with `c.req.valid('query' | 'json')`.
 */

/** The query, each parameter's first value (`c.req.query()`), validated by `schema`. */
export function rosterQuery<Schema extends z.core.$ZodType>(schema: Schema, refuse: Refusal) {
  return validator('query', (_query, c) => {
    const input = c.req.query();
    const parsed = z.safeParse(schema, input);
    return parsed.success ? parsed.data : c.json(refuse(parsed.error, input), 400);
  });
}

type Json<Output> = MiddlewareHandler<Env, string, { in: { json: unknown }; out: { json: Output } }>;

/**
 * The JSON body validated by `schema`, whatever its Content-Type says (as `c.req.json()` reads it).
 * A body that is not JSON at all answers `malformed`, or, without it, is validated as nothing.
 * Hono's own JSON validator would pass a body of another media type on as `{}`.
 */
export function rosterJson<Schema extends z.core.$ZodType>(
  schema: Schema,
  refuse: Refusal,
  malformed?: RosterErrorBody,
): Json<z.output<Schema>> {
  return async (c, next) => {
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      if (malformed) return c.json(malformed, 400);
    }
    const parsed = z.safeParse(schema, input);
    if (!parsed.success) return c.json(refuse(parsed.error, input), 400);
    c.req.addValidatedData('json', parsed.data as object);
    await next();
  };
}
