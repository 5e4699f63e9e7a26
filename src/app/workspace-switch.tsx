import { Link, useLocation } from 'react-router';
import { isBoxPath, paths } from '../lib/paths.ts';

export type Workspace = 'zendesk' | 'box';

const SECTIONS: Record<Workspace, readonly { to: string; label: string }[]> = {
  zendesk: [
    { to: paths.groups.href(), label: 'Groups' },
    { to: paths.organizations.href(), label: 'Organizations' },
    { to: paths.users.href(), label: 'Users' },
    { to: paths.groupMatrix.href(), label: 'Grid' },
    { to: paths.history.href(), label: 'History' },
    { to: paths.import.href(), label: 'Import' },
  ],
  box: [
    { to: paths.boxGroups.href(), label: 'Groups' },
    { to: paths.boxUsers.href(), label: 'Users' },
    { to: paths.boxMatrix.href(), label: 'Grid' },
    { to: paths.history.href(), label: 'History' },
    { to: paths.boxImport.href(), label: 'Import' },
  ],
};

/** The workspace is part of the URL: Box pages live under `/box`. */
export function useWorkspace(): Workspace {
  return isBoxPath(useLocation().pathname) ? 'box' : 'zendesk';
}

export function useWorkspaceSections() {
  return SECTIONS[useWorkspace()];
}

/** Zendesk or Box: which provider's groups and people the header's sections open. */
export function WorkspaceSwitch() {
  const workspace = useWorkspace();
  return (
    <nav aria-label="Workspace" className="workspace-switch">
      <Link to={paths.groups.href()} aria-current={workspace === 'zendesk' ? 'page' : undefined}>
        Zendesk
      </Link>
      <Link to={paths.boxGroups.href()} aria-current={workspace === 'box' ? 'page' : undefined}>
        Box
      </Link>
    </nav>
  );
}
