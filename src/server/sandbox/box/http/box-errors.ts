import { randomBytes } from 'node:crypto';
import type { BoxErrorBody, BoxErrorCode } from '../../../../contract/box/box-error.ts';

type BoxErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429 | 500 | 503;

const HELP_URL = 'http://developers.box.com/docs/#errors';

/**
 * A refusal answered with Box's status and error body; thrown below a route and turned into the
 * response by the Box app's error handler.
 */
export class BoxHttpError extends Error {
  readonly body: BoxErrorBody;
  constructor(
    readonly status: BoxErrorStatus,
    code: BoxErrorCode,
    message: string,
    contextInfo?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`Box error ${status} ${code}`);
    this.body = {
      type: 'error',
      status,
      code,
      message,
      ...(contextInfo && { context_info: contextInfo }),
      help_url: HELP_URL,
      request_id: randomBytes(8).toString('hex'),
    };
  }
}

const invalidParameter = (name: string, message: string) => ({
  errors: [{ reason: 'invalid_parameter', name, message }],
});

export const boxUnauthorized = () =>
  new BoxHttpError(401, 'unauthorized', 'Unauthorized', undefined, {
    'WWW-Authenticate':
      'Bearer realm="Service", error="invalid_token", error_description="The access token provided is invalid."',
  });

export const boxForbidden = (message = 'Access denied - insufficient permission') =>
  new BoxHttpError(403, 'access_denied_insufficient_permissions', message);

export const boxNotFound = (what: string, id: string) =>
  new BoxHttpError(
    404,
    'not_found',
    'Not Found',
    invalidParameter(what, `Invalid value '${id}'. '${what}' with value '${id}' not found`),
  );

export const boxEndpointNotFound = () => new BoxHttpError(404, 'not_found', 'Not Found');

export const boxMethodNotAllowed = () => new BoxHttpError(405, 'method_not_allowed', 'Method Not Allowed');

export const boxBadRequest = (message: string, name?: string) =>
  new BoxHttpError(
    400,
    'bad_request',
    message,
    name === undefined ? undefined : invalidParameter(name, message),
  );

export const boxInvalidLimit = (value: string) =>
  new BoxHttpError(400, 'invalid_limit', `Invalid value '${value}' for limit: must be a positive integer`);

export const boxInvalidOffset = (message: string) => new BoxHttpError(400, 'invalid_offset', message);

export const boxConflict = (message: string, conflicts: unknown[]) =>
  new BoxHttpError(409, 'conflict', message, { conflicts });

export const boxRateLimitExceeded = (retryAfterSeconds: number) =>
  new BoxHttpError(
    429,
    'rate_limit_exceeded',
    'Request rate limit exceeded, please try again later',
    undefined,
    {
      'retry-after': String(retryAfterSeconds),
    },
  );

export const boxInternalError = (status: 500 | 503 = 500) =>
  new BoxHttpError(
    status,
    'internal_server_error',
    'The sandbox failed this request on purpose (fault injection)',
  );
