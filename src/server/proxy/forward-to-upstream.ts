import type { Context } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import { describeFetchFailure, isTimeout } from './describe-fetch-failure.ts';
import type { Upstream } from './upstream.ts';

const REQUEST_HEADERS = ['accept', 'content-type'];
const RESPONSE_HEADER = /^(content-type|retry-after|x-rate-limit.*|ratelimit-.*)$/i;
const UPSTREAM_TIMEOUT_MS = 30_000;

export type ForwardOptions = {
  /** The `Authorization` header for this request: the signed-in person's or the configured one. */
  authorization: (c: Context) => string;
  /** Removed from the path before forwarding: `/api/box` turns `/api/box/2.0/…` into Box's `/2.0/…`. */
  stripPrefix?: string;
  /** The upstream refused the credential sent (401): the session holding it may be over. */
  onUnauthorized?: (c: Context, sentAuthorization: string) => Promise<void> | void;
};

/**
 * Forwards an API call (`/api/v2/*`, or `/api/box/2.0/*` with `stripPrefix: '/api/box'`) to the
 * upstream with the server-held credential. Only the headers an API
 * call needs cross in either direction: the browser's cookies never reach the upstream and the
 * upstream's cookies never reach the browser.
 */
export function forwardToUpstream(upstream: Upstream, options: ForwardOptions) {
  return async (c: Context) => {
    const incoming = new URL(c.req.url);
    const prefix = options.stripPrefix ?? '';
    const path = incoming.pathname.startsWith(prefix)
      ? incoming.pathname.slice(prefix.length)
      : incoming.pathname;
    const target = `${upstream.baseUrl}${path}${incoming.search}`;
    const authorization = options.authorization(c);
    const headers = new Headers({ authorization });
    for (const name of REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value) headers.set(name, value);
    }
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    let response: Response;
    try {
      response = await upstream.fetch(
        new Request(target, {
          method: c.req.method,
          headers,
          body: hasBody ? await c.req.arrayBuffer() : undefined,
          signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
        }),
      );
    } catch (error) {
      const timedOut = isTimeout(error);
      return c.json(
        {
          error: timedOut ? 'UpstreamTimeout' : 'UpstreamUnavailable',
          description: timedOut
            ? `Zendesk did not answer within ${UPSTREAM_TIMEOUT_MS / 1000} seconds`
            : describeFetchFailure(error, upstream.baseUrl),
        },
        timedOut ? 504 : 502,
      );
    }
    if (response.status === 401) await options.onUnauthorized?.(c, authorization);
    const outgoing = new Headers();
    response.headers.forEach((value, name) => {
      if (RESPONSE_HEADER.test(name)) outgoing.set(name, value);
    });
    // newResponse keeps headers set on the context, such as the cookie that ends a refused session.
    return c.newResponse(response.body, response.status as StatusCode, Object.fromEntries(outgoing));
  };
}
