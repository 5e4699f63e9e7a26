import type { MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { queryOf } from './list-response.ts';
import { parseId, parseIdList, parseJobIdList, readBulkEnvelope, readEnvelope } from './request-input.ts';
import { requiredText } from './required-text.ts';
import type { SandboxEnv } from './sandbox-env.ts';

/*
 * Request validation at the edge of each route, as Hono's validators do it, answering Zendesk's own
 * error bodies: each reader throws a ZendeskHttpError that the sandbox's onError sends. A handler
 * reads what passed with `c.req.valid('param' | 'query' | 'json')`.
 */

/** Path ids: anything but a positive safe integer names no record (404 RecordNotFound). */
export function idParams<Name extends string>(...names: Name[]) {
  return validator('param', (params: Record<string, string>) => {
    const ids = {} as Record<Name, number>;
    for (const name of names) ids[name] = parseId(params[name]);
    return ids;
  });
}

/** `ids` as a list of at most 100 positive integers, in any of the forms clients send. */
export const idListQuery = validator('query', (_query, c) => ({ ids: parseIdList(queryOf(c)) }));

/** `ids` of job statuses, in the same forms. */
export const jobIdListQuery = validator('query', (_query, c) => ({ ids: parseJobIdList(queryOf(c)) }));

/** A required, non-blank text parameter such as autocomplete's `name`. */
export function textQuery<Name extends string>(name: Name) {
  return validator(
    'query',
    (_query, c) => ({ [name]: requiredText(c.req.query(name), name) }) as Record<Name, string>,
  );
}

type Body<Output> = MiddlewareHandler<SandboxEnv, string, { in: { json: unknown }; out: { json: Output } }>;

/**
 * `{"<envelope>": {…}}` validated by `schema`. Hono's own JSON validator is not used: it passes a
 * body of another media type on as `{}` and answers malformed JSON in its own words, where Zendesk
 * answers 415 and 400 InvalidJSON.
 */
export function envelopeBody<Schema extends z.core.$ZodObject>(
  envelope: string,
  schema: Schema,
): Body<z.output<Schema>> {
  return async (c, next) => {
    c.req.addValidatedData('json', (await readEnvelope(c, envelope, schema)) as object);
    await next();
  };
}

/** `{"<envelope>": [item, …]}`: 1 to 100 items, each validated by `itemSchema`. */
export function bulkEnvelopeBody<Schema extends z.core.$ZodType>(
  envelope: string,
  itemSchema: Schema,
): Body<z.output<Schema>[]> {
  return async (c, next) => {
    c.req.addValidatedData('json', await readBulkEnvelope(c, envelope, itemSchema));
    await next();
  };
}
