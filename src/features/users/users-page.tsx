import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMembershipPermissions } from '../../api/membership-permissions.ts';
import { organizationsByIdsQueryOptions } from '../../api/organizations.ts';
import { allGroupsQueryOptions } from '../../api/user-memberships.ts';
import { type UserRoleFilter, usersQueryOptions } from '../../api/users.ts';
import { BulkActionBar } from '../../components/bulk-action-bar.tsx';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import { isSelected, useRowSelection } from '../../components/data-table/row-selection.ts';
import { VirtualTable, type VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { GuardedButton } from '../../components/guarded-button.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import type { User } from '../../contract/user.ts';
import type { AssignKind } from './assign-memberships-dialog.tsx';

const ROLE_FILTERS: Record<UserRoleFilter, string> = {
  staff: 'Agents and admins',
  agent: 'Agents',
  admin: 'Admins',
  'end-user': 'End users',
  all: 'Everyone',
};
const isRoleFilter = (value: string | null): value is UserRoleFilter =>
  value !== null && value in ROLE_FILTERS;
const ROLE_LABELS = { admin: 'Admin', agent: 'Agent', 'end-user': 'End user' } as const;
const SEARCH_DELAY_MS = 250;

/** Loads when opened, so the list shows sooner. */
const AssignMembershipsDialog = lazy(async () => ({
  default: (await import('./assign-memberships-dialog.tsx')).AssignMembershipsDialog,
}));

function columns(
  groupName: Map<number, string>,
  organizationName: Map<number, string>,
  selection: { isSelected: (id: number) => boolean; toggle: (id: number) => void },
): VirtualTableColumn<User>[] {
  return [
    {
      id: 'select',
      width: '44px',
      align: 'center',
      header: () => <span className="visually-hidden">Selected</span>,
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${row.original.name}`}
          checked={selection.isSelected(row.original.id)}
          onChange={() => selection.toggle(row.original.id)}
        />
      ),
    },
    {
      id: 'name',
      header: 'Name',
      width: 'minmax(160px, 1.2fr)',
      cell: ({ row }) => (
        <span className="cell-main">
          <Link to={`/users/${row.original.id}`}>{row.original.name}</Link>
        </span>
      ),
    },
    {
      id: 'email',
      header: 'Email',
      width: 'minmax(200px, 1.5fr)',
      cell: ({ row }) => <MutedText text={row.original.email} />,
    },
    { id: 'role', header: 'Role', width: '90px', cell: ({ row }) => ROLE_LABELS[row.original.role] },
    {
      id: 'default-group',
      header: 'Default group',
      width: 'minmax(140px, 1fr)',
      cell: ({ row }) => {
        const id = row.original.default_group_id;
        return <span className="truncate">{id === null ? '—' : (groupName.get(id) ?? '…')}</span>;
      },
    },
    {
      id: 'default-organization',
      header: 'Default organization',
      width: 'minmax(160px, 1fr)',
      cell: ({ row }) => {
        const id = row.original.organization_id;
        return <span className="truncate">{id === null ? '—' : (organizationName.get(id) ?? '…')}</span>;
      },
    },
  ];
}

export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const role: UserRoleFilter = isRoleFilter(roleParam) ? roleParam : 'staff';
  const text = params.get('q') ?? '';
  const [typed, setTyped] = useState(text);
  const [shownText, setShownText] = useState(text);
  if (text !== shownText) {
    setShownText(text);
    setTyped(text);
  }
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed.trim() === text) return;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (typed.trim()) next.set('q', typed.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, text, setParams]);

  const users = useInfiniteQuery(usersQueryOptions({ role, text }));
  const permissions = useMembershipPermissions();
  const groupNoteId = useId();
  const rows = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  // Search pages are narrowed to the role here, so a page can come back empty while later ones match.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = users;
  useEffect(() => {
    if (rows.length === 0 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const groups = useQuery(allGroupsQueryOptions());
  const organizationIds = useMemo(
    () => [...new Set(rows.flatMap((user) => (user.organization_id === null ? [] : [user.organization_id])))],
    [rows],
  );
  const organizations = useQuery(organizationsByIdsQueryOptions(organizationIds));
  const { selection, toggle, clear } = useRowSelection<number>();
  const [assigning, setAssigning] = useState<{ mode: 'add' | 'remove'; kind: AssignKind }>();
  const tableColumns = useMemo(
    () =>
      columns(
        new Map((groups.data ?? []).map((group) => [group.id, group.name])),
        new Map((organizations.data ?? []).map((organization) => [organization.id, organization.name])),
        { isSelected: (id) => isSelected(selection, id), toggle },
      ),
    [groups.data, organizations.data, selection, toggle],
  );
  const chosen = rows.filter((user) => isSelected(selection, user.id));

  return (
    <section className="page">
      <title>Users · Roster</title>
      <header className="page-header">
        <div>
          <h1>Users</h1>
          <p className="lede">Open a person to see every group and organization they belong to.</p>
        </div>
      </header>
      <div className="page-tools">
        <label className="search">
          <span className="visually-hidden">Search people by name or email</span>
          <input
            type="search"
            placeholder="Search by name or email…"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            maxLength={100}
          />
        </label>
        <label>
          <span className="visually-hidden">Show</span>
          <select
            value={role}
            onChange={(event) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (event.target.value === 'staff') next.delete('role');
                  else next.set('role', event.target.value);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {(Object.keys(ROLE_FILTERS) as UserRoleFilter[]).map((filter) => (
              <option key={filter} value={filter}>
                {ROLE_FILTERS[filter]}
              </option>
            ))}
          </select>
        </label>
        {users.data && (
          <span className="result-count" aria-live="polite">
            {rows.length.toLocaleString()}
            {users.hasNextPage ? '+' : ''} shown
          </span>
        )}
      </div>

      {chosen.length === 0 ? (
        <p className="bulk-hint">Select people to add them to groups or organizations, or remove them.</p>
      ) : (
        <BulkActionBar count={chosen.length} noun={{ one: 'person', other: 'people' }} onClear={clear}>
          <GuardedButton
            permission={permissions.groups}
            sharedNoteId={groupNoteId}
            onClick={() => setAssigning({ mode: 'add', kind: 'groups' })}
          >
            Add to groups…
          </GuardedButton>
          <GuardedButton
            permission={permissions.groups}
            sharedNoteId={groupNoteId}
            onClick={() => setAssigning({ mode: 'remove', kind: 'groups' })}
          >
            Remove from groups…
          </GuardedButton>
          {!permissions.groups.allowed && (
            <span id={groupNoteId} className="permission-note">
              {permissions.groups.reason}
            </span>
          )}
          <button type="button" onClick={() => setAssigning({ mode: 'add', kind: 'organizations' })}>
            Add to organizations…
          </button>
          <button type="button" onClick={() => setAssigning({ mode: 'remove', kind: 'organizations' })}>
            Remove from organizations…
          </button>
        </BulkActionBar>
      )}

      <ListStates
        query={users}
        what="people"
        isEmpty={rows.length === 0 && !hasNextPage}
        empty={<EmptyState title={text ? `No one matches “${text}”.` : 'No one has this role.'} />}
      >
        <VirtualTable
          label="Users"
          columns={tableColumns}
          rows={rows}
          getRowId={(user) => String(user.id)}
          hasMore={users.hasNextPage}
          isFetchingMore={users.isFetchingNextPage}
          onLoadMore={() => void users.fetchNextPage({ cancelRefetch: false })}
          isRowSelected={(user) => isSelected(selection, user.id)}
          onToggleRow={(user) => toggle(user.id)}
          onEscape={clear}
        />
      </ListStates>

      {assigning && (
        <Suspense fallback={null}>
          <AssignMembershipsDialog
            mode={assigning.mode}
            kind={assigning.kind}
            people={chosen}
            onClose={() => setAssigning(undefined)}
            onStarted={clear}
          />
        </Suspense>
      )}
    </section>
  );
}
