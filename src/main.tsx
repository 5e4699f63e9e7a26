import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthorizedHandler } from './api/api-client.ts';
import { operationsOwner, sessionKeys, sessionQueryOptions } from './api/session.ts';
import { AppProviders } from './app/app-providers.tsx';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import type { RosterSession } from './contract/roster-session.ts';
import { createBulkEngine } from './lib/bulk-operations/bulk-engine.ts';
import { claimOperations, unsentItemCount } from './lib/bulk-operations/operation-owner.ts';
import { createOperationStore } from './lib/bulk-operations/operation-store.ts';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Created once per page load, outside React, so StrictMode's double effects cannot resume jobs twice.
const queryClient = createQueryClient();
// A 401 means the session ended (signed out elsewhere, expired, or Zendesk revoked the token): asking
// the server again sends the shell to the sign-in page, remembering where the person was.
setUnauthorizedHandler(() => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }));
// The shell shows nothing until it knows who is signed in: ask before React and the route's chunk load.
void queryClient.prefetchQuery(sessionQueryOptions());
const engine = createBulkEngine({
  store: createOperationStore({ storage: window.localStorage, crossTab: window }),
  queryClient,
  // DESIGN.md's budget: job polling at most one request per second in total.
  pollIntervalMs: { min: 1000, max: 5000 },
  pollSlowdown: () => (document.hidden ? 4 : 1),
  leading: false,
});
// One tab of the origin submits and polls for all of them; the lock passes on when that tab closes.
// It starts only once someone is signed in, after their claim on the stored operations, so no one
// else's unsent work goes out with their credential.
let leading = false;
function lead(): void {
  if (leading) return;
  leading = true;
  if (navigator.locks) {
    void navigator.locks.request('roster.bulk-engine.leader', () => {
      engine.lead();
      return new Promise<never>(() => {});
    });
  } else {
    engine.lead();
  }
}
queryClient.getQueryCache().subscribe((event) => {
  if (event.type !== 'updated' || event.query.queryKey[0] !== sessionKeys.all[0]) return;
  const session = event.query.state.data as RosterSession | undefined;
  if (!session?.signedIn) return;
  claimOperations(engine.store, window.localStorage, operationsOwner(session));
  lead();
});

// Work that is not yet handed to Zendesk lives only in this page; the browser asks before it goes.
window.addEventListener('beforeunload', (event) => {
  if (unsentItemCount(engine.store) > 0) event.preventDefault();
});

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} engine={engine} router={createAppRouter(queryClient)} />
  </StrictMode>,
);
