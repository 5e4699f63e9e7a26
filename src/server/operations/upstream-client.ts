import type { z } from 'zod/mini';
import { describeFetchFailure, isTimeout } from '../proxy/describe-fetch-failure.ts';
import type { Upstream } from '../proxy/upstream.ts';

const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * What went wrong with one upstream request, sorted by what the runner does about it:
 * `transient` (5xx, network, timeout) is retried with backoff, `wait` (429, TooManyJobs) waits
 * `Retry-After` and asks again, `unauthorized` pauses the operation, `refused` is the upstream's
 * final word on the item.
 */
export type UpstreamFailureKind =
  | 'transient'
  | 'wait'
  | 'too_many_jobs'
  | 'unauthorized'
  | 'not_found'
  | 'refused';

export class UpstreamFailure extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    readonly status: number | undefined,
    /** The upstream's own code: Zendesk's `error` (`DuplicateValue` for a duplicate's field detail) or Box's `code`. */
    readonly code: string | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}

export type UpstreamClient = {
  /** Requests sent through this client so far (a review reports its cost). */
  readonly requests: () => number;
  get<T extends z.ZodMiniType>(path: string, schema: T): Promise<z.infer<T>>;
  send<T extends z.ZodMiniType>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    schema: T | undefined,
  ): Promise<z.infer<T> | undefined>;
};

function kindOf(status: number, code: string | undefined): UpstreamFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 429) return code === 'TooManyJobs' ? 'too_many_jobs' : 'wait';
  if (status >= 500 || status === 408) return 'transient';
  return 'refused';
}

/** One upstream's API: where its paths start, and how its error bodies read. */
export type UpstreamApi = {
  prefix: string;
  /** The upstream's code and words from an error body; undefined for a body in another form. */
  readError(body: unknown): { code: string; message: string } | undefined;
};

/** Calls one upstream's API (providers/zendesk-api.ts, box-api.ts) with one person's `Authorization`. */
export function createUpstreamClient(
  upstream: Upstream,
  api: UpstreamApi,
  authorization: string,
): UpstreamClient {
  let requests = 0;
  async function request(method: string, path: string, body: unknown): Promise<unknown> {
    requests++;
    const headers = new Headers({ authorization, accept: 'application/json' });
    if (body !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await upstream.fetch(
        new Request(`${upstream.baseUrl}${api.prefix}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
        }),
      );
    } catch (error) {
      const message = isTimeout(error)
        ? `No answer within ${UPSTREAM_TIMEOUT_MS / 1000} seconds`
        : describeFetchFailure(error, upstream.baseUrl);
      throw new UpstreamFailure(
        'transient',
        message,
        undefined,
        isTimeout(error) ? 'Timeout' : 'NetworkError',
        undefined,
      );
    }
    if (response.status === 204) return undefined;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const { code, message } = api.readError(parsed) ?? {
        code: undefined,
        message: `The upstream answered ${response.status}`,
      };
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new UpstreamFailure(
        kindOf(response.status, code),
        message,
        response.status,
        code,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    return parsed;
  }

  function validate<T extends z.ZodMiniType>(schema: T, body: unknown, path: string): z.infer<T> {
    const result = schema.safeParse(body);
    if (!result.success) {
      throw new UpstreamFailure(
        'transient',
        `Unexpected answer from ${path}`,
        undefined,
        'ContractViolation',
        undefined,
      );
    }
    return result.data;
  }

  return {
    requests: () => requests,
    async get(path, schema) {
      return validate(schema, await request('GET', path, undefined), path);
    },
    async send(method, path, body, schema) {
      const answer = await request(method, path, body);
      return schema ? validate(schema, answer, path) : undefined;
    },
  };
}
