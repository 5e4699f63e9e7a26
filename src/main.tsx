import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthorizedHandler } from './api/api-client.ts';
import { sessionKeys, sessionQueryOptions } from './api/session.ts';
import { AppProviders } from './app/app-providers.tsx';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
// A 401 means the session ended (signed out elsewhere, expired, or Zendesk revoked the token): asking
// the server again sends the shell to the sign-in page, remembering where the person was.
setUnauthorizedHandler(() => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }));
// The shell shows nothing until it knows who is signed in: ask before React and the route's chunk load.
void queryClient.prefetchQuery(sessionQueryOptions());

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} router={createAppRouter(queryClient)} />
  </StrictMode>,
);
