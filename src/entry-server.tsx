import { AsyncLocalStorage } from 'node:async_hooks';
import { dehydrate, type Query, type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import {
  createStaticHandler,
  createStaticRouter,
  type StaticHandlerContext,
  StaticRouterProvider,
} from 'react-router';
import { setApiFetch, setApiRetries } from './api/api-client.ts';
import { currentUserQueryOptions } from './api/current-user.ts';
import { sessionQueryOptions } from './api/session.ts';
import { isClientOnlyRoute } from './app/client-only-route.ts';
import { firstViewStateScript } from './app/first-view-state.ts';
import { pageModuleOf } from './app/lazy-page.ts';
import { createQueryClient } from './app/query-client.ts';
import { Timings } from './app/render-timings.ts';
import { appRoutes } from './app/router.tsx';
import type { FirstView, FirstViewRequest, SendApiRequest } from './contract/first-view.ts';
import { paths } from './lib/paths.ts';

/**
 * The server's first render of a page: the route's loaders start their queries and the page renders
 * once they have answered; should it ask for queries no loader started, those are fetched and it
 * renders again, until nothing new is asked for or the time is up. The queries that answered go
 * into the page for the browser to hydrate; the rest render as the SPA's own loading state, which
 * the browser then fills in.
 */
const MAX_RENDER_PASSES = 4;
/** The render itself reads nothing from the network; the grace covers a slow machine, not the upstream. */
const RENDER_GRACE_MS = 1000;
const requestSend = new AsyncLocalStorage<SendApiRequest>();
// Every request of a render goes through the visitor's own `send`, even when several pages render at once.
setApiFetch((url, init) => {
  const send = requestSend.getStore();
  if (!send) return Promise.reject(new Error('An API request outside a first render'));
  return send(url, init);
});

setApiRetries(false);

export function renderFirstView(input: FirstViewRequest): Promise<FirstView> {
  return requestSend.run(input.send, () => render(input));
}

async function render({ request, timeoutMs }: FirstViewRequest): Promise<FirstView> {
  const deadline = Date.now() + timeoutMs;
  const queryClient = createQueryClient();
  const url = new URL(request.url);
  const signingIn = url.pathname === paths.signIn.pattern;
  // Who is signed in, who that is upstream and the route's own data are asked for at once: a
  // signed-in visitor, the one who matters for speed, needs all three.
  const sessionRead = queryClient.fetchQuery(sessionQueryOptions()).catch(() => undefined);
  if (!signingIn) void queryClient.prefetchQuery(currentUserQueryOptions());
  const handler = createStaticHandler(appRoutes(queryClient));
  const contextRead = handler.query(request);
  // Left unread when the visitor is sent elsewhere; awaited below otherwise.
  contextRead.catch(() => {});
  const timings = new Timings();
  const session = await timings.time('data', () => untilDeadline(sessionRead, deadline));
  if (!session) return shell(queryClient, 'the session could not be read in time');
  if (!session.signedIn && !signingIn) {
    void queryClient.cancelQueries();
    return { kind: 'redirect', location: paths.signIn.href(`${url.pathname}${url.search}`) };
  }
  if (session.signedIn && signingIn)
    return shell(queryClient, 'the sign-in page sends a signed-in person on');

  const context = await timings.time('data', () => contextRead);
  if (context instanceof Response) return shell(queryClient, 'a loader answered with a response');
  if (context.errors) return shell(queryClient, 'a loader failed');
  if (context.matches.some((match) => isClientOnlyRoute(match.route.handle))) {
    return shell(queryClient, 'the route only redirects');
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const page = () => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </QueryClientProvider>
    </StrictMode>
  );

  // The loaders started the page's queries: rendering once they answer is the one render a page
  // needs. A page that asks for data no loader started is rendered again once that has answered.
  const attempted = new Set<string>();
  let answered = await timings.time('data', () => untilAnswered(queryClient, attempted, deadline));
  let html = await timings.time('render', () => renderToHtml(page(), deadline));
  for (let pass = 1; answered && pass < MAX_RENDER_PASSES; pass++) {
    const asked = unfetchedQueries(queryClient, attempted);
    if (asked.length === 0) break;
    for (const query of asked) {
      attempted.add(query.queryHash);
      query.fetch().catch(() => {});
    }
    answered = await timings.time('data', () => untilAnswered(queryClient, attempted, deadline));
    html = await timings.time('render', () => renderToHtml(page(), deadline));
  }
  const stateScript = timings.timeSync('state', () => firstViewStateScript(stateOf(context, queryClient)));
  const modules = context.matches.flatMap((match) => pageModuleOf(match.route.handle) ?? []);
  return { kind: 'page', html, stateScript, modules, timings: timings.list() };
}

/**
 * Waits until no query is fetching; a query still fetching at the deadline is cancelled and a
 * failed one removed, so both render as loading and the browser asks again, showing its own error
 * state; the server asks no more (a loader's query included). False if the deadline came first.
 */
async function untilAnswered(
  queryClient: QueryClient,
  attempted: Set<string>,
  deadline: number,
): Promise<boolean> {
  const answered = await untilIdle(queryClient, deadline);
  if (!answered) await queryClient.cancelQueries();
  queryClient.removeQueries({
    predicate: (query) => {
      if (query.state.status !== 'error') return false;
      attempted.add(query.queryHash);
      return true;
    },
  });
  return answered;
}

function stateOf(context: StaticHandlerContext, queryClient: QueryClient) {
  return {
    router: { loaderData: context.loaderData, actionData: context.actionData },
    queries: dehydrate(queryClient),
  };
}

function shell(queryClient: QueryClient, reason: string): FirstView {
  void queryClient.cancelQueries();
  return { kind: 'shell', reason };
}

/** The queries a render asked for that are neither loaded nor loading, and may run. */
function unfetchedQueries(queryClient: QueryClient, attempted: ReadonlySet<string>): Query[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter(
      (query) =>
        query.state.status === 'pending' &&
        query.state.fetchStatus === 'idle' &&
        !attempted.has(query.queryHash) &&
        isEnabled(query),
    );
}

/** On the server no observer subscribes, so a query's own `enabled` option is read directly. */
function isEnabled(query: Query): boolean {
  const enabled: unknown = (query.options as { enabled?: unknown }).enabled;
  if (typeof enabled === 'function') return enabled(query) !== false;
  return enabled !== false;
}

/** The promise's value, or undefined if the deadline comes first. */
function untilDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves true once no query is fetching, false if the deadline comes first. */
function untilIdle(queryClient: QueryClient, deadline: number): Promise<boolean> {
  return new Promise((resolve) => {
    const cache = queryClient.getQueryCache();
    let unsubscribe = () => {};
    const finish = (idle: boolean) => {
      unsubscribe();
      clearTimeout(timer);
      resolve(idle);
    };
    const timer = setTimeout(() => finish(false), Math.max(0, deadline - Date.now()));
    unsubscribe = cache.subscribe(() => {
      if (queryClient.isFetching() === 0) finish(true);
    });
    if (queryClient.isFetching() === 0) finish(true);
  });
}

/** Waits for lazy components too (unlike renderToString), so nothing is left to the browser to finish. */
async function renderToHtml(element: ReactNode, deadline: number): Promise<string> {
  const signal = AbortSignal.timeout(Math.max(0, deadline - Date.now()) + RENDER_GRACE_MS);
  const { prelude } = await prerender(element, { signal, onError: () => {} });
  return new Response(prelude).text();
}
