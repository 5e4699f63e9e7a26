export type UpstreamFetch = (request: Request) => Response | Promise<Response>;

/** Where `/api/v2/*` and the OAuth token endpoint go: a real Zendesk account or the sandbox. */
export type Upstream = {
  /** e.g. `https://acme.zendesk.com` or `http://127.0.0.1:4780/sandbox`. */
  baseUrl: string;
  /** The network for a real account; the sandbox's own handler when it is embedded. */
  fetch: UpstreamFetch;
};
