import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { describeError } from '../api/api-error.ts';
import { currentUserQueryOptions } from '../api/current-user.ts';
import { OperationStreamContext, useOperationEvents } from '../api/operation-events.ts';
import { sessionQueryOptions, signOut } from '../api/session.ts';
import { ErrorState, LoadingRows } from '../components/list-states.tsx';
import { useTrayOperations } from '../components/operations/use-tray-operations.ts';
import { ROLE_WORDS } from '../components/role-words.ts';
import type { Connection } from '../contract/roster-session.ts';
import { paths } from '../lib/paths.ts';
import { useWorkspaceSections, WorkspaceSwitch } from './workspace-switch.tsx';

/** Loaded only once there is an operation to show, so a first visit downloads none of it. */
const OperationTray = lazy(async () => ({
  default: (await import('../features/history/operation-tray.tsx')).OperationTray,
}));

export function AppShell() {
  const session = useQuery(sessionQueryOptions());
  const location = useLocation();
  // A click's loader can learn of the ended session before its page has loaded: sign-in then returns
  // the person to where they were going, not to the page they were leaving.
  const destination = useNavigation().location ?? location;
  if (session.isError) {
    return (
      <main id="main" className="shell-main">
        <ErrorState what="Roster's server" error={session.error} onRetry={() => session.refetch()} />
      </main>
    );
  }
  if (session.data && !session.data.signedIn) {
    return <Navigate to={paths.signIn.href(`${destination.pathname}${destination.search}`)} replace />;
  }
  return (
    <SignedInShell
      canSignOut={session.data?.mode === 'signIn'}
      connection={session.data?.connection}
      viewerId={session.data?.user ? String(session.data.user.id) : undefined}
      boxForEveryone={session.data?.box.connect ?? false}
    />
  );
}

function SignOutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // A plain state rather than useMutation keeps the mutation machinery off the first route's bundle.
  const [state, setState] = useState<{ kind: 'idle' | 'pending' } | { kind: 'failed'; reason: string }>({
    kind: 'idle',
  });
  const signOutNow = async () => {
    setState({ kind: 'pending' });
    try {
      await signOut();
    } catch (error) {
      setState({ kind: 'failed', reason: describeError(error) });
      return;
    }
    queryClient.clear();
    navigate(paths.signIn.href(), { replace: true });
  };
  return (
    <button
      type="button"
      className="button-quiet sign-out"
      disabled={state.kind === 'pending'}
      title={state.kind === 'failed' ? `Could not sign out: ${state.reason}` : undefined}
      onClick={() => void signOutNow()}
    >
      {state.kind === 'failed' ? 'Sign out failed, retry' : 'Sign out'}
    </button>
  );
}

function SignedInShell({
  canSignOut,
  connection,
  viewerId,
  boxForEveryone,
}: {
  canSignOut: boolean;
  connection: Connection | undefined;
  /** Who is signed in, to tell their operations from everyone else's as events arrive. */
  viewerId: string | undefined;
  /** Each person connects their own Box account, so Box is open to every role. */
  boxForEveryone: boolean;
}) {
  const user = useQuery({ ...currentUserQueryOptions(), enabled: connection !== undefined });
  const stream = useOperationEvents(connection !== undefined, viewerId);
  const sections = useWorkspaceSections();
  return (
    <OperationStreamContext value={stream}>
      <div className="shell">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="shell-header">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width={22} height={22} />
            <span className="brand-name">Roster</span>
          </Link>
          <span className="connection" title="Where Roster sends its API calls">
            {connection?.kind === 'zendesk' ? connection.host : connection ? 'Sandbox' : '…'}
          </span>
          {/* The server lends its one Box credential to admins only while people sign in (see roster-app.ts). */}
          {(!canSignOut || boxForEveryone || user.data?.role === 'admin') && <WorkspaceSwitch />}
          <nav aria-label="Sections" className="shell-nav">
            {user.data?.role === 'end-user' ? (
              <NavLink to={paths.user.href(user.data.id)}>My organizations</NavLink>
            ) : (
              sections.map((section) => (
                <NavLink key={section.to} to={section.to}>
                  {section.label}
                </NavLink>
              ))
            )}
          </nav>
          <span className="signed-in" aria-live="polite">
            {user.data ? (
              <>
                <span className="signed-in-name">{user.data.name}</span>
                <span className="signed-in-role">{ROLE_WORDS[user.data.role]}</span>
              </>
            ) : user.isError ? (
              'Not connected'
            ) : (
              'Connecting…'
            )}
          </span>
          {canSignOut && <SignOutButton />}
        </header>
        <main id="main" className="shell-main">
          {connection ? <Outlet /> : <LoadingRows label="Loading" rows={3} />}
        </main>
        <Tray enabled={connection !== undefined} />
      </div>
    </OperationStreamContext>
  );
}

function Tray({ enabled }: { enabled: boolean }) {
  const operations = useTrayOperations(enabled);
  if (operations.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <OperationTray operations={operations} />
    </Suspense>
  );
}
