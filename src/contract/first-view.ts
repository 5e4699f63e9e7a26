/**
 * What the server's first render of a page (src/entry-server.tsx, built into dist-ssr/) offers the
 * server (src/server/ssr/), which loads it at run time: the SPA and the server share only this.
 */
export type FirstView =
  /**
   * The page's markup for `#root`, the data block the browser hydrates from, the page modules its
   * route loads (paths from the project root, as in the build's manifest) and where the time went.
   */
  | { kind: 'page'; html: string; stateScript: string; modules: string[]; timings: FirstViewTiming[] }
  /** A signed-out visitor: to the sign-in page, as the browser would go. */
  | { kind: 'redirect'; location: string }
  /** The page shell alone, and the SPA starts as it would without server rendering. */
  | { kind: 'shell'; reason: string };

/** One step of a first render, for the page's `Server-Timing` header. */
export type FirstViewTiming = {
  /** `data` (waiting for the upstream), `render`, `state` (dehydrating and escaping it). */
  name: 'data' | 'render' | 'state';
  ms: number;
  /** How many times it happened (renders: one unless the page asked for data no loader started). */
  count: number;
};

/** Sends one request to the server's own routes with the visitor's cookie; `path` starts with `/`. */
export type SendApiRequest = (path: string, init: RequestInit) => Promise<Response>;

export type FirstViewRequest = {
  /** The browser's request for the page (its URL decides the route). */
  request: Request;
  send: SendApiRequest;
  /** How long to wait for upstream data before rendering what has arrived. */
  timeoutMs: number;
};

export type FirstViewModule = { renderFirstView(input: FirstViewRequest): Promise<FirstView> };
