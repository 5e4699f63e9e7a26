import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { allBoxUsersQueryOptions, gridBoxMembershipsQueryOptions } from '../../api/box/box-grid.ts';
import { boxGroupsQueryOptions } from '../../api/box/box-groups.ts';
import { boxMeQueryOptions } from '../../api/box/box-users.ts';
import { EmptyState, ErrorState, LoadingRows } from '../../components/list-states.tsx';
import type { BoxMembershipChange } from '../../contract/providers/box-operations.ts';
import { paths } from '../../lib/paths.ts';
import { ColumnPicker } from './column-picker.tsx';
import { MatrixFilters } from './matrix-filters.tsx';
import { BY_NAME, indexMemberships, type MatrixModel } from './matrix-model.ts';
import { parseMatrixParams, withParam } from './matrix-params.ts';
import { MatrixTabs } from './matrix-tabs.tsx';
import { MatrixView } from './matrix-view.tsx';
import type { Judge, PendingCell } from './pending-changes.ts';
import { UnknownColumnsNotice } from './unknown-columns-notice.tsx';
import { useEveryPage } from './use-every-page.ts';

function boxChanges(change: PendingCell): BoxMembershipChange[] {
  const at = { box_user_id: change.rowId, box_group_id: change.columnId };
  if (change.membership === 'add') return [{ action: 'add', ...at, role: change.role ?? 'member' }];
  if (change.membership === 'remove') return [{ action: 'remove', ...at }];
  return change.role ? [{ action: 'set_role', ...at, role: change.role }] : [];
}

/** Box users × Box groups, with each member's role; member ↔ admin is a cell action. */
export function BoxMatrixPage() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseMatrixParams(params), [params]);
  const me = useQuery(boxMeQueryOptions());
  const groups = useInfiniteQuery(boxGroupsQueryOptions({ name: '' }));
  useEveryPage(groups);
  const allGroups = useMemo(() => groups.data?.pages.flatMap((page) => page.items) ?? [], [groups.data]);
  const groupsLoaded = groups.isSuccess && !groups.hasNextPage;
  const byId = useMemo(() => new Map(allGroups.map((group) => [Number(group.id), group])), [allGroups]);
  const chosenIds = groupsLoaded ? (view.columns ?? [...byId.keys()]).filter((id) => byId.has(id)) : [];
  const unknown = groupsLoaded
    ? [...view.badColumns, ...(view.columns ?? []).filter((id) => !byId.has(id)).map(String)]
    : [];
  const readIds =
    view.memberOf !== undefined && byId.has(view.memberOf) && !chosenIds.includes(view.memberOf)
      ? [...chosenIds, view.memberOf]
      : chosenIds;
  const users = useQuery(allBoxUsersQueryOptions());
  const memberships = useQuery({
    ...gridBoxMembershipsQueryOptions(readIds.map(String)),
    enabled: readIds.length > 0,
  });
  const data = memberships.data;
  const index = useMemo(() => indexMemberships(data?.pages ?? []), [data]);
  const finished = useMemo(() => new Set(data?.finished ?? []), [data]);
  const complete = data?.complete === true;
  const columns = useMemo(
    () =>
      chosenIds
        .flatMap((id) => {
          const group = byId.get(id);
          return group ? [{ id: group.id, name: group.name, href: paths.boxGroup.href(group.id) }] : [];
        })
        .sort((a, b) => (view.columns ? 0 : BY_NAME(a.name, b.name))),
    [chosenIds, byId, view.columns],
  );
  const allUsers = useMemo(
    () => (users.data?.flat() ?? []).sort((a, b) => BY_NAME(a.name, b.name)),
    [users.data],
  );
  const rows = useMemo(() => {
    const wanted = view.text.toLowerCase();
    const memberOf = view.memberOf === undefined ? undefined : String(view.memberOf);
    return allUsers.filter((user) => {
      if (wanted && !user.name.toLowerCase().includes(wanted) && !user.login.toLowerCase().includes(wanted))
        return false;
      const mine = index.get(user.id);
      if (memberOf !== undefined && !mine?.has(memberOf)) return false;
      if (view.outside && columns.some((column) => mine?.has(column.id))) return false;
      return true;
    });
  }, [allUsers, view.text, view.memberOf, view.outside, index, columns]);

  const model = useMemo((): MatrixModel => {
    const groupName = new Map(columns.map((column) => [column.id, column.name]));
    const judge: Judge = (_pending, cell) => {
      if (!me.data) return 'Checking what your Box account may change…';
      if (me.data.role === 'admin' || me.data.role === 'coadmin') return undefined;
      if (index.get(me.data.id)?.get(cell.columnId)?.role === 'admin') return undefined;
      return `${me.data.name} is not an admin of ${groupName.get(cell.columnId) ?? 'this group'}: only Box admins and the group's admins change its members.`;
    };
    return {
      placesNoun: 'Box groups',
      people: rows.map((user) => ({
        id: user.id,
        name: user.name,
        detail: user.login,
        href: paths.boxUser.href(user.id),
      })),
      places: columns,
      memberships: index,
      isLoaded: (placeId) => complete || finished.has(placeId),
      judge,
      toRequest: (changes) => ({
        kind: 'box_group_memberships.change',
        changes: changes.flatMap(boxChanges),
      }),
      defaults: false,
      roles: true,
    };
  }, [rows, columns, index, complete, finished, me.data]);

  const setView = (name: string, value: string | undefined) =>
    setParams((current) => withParam(current, name, value), { replace: true });
  const usersLoaded = users.isSuccess && !users.isFetching;

  return (
    <section className="page page-wide">
      <title>Box grid · Roster</title>
      <header className="page-header">
        <div>
          <h1>Membership grid</h1>
          <p className="lede">Who is in which Box group, and as member or admin.</p>
        </div>
        <MatrixTabs box />
      </header>
      <MatrixFilters
        view={view}
        roles={[]}
        memberOfNoun="Box group"
        memberOfOptions={allGroups.map((group) => ({ id: Number(group.id), name: group.name }))}
        outsideLabel="In none of the chosen groups"
        onChange={setView}
        count={
          usersLoaded
            ? `${rows.length.toLocaleString()} of ${allUsers.length.toLocaleString()} Box users`
            : undefined
        }
      >
        <ColumnPicker
          noun="Box groups"
          places={allGroups.map((group) => ({ id: Number(group.id), name: group.name }))}
          chosen={view.columns?.filter((id) => byId.has(id))}
          onChange={(chosen) => setView('columns', chosen === undefined ? undefined : chosen.join(','))}
        />
      </MatrixFilters>
      <UnknownColumnsNotice
        noun="Box group"
        ids={unknown}
        onDrop={() => setView('columns', chosenIds.join(','))}
      />
      {groups.isError ? (
        <ErrorState what="the Box groups" error={groups.error} onRetry={() => groups.refetch()} />
      ) : users.isError ? (
        <ErrorState what="the Box users" error={users.error} onRetry={() => users.refetch()} />
      ) : memberships.isError ? (
        <ErrorState
          what="the Box memberships"
          error={memberships.error}
          onRetry={() => memberships.refetch()}
        />
      ) : groupsLoaded && columns.length === 0 ? (
        <EmptyState title="No Box groups chosen.">
          <span>Choose groups with the picker above, or </span>
          <Link to={paths.boxMatrix.href(withParam(params, 'columns', undefined))}>show every group</Link>.
        </EmptyState>
      ) : !groupsLoaded || !users.data ? (
        <LoadingRows label="Loading the grid" rows={8} />
      ) : usersLoaded && rows.length === 0 && (complete || (view.memberOf === undefined && !view.outside)) ? (
        <EmptyState title="No one matches these filters.">
          {view.text && <span>No Box user's name or login contains “{view.text}”. </span>}
          <Link to={paths.boxMatrix.href()}>Clear the filters</Link>
        </EmptyState>
      ) : (
        <MatrixView model={model} label="Box users × Box groups" />
      )}
    </section>
  );
}
