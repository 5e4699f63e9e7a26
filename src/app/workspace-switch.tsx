import { Link, useLocation } from 'react-router';

export type Workspace = 'zendesk' | 'box';

const SECTIONS: Record<Workspace, readonly { to: string; label: string }[]> = {
  zendesk: [
    { to: '/groups', label: 'Groups' },
    { to: '/organizations', label: 'Organizations' },
    { to: '/users', label: 'Users' },
    { to: '/matrix', label: 'Grid' },
    { to: '/history', label: 'History' },
    { to: '/import', label: 'Import' },
  ],
  box: [
    { to: '/box/groups', label: 'Groups' },
    { to: '/box/users', label: 'Users' },
    { to: '/box/matrix', label: 'Grid' },
    { to: '/history', label: 'History' },
    { to: '/box/import', label: 'Import' },
  ],
};

/** The workspace is part of the URL: Box pages live under `/box`. */
export function useWorkspace(): Workspace {
  return useLocation().pathname.startsWith('/box') ? 'box' : 'zendesk';
}

export function useWorkspaceSections() {
  return SECTIONS[useWorkspace()];
}

/** Zendesk or Box: which provider's groups and people the header's sections open. */
export function WorkspaceSwitch() {
  const workspace = useWorkspace();
  return (
    <nav aria-label="Workspace" className="workspace-switch">
      <Link to="/groups" aria-current={workspace === 'zendesk' ? 'page' : undefined}>
        Zendesk
      </Link>
      <Link to="/box/groups" aria-current={workspace === 'box' ? 'page' : undefined}>
        Box
      </Link>
    </nav>
  );
}
