import { hydrate } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { matchRoutes, type RouteObject } from 'react-router';
import { setUnauthorizedHandler } from './api/api-client.ts';
import { sessionKeys, sessionQueryOptions } from './api/session.ts';
import { AppProviders } from './app/app-providers.tsx';
import { readFirstViewState } from './app/first-view-state.ts';
import { createQueryClient } from './app/query-client.ts';
import { appRoutes, createAppRouter } from './app/router.tsx';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
// A 401 means the session ended (signed out elsewhere, expired, or Zendesk revoked the token): asking
// the server again sends the shell to the sign-in page, remembering where the person was.
setUnauthorizedHandler(() => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }));
const firstView = readFirstViewState(document);
if (firstView) hydrate(queryClient, firstView.queries);
// The shell shows nothing until it knows who is signed in: ask before React and the route's chunk load
// (a page the server rendered already holds the answer, and this asks nothing).
void queryClient.prefetchQuery(sessionQueryOptions());

const routes = appRoutes(queryClient);
if (firstView) {
  // The server rendered this route's page: its lazy modules must be here before hydrating, or the
  // first client render would show the fallback where the server's markup has the page. Not a
  // top-level await: the route chunks import this module, which must finish evaluating first.
  const { router } = firstView;
  void loadLazyRoutes(routes).then(() =>
    hydrateRoot(
      root,
      <StrictMode>
        <AppProviders queryClient={queryClient} router={createAppRouter(routes, router)} />
        <Hydrated />
      </StrictMode>,
    ),
  );
} else {
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} router={createAppRouter(routes)} />
    </StrictMode>,
  );
}

/** Renders nothing; once the server's markup is hydrated, lets people use it (the server sent it inert). */
function Hydrated() {
  useEffect(() => root?.removeAttribute('inert'), []);
  return null;
}

async function loadLazyRoutes(routes: RouteObject[]): Promise<void> {
  const lazyMatches = (matchRoutes(routes, window.location) ?? []).filter((match) => match.route.lazy);
  await Promise.all(
    lazyMatches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const module = await route.lazy();
      Object.assign(route, { ...module, lazy: undefined });
    }),
  );
}
