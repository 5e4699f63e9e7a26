import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { allGroupsQueryOptions } from '../../api/groups.ts';
import { useMembershipPermissions } from '../../api/membership-permissions.ts';
import { organizationsOfPagesQueryOptions } from '../../api/organizations.ts';
import type { UserRoleFilter } from '../../api/user-keys.ts';
import { usersCountQueryOptions, usersQueryOptions } from '../../api/users.ts';
import { BulkActionBar } from '../../components/bulk-action-bar.tsx';
import { VirtualTable } from '../../components/data-table/virtual-table.tsx';
import { GuardedButton } from '../../components/guarded-button.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import { ROLE_FILTERS } from '../../components/role-filters.ts';
import { useSearchParam } from '../../components/use-search-param.ts';
import { MAX_PASTED_ENTRIES } from '../../contract/operation-limits.ts';
import { plural } from '../../contract/plural.ts';
import type { AssignKind } from '../../lib/assignment-request.ts';
import { ChosenPeopleList } from './chosen-people-list.tsx';
import { useChosenPeople } from './use-chosen-people.ts';
import { usersColumns } from './users-columns.tsx';
import { usersFiltersOf } from './users-filters.ts';
import './users-page.css';

/** Outside the component, so the names map stays the same object until an answer changes. */
const namesById = (results: readonly { data?: readonly { id: number; name: string }[] | undefined }[]) =>
  new Map(results.flatMap((result) => result.data ?? []).map((record) => [record.id, record.name]));

/** Loads when opened, so the list shows sooner. */
const AssignMembershipsDialog = lazy(async () => ({
  default: (await import('./assign-memberships-dialog.tsx')).AssignMembershipsDialog,
}));
const PastePeopleDialog = lazy(async () => ({
  default: (await import('./paste-people-dialog.tsx')).PastePeopleDialog,
}));

export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const { role, text } = usersFiltersOf(params);
  const { typed, setTyped } = useSearchParam();

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
  const organizationNames = useQueries({
    queries: organizationsOfPagesQueryOptions(users.data?.pages ?? []),
    combine: namesById,
  });
  const { chosen, people, setMany, clear } = useChosenPeople();
  const [assigning, setAssigning] = useState<{ mode: 'add' | 'remove'; kind: AssignKind }>();
  const [pasting, setPasting] = useState(false);
  const matching = useQuery({ ...usersCountQueryOptions(role), enabled: !text });
  const [choosingAll, setChoosingAll] = useState(false);
  const loadedChosen = rows.filter((user) => chosen.has(user.id)).length;
  const groupNames = useMemo(
    () => new Map((groups.data ?? []).map((group) => [group.id, group.name])),
    [groups.data],
  );
  const tableColumns = useMemo(
    () => usersColumns(groupNames, organizationNames),
    [groupNames, organizationNames],
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
          selection={{ isSelected: (user) => chosen.has(user.id), onChange: setMany }}
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
