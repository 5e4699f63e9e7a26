import type { Context } from 'hono';
import { z } from 'zod';
import {
  badRequest,
  type FieldErrors,
  recordInvalid,
  recordNotFound,
  tooManyValues,
  ZendeskHttpError,
} from './zendesk-errors.ts';

export const MAX_BULK_VALUES = 100;

/** A path id: anything but a positive safe integer names no record. */
export function parseId(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,16}$/.test(raw)) throw recordNotFound();
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw recordNotFound();
  return id;
}

/**
 * Every value of `ids` as clients send it: `ids=1,2`, `ids=1&ids=2` (an array in the query, as
 * Zendesk's OpenAPI document describes it), `ids[]=1&ids[]=2`, or a mix. Reading only the first
 * would act on part of the request and call it done.
 */
function listValues(query: URLSearchParams, param: string): string[] {
  const values = [...query.getAll(param), ...query.getAll(`${param}[]`)];
  if (values.length === 0 || values.every((value) => value.trim() === '')) {
    throw badRequest('InvalidValue', `Parameter ${param} is required`);
  }
  const parts = values.flatMap((value) => value.split(',')).map((part) => part.trim());
  if (parts.length > MAX_BULK_VALUES) throw tooManyValues(MAX_BULK_VALUES);
  return parts;
}

/** `ids` in any of the forms above: at most 100 positive integers. */
export function parseIdList(query: URLSearchParams, param = 'ids'): number[] {
  return listValues(query, param).map((part) => {
    const id = Number(part);
    if (!/^\d{1,16}$/.test(part) || !Number.isSafeInteger(id) || id < 1) {
      throw badRequest('InvalidValue', `${param} must be a list of ids; "${part}" is not an id`);
    }
    return id;
  });
}

/** String job ids for `job_statuses/show_many`, in the same forms. */
export function parseJobIdList(query: URLSearchParams): string[] {
  const ids = listValues(query, 'ids');
  if (ids.some((id) => !/^[A-Za-z0-9]{1,64}$/.test(id))) {
    throw badRequest('InvalidValue', 'ids must be a list of job status ids');
  }
  return ids;
}

/**
 * Reads `{"<envelope>": …}` from a JSON body and validates the inside with `schema`. A body without
 * the envelope that holds some of the resource's own fields is read as if it were wrapped, as a
 * Rails application's parameter wrapping reads it (node-zendesk's documented examples send such
 * bodies); its other keys are ignored. Malformed JSON and a body with neither are 400s; fields
 * that fail validation are Zendesk's 422 with per-field details.
 */
export async function readEnvelope<Schema extends z.core.$ZodObject>(
  c: Context,
  envelope: string,
  schema: Schema,
): Promise<z.output<Schema>> {
  const body = await readJsonBody(c);
  const inner = isObject(body)
    ? Object.hasOwn(body, envelope)
      ? body[envelope]
      : wrapped(body, schema)
    : undefined;
  if (inner === undefined || inner === null) {
    throw badRequest('ParameterMissing', `The body must be a JSON object with a "${envelope}" key`);
  }
  const parsed = z.safeParse(schema, inner);
  if (!parsed.success) throw recordInvalid(fieldErrorsOf(parsed.error, inner));
  return parsed.data;
}

/** The resource's own fields of an unwrapped body, or undefined when it holds none of them. */
function wrapped(
  body: Record<string, unknown>,
  schema: z.core.$ZodObject,
): Record<string, unknown> | undefined {
  const fields = new Set(Object.keys(schema._zod.def.shape));
  const own = Object.entries(body).filter(([key]) => fields.has(key));
  return own.length > 0 ? Object.fromEntries(own) : undefined;
}

export async function readJsonBody(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new ZendeskHttpError(415, {
      error: 'UnsupportedMediaType',
      description: 'Send the request body as JSON with Content-Type: application/json',
    });
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('InvalidJSON', 'The request body is not valid JSON');
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldErrorsOf(error: z.core.$ZodError, input: unknown): FieldErrors {
  const details: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'base';
    const missing = isObject(input) && issue.path.length === 1 && input[String(issue.path[0])] === undefined;
    const errors = details[field] ?? [];
    details[field] = errors;
    errors.push(
      missing
        ? { description: `${field} cannot be blank`, error: 'BlankValue' }
        : { description: `${field}: ${issue.message}`, error: 'InvalidValue' },
    );
  }
  return details;
}

/** `{"<envelope>": [item, …]}` for create_many: 1 to 100 items, each validated; a bad item rejects the request. */
export async function readBulkEnvelope<Schema extends z.core.$ZodType>(
  c: Context,
  envelope: string,
  itemSchema: Schema,
): Promise<z.output<Schema>[]> {
  const body = await readJsonBody(c);
  const items = isObject(body) ? body[envelope] : undefined;
  if (!Array.isArray(items)) {
    throw badRequest('ParameterMissing', `The body must be a JSON object with a "${envelope}" array`);
  }
  if (items.length === 0) throw badRequest('InvalidValue', `"${envelope}" must hold at least one item`);
  if (items.length > MAX_BULK_VALUES) throw tooManyValues(MAX_BULK_VALUES);
  const details: FieldErrors = {};
  const parsed: z.output<Schema>[] = [];
  items.forEach((item, index) => {
    const result = z.safeParse(itemSchema, item);
    if (result.success) parsed.push(result.data);
    else {
      for (const [field, errors] of Object.entries(fieldErrorsOf(result.error, item))) {
        details[`${envelope}[${index}].${field}`] = errors;
      }
    }
  });
  if (Object.keys(details).length > 0) throw recordInvalid(details);
  return parsed;
}
