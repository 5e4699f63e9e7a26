import {
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error.ts';
import { currentUserQueryOptions } from '../../api/current-user.ts';
import { makeDefaultGroupMembership } from '../../api/group-memberships.ts';
import { MEMBERSHIP_AFFECTED_KEYS } from '../../api/membership-affected-keys.ts';
import { membershipPermissionsOf } from '../../api/membership-permissions.ts';
import { organizationsQueryOptions } from '../../api/organizations.ts';
import {
  addUserToGroup,
  addUserToOrganization,
  allGroupsQueryOptions,
  makeDefaultOrganization,
  userGroupMembershipsQueryOptions,
  userMembershipKeys,
  userOrganizationMembershipsQueryOptions,
} from '../../api/user-memberships.ts';
import { userQueryOptions } from '../../api/users.ts';
import { useRowFocusRecovery } from '../../components/data-table/use-row-focus-recovery.ts';
import { formatDay } from '../../components/dates.tsx';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { ErrorState, ListStates } from '../../components/list-states.tsx';
import { type NamedOption, NamedPicker } from '../../components/members/named-picker.tsx';
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { ROLE_WORDS } from '../../components/role-words.ts';
import { isAgentRole, type User } from '../../contract/user.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';
import { PersonBoxGroups } from './person-box-groups.tsx';
import type { PersonRemoval } from './remove-person-membership-dialog.tsx';
import './user-page.css';

/**
 * The removal dialog loads when it is opened. The pickers do not load apart: the server renders
 * them, and text typed into a server-rendered picker whose code was still on its way was lost.
 */
const RemovePersonMembershipDialog = lazy(async () => ({
  default: (await import('./remove-person-membership-dialog.tsx')).RemovePersonMembershipDialog,
}));

/** Groups the person may join whose name contains the text, anywhere, ignoring case; those they are in say so. */
function groupOptionsFor(
  groups: readonly { id: number; name: string; deleted: boolean }[],
  text: string,
  memberOf: ReadonlySet<number>,
): NamedOption[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [];
  return groups
    .filter((group) => !group.deleted && group.name.toLowerCase().includes(wanted))
    .map((group) => ({
      id: group.id,
      name: group.name,
      ...(memberOf.has(group.id) && { refusal: 'already a member' }),
    }));
}

/** A typed name that is exactly one option's counts as choosing it. */
function exactMatch(options: readonly NamedOption[], text: string): NamedOption | null {
  const wanted = text.trim().toLowerCase();
  return (
    options.find((option) => option.refusal === undefined && option.name.toLowerCase() === wanted) ?? null
  );
}

/** The membership grid narrowed to this person: their groups, or for an end user their organizations. */
function gridPathOf(
  person: Pick<User, 'email' | 'name' | 'role'>,
  organizations: readonly { organization_id: number }[] | undefined,
): string {
  const q = person.email ?? person.name;
  if (isAgentRole(person.role)) return `/matrix?${new URLSearchParams({ q })}`;
  const columns = (organizations ?? []).map((m) => m.organization_id).join(',');
  return `/matrix/organizations?${new URLSearchParams({ q, ...(columns && { columns }) })}`;
}

export function UserPage() {
  const userId = parseRecordId(useParams().userId);
  if (userId === undefined) {
    return (
      <NotFoundMessage title="No such person" back={{ to: '/users', label: 'All users' }}>
        Addresses of people end in their number, like /users/380000001.
      </NotFoundMessage>
    );
  }
  return <UserDetail key={userId} userId={userId} />;
}

/**
 * A write on the person page: the lists it touches are refetched afterwards, here and in the
 * group and organization member lists that show the same memberships.
 */
function usePersonWrite<Variables>(
  _userId: number,
  write: (variables: Variables) => Promise<unknown>,
  optimistic?: { key: QueryKey; apply: (data: unknown, variables: Variables) => unknown },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onMutate: async (variables) => {
      if (!optimistic) return undefined;
      await queryClient.cancelQueries({ queryKey: optimistic.key });
      const before = queryClient.getQueryData(optimistic.key);
      queryClient.setQueryData(optimistic.key, (data: unknown) => optimistic.apply(data, variables));
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (optimistic && context) queryClient.setQueryData(optimistic.key, context.before);
    },
    onSettled: () =>
      Promise.all(MEMBERSHIP_AFFECTED_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

type Membership = { id: number; default: boolean | null };
const withDefault = (id: number) => (data: unknown) =>
  (data as Membership[] | undefined)?.map((m) => ({
    ...m,
    default: m.id === id ? true : m.default === true ? false : m.default,
  }));

function UserDetail({ userId }: { userId: number }) {
  const user = useQuery(userQueryOptions(userId));
  const viewer = useQuery(currentUserQueryOptions());
  /** End users may read their own organization memberships and nothing more, so they get no controls. */
  const canEdit = viewer.data !== undefined && isAgentRole(viewer.data.role);
  const groupPermission = membershipPermissionsOf(viewer.data).groups;
  const groups = useQuery({ ...allGroupsQueryOptions(), enabled: canEdit });
  const groupMemberships = useQuery(userGroupMembershipsQueryOptions(userId));
  const organizationMemberships = useQuery(userOrganizationMembershipsQueryOptions(userId));
  const [groupText, setGroupText] = useState('');
  const [pickedGroup, setPickedGroup] = useState<NamedOption | null>(null);
  const [organizationText, setOrganizationText] = useState('');
  const [pickedOrganization, setPickedOrganization] = useState<NamedOption | null>(null);
  const organizationName = useDeferredValue(organizationText.trim());
  const organizations = useInfiniteQuery({
    ...organizationsQueryOptions({ name: organizationName }),
    enabled: canEdit && organizationName.length > 0,
  });

  const makeGroupDefault = usePersonWrite(userId, (id: number) => makeDefaultGroupMembership(userId, id), {
    key: userMembershipKeys.groups(userId),
    apply: (data, id) => withDefault(id)(data),
  });
  const addGroup = usePersonWrite(userId, (groupId: number) => addUserToGroup(userId, groupId));
  const makeOrganizationDefault = usePersonWrite(
    userId,
    (organizationId: number) => makeDefaultOrganization(userId, organizationId),
    {
      key: userMembershipKeys.organizations(userId),
      apply: (data, organizationId) =>
        (data as { organization_id: number; default: true | null }[] | undefined)?.map((m) => ({
          ...m,
          default: m.organization_id === organizationId ? true : null,
        })),
    },
  );
  const [removal, setRemoval] = useState<PersonRemoval>();
  const groupTable = useRowFocusRecovery();
  const organizationTable = useRowFocusRecovery();
  const addOrganization = usePersonWrite(userId, (organizationId: number) =>
    addUserToOrganization(userId, organizationId),
  );

  if (user.isError) {
    return user.error instanceof ApiError && user.error.kind === 'not_found' ? (
      <NotFoundMessage title="Person not found" back={{ to: '/users', label: 'All users' }}>
        There is no user {userId} in this account.
      </NotFoundMessage>
    ) : (
      <ErrorState what="this person" error={user.error} onRetry={() => user.refetch()} />
    );
  }
  const person = user.data;
  const groupName = new Map((groups.data ?? []).map((group) => [group.id, group.name]));
  const memberOf = new Set((groupMemberships.data ?? []).map((m) => m.group_id));
  const inOrganization = new Set((organizationMemberships.data ?? []).map((m) => m.organization_id));
  const agent = person ? isAgentRole(person.role) : false;
  const onlyGroup = (groupMemberships.data ?? []).length === 1;
  const groupOptions = groupOptionsFor(groups.data ?? [], groupText, memberOf);
  const chosenGroup = pickedGroup ?? exactMatch(groupOptions, groupText);
  const organizationOptions: NamedOption[] = (organizations.data?.pages[0]?.items ?? []).map(
    (organization) => ({
      id: organization.id,
      name: organization.name,
      ...(inOrganization.has(organization.id) && { refusal: 'already a member' }),
    }),
  );
  const chosenOrganization = pickedOrganization ?? exactMatch(organizationOptions, organizationText);
  const errors = [makeGroupDefault, addGroup, makeOrganizationDefault, addOrganization]
    .filter((mutation) => mutation.isError)
    .map((mutation) => describeError(mutation.error));

  return (
    <section className="page">
      <title>{`${person?.name ?? 'Person'} · Roster`}</title>
      {canEdit && (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/users">Users</Link> <span aria-hidden="true">/</span>
        </nav>
      )}
      <header className="page-header">
        <div>
          <h1>{person?.name ?? '…'}</h1>
          <p className="lede">
            {person?.email} · {person ? ROLE_WORDS[person.role] : ''}
          </p>
        </div>
        <div className="page-actions">
          {canEdit && person && (
            <Link to={gridPathOf(person, organizationMemberships.data)} className="page-header-link">
              Open in the grid
            </Link>
          )}
          {agent && (
            <ExportButton
              kind="group_memberships"
              scope={{ user_id: String(userId) }}
              label="Export groups"
              description={person?.name}
            />
          )}
          <ExportButton
            kind="organization_memberships"
            scope={{ user_id: String(userId) }}
            label="Export organizations"
            description={person?.name}
          />
        </div>
      </header>

      {errors.map((message) => (
        <div key={message} className="notice notice-error" role="alert">
          {message}
        </div>
      ))}

      {agent && (
        <section className="person-section" aria-labelledby="person-groups">
          <h2 id="person-groups" className="section-title">
            Groups
          </h2>
          {!groupPermission.allowed && canEdit && <p className="permission-note">{groupPermission.reason}</p>}
          <ListStates query={groupMemberships} what="their groups" isEmpty={false} empty={null}>
            <table className="person-table" aria-label="Group memberships" ref={groupTable} tabIndex={-1}>
              <thead>
                <tr>
                  <th>Group</th>
                  <th>Default group</th>
                  <th className="align-end">Member since</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(groupMemberships.data ?? []).map((membership) => (
                  <tr key={membership.id}>
                    <td>
                      <Link to={`/groups/${membership.group_id}`}>
                        {groupName.get(membership.group_id) ?? `Group ${membership.group_id}`}
                      </Link>
                    </td>
                    <td>
                      <label className="radio-default">
                        <input
                          type="radio"
                          name="default-group"
                          checked={membership.default}
                          disabled={makeGroupDefault.isPending}
                          onChange={() => makeGroupDefault.mutate(membership.id)}
                        />
                        {membership.default ? 'Default' : 'Make default'}
                      </label>
                    </td>
                    <td className="align-end">{formatDay(membership.created_at)}</td>
                    <td className="align-end">
                      <button
                        type="button"
                        className="button-quiet"
                        disabled={onlyGroup || !groupPermission.allowed}
                        title={onlyGroup ? 'An agent must belong to at least one group' : undefined}
                        onClick={() =>
                          setRemoval({
                            kind: 'group_memberships.destroy',
                            membershipId: membership.id,
                            personName: person?.name ?? `user ${userId}`,
                            targetName: groupName.get(membership.group_id) ?? `group ${membership.group_id}`,
                          })
                        }
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ListStates>
          {onlyGroup && (
            <p className="cell-muted">This is their only group: an agent must belong to at least one.</p>
          )}
          <form
            className="page-tools person-add"
            onSubmit={(event) => {
              event.preventDefault();
              if (chosenGroup) {
                addGroup.mutate(chosenGroup.id, {
                  onSuccess: () => {
                    setGroupText('');
                    setPickedGroup(null);
                  },
                });
              }
            }}
          >
            <NamedPicker
              label="Group to add"
              placeholder="Add to a group: type part of its name…"
              text={groupText}
              onTextChange={setGroupText}
              options={groupOptions}
              chosen={chosenGroup}
              onChoose={setPickedGroup}
              status={groups.isPending ? 'Loading groups…' : `No group name contains “${groupText.trim()}”.`}
              disabled={!groupPermission.allowed}
            />
            <button type="submit" disabled={!chosenGroup || addGroup.isPending || !groupPermission.allowed}>
              Add to group
            </button>
          </form>
        </section>
      )}

      <section className="person-section" aria-labelledby="person-organizations">
        <h2 id="person-organizations" className="section-title">
          Organizations
        </h2>
        <ListStates
          query={organizationMemberships}
          what="their organizations"
          isEmpty={organizationMemberships.data?.length === 0}
          empty={<p className="cell-muted">Not in any organization.</p>}
        >
          <table
            className="person-table"
            aria-label="Organization memberships"
            ref={organizationTable}
            tabIndex={-1}
          >
            <thead>
              <tr>
                <th>Organization</th>
                <th>Default organization</th>
                <th>Org tickets</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(organizationMemberships.data ?? []).map((membership) => (
                <tr key={membership.id} data-testid="organization-membership">
                  <td>
                    {canEdit ? (
                      <Link to={`/organizations/${membership.organization_id}`}>
                        {membership.organization_name}
                      </Link>
                    ) : (
                      <span className="cell-main">{membership.organization_name}</span>
                    )}
                  </td>
                  <td>
                    {canEdit ? (
                      <label className="radio-default">
                        <input
                          type="radio"
                          name="default-organization"
                          checked={membership.default === true}
                          disabled={makeOrganizationDefault.isPending}
                          onChange={() => makeOrganizationDefault.mutate(membership.organization_id)}
                        />
                        {membership.default ? 'Default' : 'Make default'}
                      </label>
                    ) : membership.default ? (
                      'Default'
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{membership.view_tickets ? 'Yes' : 'No'}</td>
                  <td className="align-end">
                    {canEdit && (
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() =>
                          setRemoval({
                            kind: 'organization_memberships.destroy',
                            membershipId: membership.id,
                            personName: person?.name ?? `user ${userId}`,
                            targetName: membership.organization_name,
                          })
                        }
                      >
                        Unassign
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ListStates>
        {canEdit && (
          <form
            className="page-tools person-add"
            onSubmit={(event) => {
              event.preventDefault();
              if (chosenOrganization) {
                addOrganization.mutate(chosenOrganization.id, {
                  onSuccess: () => {
                    setOrganizationText('');
                    setPickedOrganization(null);
                  },
                });
              }
            }}
          >
            <NamedPicker
              label="Organization to add"
              placeholder="Add to an organization: type the start of its name…"
              text={organizationText}
              onTextChange={setOrganizationText}
              options={organizationOptions}
              chosen={chosenOrganization}
              onChoose={setPickedOrganization}
              status={
                organizations.isFetching || organizationName !== organizationText.trim()
                  ? 'Searching…'
                  : `No organization name starts with “${organizationText.trim()}”.`
              }
            />
            <button type="submit" disabled={!chosenOrganization || addOrganization.isPending}>
              Add to organization
            </button>
          </form>
        )}
      </section>
      {canEdit && <PersonBoxGroups email={person?.email ?? null} />}
      {removal && (
        <Suspense fallback={null}>
          <RemovePersonMembershipDialog removal={removal} onClose={() => setRemoval(undefined)} />
        </Suspense>
      )}
    </section>
  );
}
