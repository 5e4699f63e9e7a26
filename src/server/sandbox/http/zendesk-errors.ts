import type { ZendeskErrorBody, ZendeskErrorListBody } from '../../../contract/zendesk-error.ts';

type ErrorStatus = 400 | 401 | 403 | 404 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * A refusal the sandbox answers with Zendesk's own status and body. Thrown anywhere below a route
 * and turned into the response by the app's error handler, so handlers read as the happy path.
 */
export class ZendeskHttpError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly body: ZendeskErrorBody | ZendeskErrorListBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`Zendesk error ${status}`);
  }
}

export const unauthorized = () =>
  new ZendeskHttpError(
    401,
    { error: "Couldn't authenticate you" },
    { 'WWW-Authenticate': 'Basic realm="Web Password"' },
  );

export const forbidden = () =>
  new ZendeskHttpError(403, { error: 'Forbidden', description: 'You do not have access to this resource' });

export const recordNotFound = () =>
  new ZendeskHttpError(404, { error: 'RecordNotFound', description: 'Not found' });

export const invalidEndpoint = () =>
  new ZendeskHttpError(404, { error: 'InvalidEndpoint', description: 'Not found' });

export const tooManyValues = (limit: number) =>
  new ZendeskHttpError(400, {
    error: 'TooManyValues',
    description: `A maximum of ${limit} values can be sent in one request`,
  });

export const invalidPagination = (title: string) =>
  new ZendeskHttpError(400, { errors: [{ code: 'InvalidPaginationParameter', title }] });

export const badRequest = (error: string, description: string) =>
  new ZendeskHttpError(400, { error, description });

export type FieldErrors = Record<string, { description: string; error: string }[]>;

export const recordInvalid = (details: FieldErrors) =>
  new ZendeskHttpError(422, { error: 'RecordInvalid', description: 'Record validation errors', details });

export const tooManyJobs = (retryAfterSeconds: number, limit: number) =>
  new ZendeskHttpError(
    429,
    {
      error: 'TooManyJobs',
      description: `The account has ${limit} queued or running jobs; try again when one has finished`,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
