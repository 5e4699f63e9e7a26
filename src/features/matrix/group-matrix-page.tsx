import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useBoxAvailable } from '../../api/box/box-availability.ts';
import { currentUserQueryOptions } from '../../api/current-user.ts';
import { everyoneQueryOptions } from '../../api/everyone.ts';
import { gridGroupMembershipsQueryOptions } from '../../api/grid-memberships.ts';
import { allGroupsQueryOptions, groupMemberCountsQueryOptions } from '../../api/groups.ts';
import { membershipPermissionsOf } from '../../api/membership-permissions.ts';
import type { UserRoleFilter } from '../../api/user-keys.ts';
import { usersCountQueryOptions } from '../../api/users.ts';
import { EmptyState, ErrorState, LoadingRows } from '../../components/list-states.tsx';
import { paths } from '../../lib/paths.ts';
import { ColumnPicker } from './column-picker.tsx';
import { type GroupRulePerson, groupCellJudge } from './group-cell-rules.ts';
import { MatrixFilters } from './matrix-filters.tsx';
import { BY_NAME, indexMemberships, type MatrixModel } from './matrix-model.ts';
import { parseMatrixParams, withParam } from './matrix-params.ts';
import { MatrixTabs } from './matrix-tabs.tsx';
import { MatrixView } from './matrix-view.tsx';
import { planMembershipReads } from './membership-read-plan.ts';
import { UnknownColumnsNotice } from './unknown-columns-notice.tsx';
import { zendeskChanges, zendeskPerson } from './zendesk-changes.ts';

/** The grid holds at most this many people: beyond, a filter has to narrow them first. */
export const MAX_GRID_PEOPLE = 5000;

const GROUP_GRID_ROLES: readonly UserRoleFilter[] = ['staff', 'agent', 'admin', 'end-user', 'all'];

export function GroupMatrixPage() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseMatrixParams(params), [params]);
  const box = useBoxAvailable();
  const viewer = useQuery(currentUserQueryOptions());
  const groups = useQuery(allGroupsQueryOptions());
  const liveGroups = useMemo(() => (groups.data ?? []).filter((group) => !group.deleted), [groups.data]);
  const byId = useMemo(() => new Map(liveGroups.map((group) => [group.id, group])), [liveGroups]);
  const unknownColumns = groups.data ? (view.columns ?? []).filter((id) => !byId.has(id)) : [];
  const unknownMemberOf = groups.data && view.memberOf !== undefined && !byId.has(view.memberOf);
  const chosenIds = useMemo(
    () =>
      groups.data ? (view.columns ?? liveGroups.map((group) => group.id)).filter((id) => byId.has(id)) : [],
    [groups.data, view.columns, liveGroups, byId],
  );
  const allGroups = view.columns === undefined;
  const needsCounts = !allGroups || view.order === 'members';
  const counts = useQuery({ ...groupMemberCountsQueryOptions(), enabled: needsCounts });
  const readIds =
    view.memberOf !== undefined && byId.has(view.memberOf) && !chosenIds.includes(view.memberOf)
      ? [...chosenIds, view.memberOf]
      : chosenIds;
  const plan = planMembershipReads({
    groupIds: readIds,
    allGroups: allGroups && readIds.length === chosenIds.length,
    counts: counts.data,
  });
  const peopleCount = useQuery(usersCountQueryOptions(view.role));
  const tooMany = (peopleCount.data ?? 0) > MAX_GRID_PEOPLE;
  // Read at once, beside the count: waiting for it first would delay every grid for the rare one too large.
  const people = useQuery({ ...everyoneQueryOptions(view.role), enabled: !tooMany });
  const memberships = useQuery({
    ...gridGroupMembershipsQueryOptions(plan?.kind === 'groups' ? plan : { kind: 'account' }),
    enabled: plan !== undefined && !tooMany,
  });
  const data = memberships.data;
  const index = useMemo(() => indexMemberships(data?.pages ?? []), [data]);
  const finished = useMemo(() => new Set(data?.finished ?? []), [data]);
  const complete = data?.complete === true;

  const columns = useMemo(() => {
    const chosen = chosenIds.flatMap((id) => {
      const group = byId.get(id);
      return group ? [group] : [];
    });
    const countOf = (id: number) => counts.data?.[String(id)] ?? 0;
    if (view.order === 'members')
      chosen.sort((a, b) => countOf(b.id) - countOf(a.id) || BY_NAME(a.name, b.name));
    else if (allGroups) chosen.sort((a, b) => BY_NAME(a.name, b.name));
    return chosen.map((group) => ({
      id: String(group.id),
      name: group.name,
      href: paths.group.href(group.id),
      ...(counts.data && { detail: `${countOf(group.id).toLocaleString()} members` }),
    }));
  }, [chosenIds, byId, counts.data, view.order, allGroups]);

  // By name, as a person looks for someone; Zendesk lists them by id.
  const allPeople = useMemo(
    () => (people.data?.flat() ?? []).sort((a, b) => BY_NAME(a.name, b.name)),
    [people.data],
  );
  const rows = useMemo(() => {
    const wanted = view.text.toLowerCase();
    const memberOf = view.memberOf === undefined ? undefined : String(view.memberOf);
    return allPeople.filter((person) => {
      if (
        wanted &&
        !person.name.toLowerCase().includes(wanted) &&
        !(person.email ?? '').toLowerCase().includes(wanted)
      )
        return false;
      const mine = index.get(String(person.id));
      if (memberOf !== undefined && !mine?.has(memberOf)) return false;
      if (view.outside && columns.some((column) => mine?.has(column.id))) return false;
      return true;
    });
  }, [allPeople, view.text, view.memberOf, view.outside, index, columns]);

  const model = useMemo((): MatrixModel => {
    const rulePeople = new Map<string, GroupRulePerson>(
      rows.map((person) => [
        String(person.id),
        {
          id: String(person.id),
          name: person.name,
          role: person.role,
          defaultGroupId: person.default_group_id === null ? null : String(person.default_group_id),
        },
      ]),
    );
    const permission = membershipPermissionsOf(viewer.data).groups;
    return {
      placesNoun: 'Groups',
      people: rows.map(zendeskPerson),
      places: columns,
      memberships: index,
      isLoaded: (placeId) => complete || finished.has(placeId),
      judge: groupCellJudge({
        permission,
        viewerName: viewer.data?.name,
        viewerRole: viewer.data?.role,
        people: rulePeople,
        memberships: index,
        readGroups: plan?.kind === 'groups' ? new Set(plan.groupIds.map(String)) : 'all',
      }),
      toRequest: (changes) => ({ kind: 'group_memberships.change', changes: zendeskChanges(changes) }),
      defaults: true,
      roles: false,
    };
  }, [rows, columns, index, complete, finished, viewer.data, plan]);

  const setView = (name: string, value: string | undefined) =>
    setParams((current) => withParam(current, name, value), { replace: true });
  const filtering = view.text !== '' || view.memberOf !== undefined || view.outside;
  const peopleLoaded = people.isSuccess && !people.isFetching;
  const filtersNeedMemberships = (view.memberOf !== undefined || view.outside) && !complete;

  return (
    <section className="page page-wide">
      <title>Membership grid · Roster</title>
      <header className="page-header">
        <div>
          <h1>Membership grid</h1>
          <p className="lede">
            Who is in which group. Click cells to change them, review, and apply as one operation.
          </p>
        </div>
        <MatrixTabs box={box} />
      </header>
      <MatrixFilters
        view={view}
        roles={GROUP_GRID_ROLES}
        memberOfNoun="group"
        memberOfOptions={liveGroups.map((group) => ({ id: group.id, name: group.name }))}
        outsideLabel="In none of the chosen groups"
        onChange={setView}
        count={
          peopleLoaded
            ? `${rows.length.toLocaleString()} of ${allPeople.length.toLocaleString()} people`
            : allPeople.length > 0
              ? `${allPeople.length.toLocaleString()} people so far…`
              : undefined
        }
      >
        <ColumnPicker
          noun="Groups"
          places={liveGroups.map((group) => ({
            id: group.id,
            name: group.name,
            ...(counts.data && { count: counts.data[String(group.id)] ?? 0 }),
          }))}
          chosen={view.columns?.filter((id) => byId.has(id))}
          onChange={(chosen) => setView('columns', chosen === undefined ? undefined : chosen.join(','))}
        />
        <label>
          <span className="visually-hidden">Order the columns</span>
          <select
            value={view.order}
            onChange={(event) => setView('order', event.target.value === 'members' ? 'members' : undefined)}
          >
            <option value="name">Groups by name</option>
            <option value="members">Groups by member count</option>
          </select>
        </label>
      </MatrixFilters>
      <UnknownColumnsNotice
        noun="group"
        ids={[...view.badColumns, ...unknownColumns.map(String)]}
        extra={
          unknownMemberOf &&
          `The “member of” filter names group ${view.memberOf}, which does not exist; it is ignored.`
        }
        onDrop={() =>
          setParams(
            (current) => {
              const next = withParam(current, 'columns', view.columns ? chosenIds.join(',') : undefined);
              return unknownMemberOf ? withParam(next, 'in', undefined) : next;
            },
            { replace: true },
          )
        }
      />
      {groups.isError ? (
        <ErrorState what="the groups" error={groups.error} onRetry={() => groups.refetch()} />
      ) : peopleCount.isError ? (
        <ErrorState what="the people" error={peopleCount.error} onRetry={() => peopleCount.refetch()} />
      ) : people.isError ? (
        <ErrorState what="the people" error={people.error} onRetry={() => people.refetch()} />
      ) : memberships.isError ? (
        <ErrorState what="the memberships" error={memberships.error} onRetry={() => memberships.refetch()} />
      ) : counts.isError && needsCounts ? (
        <ErrorState what="the groups' member counts" error={counts.error} onRetry={() => counts.refetch()} />
      ) : tooMany ? (
        <EmptyState
          title={`${(peopleCount.data ?? 0).toLocaleString()} people match: the grid shows at most ${MAX_GRID_PEOPLE.toLocaleString()}.`}
        >
          <span>Choose a narrower role, or open a group's members from the Groups list.</span>
        </EmptyState>
      ) : groups.data && columns.length === 0 ? (
        <EmptyState title="No groups chosen.">
          <span>Choose groups with the Groups picker above, or </span>
          <Link to={paths.groupMatrix.href(withParam(params, 'columns', undefined))}>show every group</Link>.
        </EmptyState>
      ) : !groups.data || !people.data ? (
        <LoadingRows label="Loading the grid" rows={8} />
      ) : peopleLoaded && rows.length === 0 && !filtersNeedMemberships ? (
        <EmptyState title={filtering ? 'No one matches these filters.' : 'No one has this role.'}>
          <span>
            {view.text && `No name or email contains “${view.text}”. `}
            {view.outside && 'Everyone shown is in at least one of the chosen groups. '}
          </span>
          <Link to={paths.groupMatrix.href()}>Clear the filters</Link>
        </EmptyState>
      ) : (
        <MatrixView model={model} label="People × groups" />
      )}
    </section>
  );
}
