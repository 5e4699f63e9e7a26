import type { Context } from 'hono';

export type UpstreamFetch = (request: Request) => Response | Promise<Response>;

export type Upstream = {
  /** e.g. `https://acme.zendesk.com` or `http://127.0.0.1:4780/sandbox`. */
  baseUrl: string;
  authorization: string;
  /** The network for a real account; the sandbox's own handler when it is embedded. */
  fetch: UpstreamFetch;
};

const REQUEST_HEADERS = ['accept', 'content-type'];
const RESPONSE_HEADER = /^(content-type|retry-after|x-rate-limit.*|ratelimit-.*)$/i;
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * Forwards an API call (`/api/v2/*`, or `/api/box/2.0/*` with `stripPrefix: "/api/box"`) to the upstream with the server-held credential. Only the headers an API
 * call needs cross in either direction: the browser's cookies never reach the upstream and the
 * upstream's cookies never reach the browser.
 */
export function forwardToUpstream(upstream: Upstream, options: { stripPrefix?: string } = {}) {
  const prefix = options.stripPrefix ?? '';
  return async (c: Context) => {
    const incoming = new URL(c.req.url);
    const path = incoming.pathname.startsWith(prefix)
      ? incoming.pathname.slice(prefix.length)
      : incoming.pathname;
    const target = `${upstream.baseUrl}${path}${incoming.search}`;
    const headers = new Headers({ authorization: upstream.authorization });
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
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return c.json(
        {
          error: timedOut ? 'UpstreamTimeout' : 'UpstreamUnavailable',
          description: timedOut
            ? `The upstream did not answer within ${UPSTREAM_TIMEOUT_MS / 1000} seconds`
            : `The upstream could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        },
        timedOut ? 504 : 502,
      );
    }
    const outgoing = new Headers();
    response.headers.forEach((value, name) => {
      if (RESPONSE_HEADER.test(name)) outgoing.set(name, value);
    });
    return new Response(response.body, { status: response.status, headers: outgoing });
  };
}

export function basicTokenAuthorization(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;
}
