import { useQuery } from '@tanstack/react-query';
import { Link, Outlet } from 'react-router';
import { connectionQueryOptions } from '../api/connection.ts';
import { currentUserQueryOptions } from '../api/current-user.ts';

export function AppShell() {
  const connection = useQuery(connectionQueryOptions());
  const user = useQuery(currentUserQueryOptions());
  return (
    <div className="shell">
      <header className="shell-header">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          Roster
        </Link>
        <span className="connection" title="Where Roster sends its API calls">
          {connection.data?.kind === 'zendesk' ? connection.data.host : connection.data ? 'Sandbox' : '…'}
        </span>
        <span className="spacer" />
        <span className="signed-in" aria-live="polite">
          {user.data ? (
            <>
              <span className="signed-in-name">{user.data.name}</span>
              <span className="signed-in-role">{user.data.role}</span>
            </>
          ) : user.isError ? (
            'Not connected'
          ) : (
            'Connecting…'
          )}
        </span>
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
