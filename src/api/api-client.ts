import type { z } from 'zod/mini';
import { rosterErrorSchema } from '../contract/roster-operations.ts';
import { abortableSleep } from './abortable-sleep.ts';
import { ApiError, kindOfStatus } from './api-error.ts';
import { readErrorBody } from './providers/error-readers.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type ApiRequestOptions<Schema extends z.ZodMiniType> = {
  method?: HttpMethod;
  body?: unknown;
  schema: Schema;
  signal?: AbortSignal;
  /** False answers a 429 at once: a sign-in refused for minutes should say so, not wait. */
  waitOutRateLimit?: boolean;
};

/** Same origin in the browser; tests in Node point this at a running server. */
let apiOrigin = '';
export function setApiOrigin(origin: string): void {
  apiOrigin = origin;
}

/**
 * How requests leave: the browser's `fetch`, or on the server's first render, a call into the
 * server's own forwarding with the visitor's cookie (see entry-server.tsx).
 */
let apiFetch: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init);
export function setApiFetch(send: (url: string, init: RequestInit) => Promise<Response>): void {
  apiFetch = send;
}

/**
 * Off on the server's first render: a failed or rate-limited read is left to the browser, which
 * retries it and shows its own error state, rather than spending the render's time budget waiting.
 */
let retries = true;
export function setApiRetries(enabled: boolean): void {
  retries = enabled;
}

let onUnauthorized: (() => void) | undefined;
/** Called on a 401 from an API call: the session is over, or never was, and sign-in is next. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const READ_RETRY_DELAYS_MS = [300, 1200];
const NEVER_ABORTED = new AbortController().signal;
const MAX_RATE_LIMIT_WAITS = 3;
const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Calls the Zendesk or Box API through Roster's server, or Roster's own `/roster/*` API, and parses
 * the answer with `schema`. A 429 rate limit is waited out (Retry-After) and retried for any method,
 * since the request was not processed; network failures and 5xx are retried for reads only, because a write may have happened.
 */
export async function apiRequest<Schema extends z.ZodMiniType>(
  path: string,
  options: ApiRequestOptions<Schema>,
): Promise<z.infer<Schema>> {
  const method = options.method ?? 'GET';
  let readRetries = 0;
  let rateLimitWaits = 0;
  for (;;) {
    try {
      return await attempt(path, method, options);
    } catch (error) {
      if (!(error instanceof ApiError) || options.signal?.aborted || !retries) throw error;
      const waits = options.waitOutRateLimit !== false && rateLimitWaits < MAX_RATE_LIMIT_WAITS;
      if (error.kind === 'rate_limited' && waits) {
        rateLimitWaits++;
        await abortableSleep((error.retryAfterSeconds ?? 1) * 1000, options.signal ?? NEVER_ABORTED);
        continue;
      }
      const delay = READ_RETRY_DELAYS_MS[readRetries];
      if (method === 'GET' && (error.kind === 'network' || error.kind === 'server') && delay !== undefined) {
        readRetries++;
        await abortableSleep(delay, options.signal ?? NEVER_ABORTED);
        continue;
      }
      throw error;
    }
  }
}

async function attempt<Schema extends z.ZodMiniType>(
  path: string,
  method: HttpMethod,
  options: ApiRequestOptions<Schema>,
): Promise<z.infer<Schema>> {
  const endpoint = path.split('?')[0] ?? path;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await apiFetch(`${apiOrigin}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('network', 'Roster could not reach its server. Check the connection and retry.', {
      endpoint,
    });
  }
  const text = await response.text();
  const body = parseJson(text);
  if (response.status === 401 && (path.startsWith('/api/') || path.startsWith('/roster/operations'))) {
    onUnauthorized?.();
  }
  if (!response.ok) {
    throw endpoint.startsWith('/roster/')
      ? rosterErrorFrom(response, body, endpoint)
      : errorFrom(response, body, endpoint);
  }
  const parsed = options.schema.safeParse(response.status === 204 ? undefined : body);
  if (!parsed.success) {
    throw new ApiError('contract', `The answer from ${endpoint} did not have the expected shape.`, {
      status: response.status,
      endpoint,
    });
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfterOf(response: Response): { retryAfterSeconds?: number } {
  const retryAfter = Number(response.headers.get('retry-after'));
  return Number.isFinite(retryAfter) && retryAfter > 0
    ? { retryAfterSeconds: Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) }
    : {};
}

/** Roster's own `{error, description, details: [{path, message}]}`, its field details in Zendesk's form. */
function rosterErrorFrom(response: Response, body: unknown, endpoint: string): ApiError {
  const roster = rosterErrorSchema.safeParse(body);
  if (!roster.success) return errorFrom(response, body, endpoint);
  const { error, description, details } = roster.data;
  return new ApiError(kindOfStatus(response.status, error), description, {
    status: response.status,
    endpoint,
    code: error,
    ...(details?.length && {
      details: Object.fromEntries(
        details.map((detail) => [detail.path, [{ description: detail.message, error: 'invalid' }]]),
      ),
    }),
    ...retryAfterOf(response),
  });
}

function errorFrom(response: Response, body: unknown, endpoint: string): ApiError {
  const reading = readErrorBody(endpoint, body);
  const message = reading?.message ?? `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(kindOfStatus(response.status, reading?.code), message, {
    status: response.status,
    endpoint,
    ...(reading?.code !== undefined && { code: reading.code }),
    ...(reading?.details && { details: reading.details }),
    ...retryAfterOf(response),
  });
}
