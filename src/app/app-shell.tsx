import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { connectionQueryOptions } from '../api/connection.ts';
import { currentUserQueryOptions } from '../api/current-user.ts';
import { useBulkOperations } from '../lib/bulk-operations/use-bulk-operations.ts';
import { useWorkspaceSections, WorkspaceSwitch } from './workspace-switch.tsx';

/** Loaded only once an operation exists, so a first visit downloads none of it. */
const JobTray = lazy(async () => ({ default: (await import('../features/jobs/job-tray.tsx')).JobTray }));

export function AppShell() {
  const connection = useQuery(connectionQueryOptions());
  const user = useQuery(currentUserQueryOptions());
  const hasOperations = useBulkOperations().length > 0;
  const sections = useWorkspaceSections();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="shell-header">
        <Link to="/groups" className="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          Roster
        </Link>
        <span className="connection" title="Where Roster sends its API calls">
          {connection.data?.kind === 'zendesk' ? connection.data.host : connection.data ? 'Sandbox' : '…'}
        </span>
        <WorkspaceSwitch />
        <nav aria-label="Sections" className="shell-nav">
          {user.data?.role === 'end-user' ? (
            <NavLink to={`/users/${user.data.id}`}>My organizations</NavLink>
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
              <span className="signed-in-role">{user.data.role}</span>
            </>
          ) : user.isError ? (
            'Not connected'
          ) : (
            'Connecting…'
          )}
        </span>
      </header>
      <main id="main" className="shell-main">
        <Outlet />
      </main>
      {hasOperations && (
        <Suspense fallback={null}>
          <JobTray />
        </Suspense>
      )}
    </div>
  );
}
