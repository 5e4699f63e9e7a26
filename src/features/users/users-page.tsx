import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMembershipPermissions } from '../../api/membership-permissions.ts';
import { organizationsByIdsQueryOptions } from '../../api/organizations.ts';
import { allGroupsQueryOptions } from '../../api/user-memberships.ts';
import { type UserRoleFilter, usersCountQueryOptions, usersQueryOptions } from '../../api/users.ts';
import { BulkActionBar } from '../../components/bulk-action-bar.tsx';
import { isShiftChange, rowsInRange } from '../../components/data-table/range-selection.ts';
import { VirtualTable } from '../../components/data-table/virtual-table.tsx';
import { GuardedButton } from '../../components/guarded-button.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import { useSearchParam } from '../../components/use-search-param.ts';
import { plural } from '../../contract/plural.ts';
import { MAX_PASTED_ENTRIES } from '../../contract/roster-operations.ts';
import type { AssignKind } from './assign-memberships-dialog.tsx';
import { ChosenPeopleList } from './chosen-people-list.tsx';
import { useChosenPeople } from './use-chosen-people.ts';
import { usersColumns } from './users-columns.tsx';
import './users-page.css';

const ROLE_FILTERS: Record<UserRoleFilter, string> = {
  staff: 'Agents and admins',
  agent: 'Agents',
  admin: 'Admins',
  'end-user': 'End users',
  all: 'Everyone',
};
const isRoleFilter = (value: string | null): value is UserRoleFilter =>
  value !== null && value in ROLE_FILTERS;

/** Loads when opened, so the list shows sooner. */
const AssignMembershipsDialog = lazy(async () => ({
  default: (await import('./assign-memberships-dialog.tsx')).AssignMembershipsDialog,
}));
const PastePeopleDialog = lazy(async () => ({
  default: (await import('./paste-people-dialog.tsx')).PastePeopleDialog,
}));

export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const role: UserRoleFilter = isRoleFilter(roleParam) ? roleParam : 'staff';
  const { search: text, typed, setTyped } = useSearchParam();

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
  const { chosen, people, setMany, toggle, clear } = useChosenPeople();
  /** The row last clicked: a shift-click chooses or clears every row from it to the one clicked. */
  const anchor = useRef<number | undefined>(undefined);
  const [assigning, setAssigning] = useState<{ mode: 'add' | 'remove'; kind: AssignKind }>();
  const [pasting, setPasting] = useState(false);
  const matching = useQuery({ ...usersCountQueryOptions(role), enabled: !text });
  const [choosingAll, setChoosingAll] = useState(false);
  const loadedChosen = rows.filter((user) => chosen.has(user.id)).length;
  const tableColumns = useMemo(
    () =>
      usersColumns(
        new Map((groups.data ?? []).map((group) => [group.id, group.name])),
        new Map((organizations.data ?? []).map((organization) => [organization.id, organization.name])),
        {
          loaded: rows.length,
          loadedChosen,
          isChosen: (id) => chosen.has(id),
          onRowChange: (user, event) => {
            if (isShiftChange(event))
              setMany(
                rowsInRange(rows, (row) => row.id, anchor.current, user.id),
                event.target.checked,
              );
            else setMany([user], event.target.checked);
            anchor.current = user.id;
          },
          onLoadedChange: (selected) => setMany(rows, selected),
        },
      ),
    [groups.data, organizations.data, rows, loadedChosen, chosen, setMany],
  );

  /** Loads the rest of the list (at most as many people as an operation takes) and chooses everyone in it. */
  async function chooseAllMatching() {
    setChoosingAll(true);
    const loaded = (data: typeof users.data) => data?.pages.flatMap((page) => page.items) ?? [];
    try {
      let { hasNextPage: more, data } = users;
      while (more && loaded(data).length < MAX_PASTED_ENTRIES) {
        const result = await users.fetchNextPage({ cancelRefetch: false });
        if (result.isError) break;
        ({ hasNextPage: more, data } = result);
      }
      setMany(loaded(data).slice(0, MAX_PASTED_ENTRIES), true);
    } finally {
      setChoosingAll(false);
    }
  }
  const hiddenChosen = chosen.size - loadedChosen;
  const everyLoadedChosen = rows.length > 0 && loadedChosen === rows.length;
  const matchingCount = text ? undefined : matching.data;

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
        <button type="button" className="page-tools-end" onClick={() => setPasting(true)}>
          Paste emails or ids…
        </button>
      </div>

      {chosen.size === 0 ? (
        <p className="bulk-hint">
          Select people to add them to groups or organizations, or remove them. Shift-click selects a range.
        </p>
      ) : (
        <BulkActionBar count={chosen.size} noun={{ one: 'person', other: 'people' }} onClear={clear}>
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
      {(chosen.size > 0 || (everyLoadedChosen && users.hasNextPage)) && (
        <div className="selection-notes">
          {everyLoadedChosen && users.hasNextPage && (
            <button
              type="button"
              className="button-link"
              disabled={choosingAll}
              onClick={() => void chooseAllMatching()}
            >
              {choosingAll
                ? 'Selecting…'
                : matchingCount === undefined
                  ? 'Select everyone matching'
                  : matchingCount > MAX_PASTED_ENTRIES
                    ? `Select the first ${MAX_PASTED_ENTRIES.toLocaleString()} of ${matchingCount.toLocaleString()} matching`
                    : `Select all ${matchingCount.toLocaleString()} matching`}
            </button>
          )}
          {hiddenChosen > 0 && (
            <span className="cell-muted" data-testid="hidden-chosen">
              {plural(hiddenChosen, 'chosen person is', 'chosen people are')} not in this list; they stay
              chosen.
            </span>
          )}
          {chosen.size > 0 && (
            <ChosenPeopleList people={people} onRemove={(person) => setMany([person], false)} />
          )}
        </div>
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
          isRowSelected={(user) => chosen.has(user.id)}
          onToggleRow={(user) => {
            toggle(user);
            anchor.current = user.id;
          }}
          onEscape={clear}
        />
      </ListStates>

      {assigning && (
        <Suspense fallback={null}>
          <AssignMembershipsDialog
            mode={assigning.mode}
            kind={assigning.kind}
            people={people}
            onClose={() => setAssigning(undefined)}
            onStarted={clear}
          />
        </Suspense>
      )}
      {pasting && (
        <Suspense fallback={null}>
          <PastePeopleDialog onChoose={(found) => setMany(found, true)} onClose={() => setPasting(false)} />
        </Suspense>
      )}
    </section>
  );
}
