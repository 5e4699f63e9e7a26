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

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly endpoint?: string,
  ) {
    super(message);
    this.name = 'ApiError';
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
