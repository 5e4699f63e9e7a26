import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/app-providers.tsx';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import { createBulkEngine } from './lib/bulk-operations/bulk-engine.ts';
import { createOperationStore } from './lib/bulk-operations/operation-store.ts';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Created once per page load, outside React, so StrictMode's double effects cannot resume jobs twice.
const queryClient = createQueryClient();
const engine = createBulkEngine({
  store: createOperationStore({ storage: window.localStorage, crossTab: window }),
  queryClient,
  // DESIGN.md's budget: job polling at most one request per second in total.
  pollIntervalMs: { min: 1000, max: 5000 },
  pollSlowdown: () => (document.hidden ? 4 : 1),
  leading: false,
});
// One tab of the origin submits and polls for all of them; the lock passes on when that tab closes.
if (navigator.locks) {
  void navigator.locks.request('roster.bulk-engine.leader', () => {
    engine.lead();
    return new Promise<never>(() => {});
  });
} else {
  engine.lead();
}

// Work that is not yet handed to Zendesk lives only in this page; the browser asks before it goes.
window.addEventListener('beforeunload', (event) => {
  const unsent = engine.store
    .getSnapshot()
    .some((operation) =>
      operation.attempts.some((attempt) => attempt.chunks.some((chunk) => chunk.state === 'pending')),
    );
  if (unsent) event.preventDefault();
});

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} engine={engine} router={createAppRouter(queryClient)} />
  </StrictMode>,
);
