/** What the UI can act on; the person reads `message`, which carries Zendesk's own words when there are any. */
export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'rate_limited'
  | 'too_many_jobs'
  | 'server'
  | 'network'
  | 'contract';

export type FieldErrorDetails = Record<string, { description: string; error: string }[]>;

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  /** The path without its query, e.g. `/api/v2/groups/5`. */
  readonly endpoint: string | undefined;
  /** Zendesk's `error` code, e.g. `RecordInvalid`, `TooManyJobs`. */
  readonly code: string | undefined;
  readonly details: FieldErrorDetails | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    extra: {
      status?: number;
      endpoint?: string;
      code?: string;
      details?: FieldErrorDetails;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = extra.status;
    this.endpoint = extra.endpoint;
    this.code = extra.code;
    this.details = extra.details;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export function kindOfStatus(status: number, errorCode: string | undefined): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return errorCode === 'TooManyJobs' ? 'too_many_jobs' : 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** One line for a person: Zendesk's description plus the first field detail, if any. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  const firstDetail = error.details ? Object.values(error.details)[0]?.[0]?.description : undefined;
  return firstDetail && firstDetail !== error.message ? `${error.message}: ${firstDetail}` : error.message;
}
