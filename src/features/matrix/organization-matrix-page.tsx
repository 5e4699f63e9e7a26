import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useBoxAvailable } from '../../api/box/box-availability.ts';
import { currentUserQueryOptions } from '../../api/current-user.ts';
import { gridOrganizationMembershipsQueryOptions } from '../../api/grid-memberships.ts';
import { membershipPermissionsOf } from '../../api/membership-permissions.ts';
import {
  allOrganizationsQueryOptions,
  organizationMemberCountQueryOptions,
} from '../../api/organizations.ts';
import type { UserRoleFilter } from '../../api/user-keys.ts';
import { EmptyState, ErrorState, LoadingRows } from '../../components/list-states.tsx';
import type { User } from '../../contract/user.ts';
import { paths } from '../../lib/paths.ts';
import { ColumnPicker } from './column-picker.tsx';
import { MatrixFilters } from './matrix-filters.tsx';
import { BY_NAME, indexMemberships, type MatrixModel } from './matrix-model.ts';
import { parseMatrixParams, withParam } from './matrix-params.ts';
import { MatrixTabs } from './matrix-tabs.tsx';
import { MatrixView } from './matrix-view.tsx';
import type { Judge } from './pending-changes.ts';
import { UnknownColumnsNotice } from './unknown-columns-notice.tsx';
import { zendeskChanges, zendeskPerson } from './zendesk-changes.ts';

/** The members of the chosen organizations together: past this, fewer organizations have to be chosen. */
export const MAX_ORGANIZATION_GRID_MEMBERS = 5000;

const ROLES: readonly UserRoleFilter[] = ['all', 'end-user', 'staff', 'agent', 'admin'];

function matchesRole(user: User, role: UserRoleFilter): boolean {
  if (role === 'all') return true;
  if (role === 'staff') return user.role !== 'end-user';
  return user.role === role;
}

/**
 * People × organizations. An organization can hold 200,000 people, so the grid reads only the
 * organizations chosen, each from its own member list with the people sideloaded; the rows are
 * their members, narrowed by the filters.
 */
export function OrganizationMatrixPage() {
  const [params, setParams] = useSearchParams();
  // Organizations hold end users mostly: without a role in the URL the grid shows everyone.
  const view = useMemo(() => {
    const parsed = parseMatrixParams(params);
    return { ...parsed, role: params.get('role') === null ? ('all' as const) : parsed.role };
  }, [params]);
  const box = useBoxAvailable();
  const viewer = useQuery(currentUserQueryOptions());
  const organizations = useQuery(allOrganizationsQueryOptions());
  const byId = useMemo(() => new Map((organizations.data ?? []).map((o) => [o.id, o])), [organizations.data]);
  const known = organizations.data !== undefined;
  const chosenIds = useMemo(
    () => (known ? (view.columns ?? []).filter((id) => byId.has(id)) : []),
    [known, view.columns, byId],
  );
  const unknown = known
    ? [...view.badColumns, ...(view.columns ?? []).filter((id) => !byId.has(id)).map(String)]
    : [];
  const counts = useQueries({
    queries: chosenIds.map((id) => organizationMemberCountQueryOptions(id)),
    combine: (results) => ({
      values: results.map((result) => result.data),
      failed: results.find((result) => result.isError),
    }),
  });
  const countsKnown = counts.values.every((value) => value !== undefined);
  const members = counts.values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const tooMany = countsKnown && members > MAX_ORGANIZATION_GRID_MEMBERS;
  const memberships = useQuery({
    ...gridOrganizationMembershipsQueryOptions(chosenIds),
    enabled: chosenIds.length > 0 && countsKnown && !tooMany,
  });
  const data = memberships.data;
  const index = useMemo(() => indexMemberships(data?.pages ?? []), [data]);
  const finished = useMemo(() => new Set(data?.finished ?? []), [data]);
  const complete = data?.complete === true;
  const people = useMemo(() => {
    const seen = new Map<number, User>();
    for (const page of data?.users ?? []) for (const user of page) seen.set(user.id, user);
    return [...seen.values()].sort((a, b) => BY_NAME(a.name, b.name));
  }, [data]);
  const columns = useMemo(
    () =>
      chosenIds.flatMap((id) => {
        const organization = byId.get(id);
        const count = counts.values[chosenIds.indexOf(id)];
        return organization
          ? [
              {
                id: String(id),
                name: organization.name,
                href: paths.organization.href(id),
                ...(count !== undefined && { detail: `${count.toLocaleString()} members` }),
              },
            ]
          : [];
      }),
    [chosenIds, byId, counts.values],
  );
  const rows = useMemo(() => {
    const wanted = view.text.toLowerCase();
    const memberOf = view.memberOf === undefined ? undefined : String(view.memberOf);
    return people.filter(
      (person) =>
        matchesRole(person, view.role) &&
        (!wanted ||
          person.name.toLowerCase().includes(wanted) ||
          (person.email ?? '').toLowerCase().includes(wanted)) &&
        (memberOf === undefined || index.get(String(person.id))?.has(memberOf) === true),
    );
  }, [people, view.text, view.role, view.memberOf, index]);

  const model = useMemo((): MatrixModel => {
    const permission = membershipPermissionsOf(viewer.data).organizations;
    const roleOf = new Map(rows.map((person) => [String(person.id), person]));
    const judge: Judge = (_pending, cell) => {
      if (!permission.allowed) return permission.reason;
      const person = roleOf.get(cell.rowId);
      if (viewer.data?.role === 'agent' && person && person.role !== 'end-user') {
        return `${viewer.data.name} is an agent: agents change the organizations of end users only, and ${person.name} is ${person.role === 'admin' ? 'an admin' : 'an agent'}.`;
      }
      return undefined;
    };
    return {
      placesNoun: 'Organizations',
      people: rows.map(zendeskPerson),
      places: columns,
      memberships: index,
      isLoaded: (placeId) => complete || finished.has(placeId),
      judge,
      toRequest: (changes) => ({ kind: 'organization_memberships.change', changes: zendeskChanges(changes) }),
      defaults: true,
      roles: false,
    };
  }, [rows, columns, index, complete, finished, viewer.data]);

  const setView = (name: string, value: string | undefined) =>
    setParams((current) => withParam(current, name, value), { replace: true });
  const countError = counts.failed;

  return (
    <section className="page page-wide">
      <title>Organization grid · Roster</title>
      <header className="page-header">
        <div>
          <h1>Membership grid</h1>
          <p className="lede">
            Who is in which organization, for the organizations you choose: their members are the rows.
          </p>
        </div>
        <MatrixTabs box={box} />
      </header>
      <MatrixFilters
        view={view}
        roles={ROLES}
        memberOfNoun="chosen organization"
        memberOfOptions={columns.map((column) => ({ id: Number(column.id), name: column.name }))}
        onChange={setView}
        count={
          complete ? `${rows.length.toLocaleString()} of ${people.length.toLocaleString()} people` : undefined
        }
      >
        <ColumnPicker
          noun="Organizations"
          places={(organizations.data ?? []).map((o) => ({ id: o.id, name: o.name }))}
          chosen={view.columns === undefined ? [] : chosenIds}
          onChange={(chosen) =>
            setView('columns', (chosen ?? (organizations.data ?? []).map((o) => o.id)).join(','))
          }
        />
      </MatrixFilters>
      <UnknownColumnsNotice
        noun="organization"
        ids={unknown}
        onDrop={() => setView('columns', chosenIds.join(','))}
      />
      {organizations.isError ? (
        <ErrorState
          what="the organizations"
          error={organizations.error}
          onRetry={() => organizations.refetch()}
        />
      ) : countError ? (
        <ErrorState what="the member counts" error={countError.error} onRetry={() => countError.refetch()} />
      ) : memberships.isError ? (
        <ErrorState what="the memberships" error={memberships.error} onRetry={() => memberships.refetch()} />
      ) : known && columns.length === 0 ? (
        <EmptyState title="No organizations chosen.">
          <span>
            Choose organizations with the picker above: an organization can hold many thousands of people, so
            the grid reads only those you choose, and their members become the rows.
          </span>
        </EmptyState>
      ) : tooMany ? (
        <EmptyState
          title={`These organizations hold ${members.toLocaleString()} members: the grid shows at most ${MAX_ORGANIZATION_GRID_MEMBERS.toLocaleString()}.`}
        >
          <span>
            Choose fewer or smaller organizations, or open a large one's own page to manage its members.
          </span>
        </EmptyState>
      ) : !data ? (
        <LoadingRows label="Loading the grid" rows={8} />
      ) : complete && rows.length === 0 ? (
        <EmptyState
          title={
            people.length === 0 ? 'These organizations have no members.' : 'No one matches these filters.'
          }
        >
          {view.text && <span>No member's name or email contains “{view.text}”.</span>}
        </EmptyState>
      ) : (
        <MatrixView model={model} label="People × organizations" />
      )}
    </section>
  );
}
