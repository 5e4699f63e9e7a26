import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  addUserToGroupMutationOptions,
  addUserToOrganizationMutationOptions,
} from '../../api/add-person-membership.ts';
import { ApiError, describeError } from '../../api/api-error.ts';
import { currentUserQueryOptions } from '../../api/current-user.ts';
import {
  makeDefaultGroupMembershipMutationOptions,
  makeDefaultOrganizationMembershipMutationOptions,
} from '../../api/make-default-membership.ts';
import { membershipPermissionsOf } from '../../api/membership-permissions.ts';
import {
  userGroupMembershipsQueryOptions,
  userOrganizationMembershipsQueryOptions,
} from '../../api/user-memberships.ts';
import { userQueryOptions } from '../../api/users.ts';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { ErrorState } from '../../components/list-states.tsx';
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { ROLE_WORDS } from '../../components/role-words.ts';
import { isAgentRole, type User } from '../../contract/user.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';
import { paths } from '../../lib/paths.ts';
import { PersonBoxGroups } from './person-box-groups.tsx';
import { PersonGroupsSection } from './person-groups-section.tsx';
import { PersonOrganizationsSection } from './person-organizations-section.tsx';
import type { PersonRemoval } from './remove-person-membership-dialog.tsx';
import './user-page.css';

/**
 * The removal dialog loads when it is opened. The pickers do not load apart: the server renders
 * them, and text typed into a server-rendered picker whose code was still on its way was lost.
 */
const RemovePersonMembershipDialog = lazy(async () => ({
  default: (await import('./remove-person-membership-dialog.tsx')).RemovePersonMembershipDialog,
}));

/** The membership grid narrowed to this person: their groups, or for an end user their organizations. */
function gridPathOf(
  person: Pick<User, 'email' | 'name' | 'role'>,
  organizations: readonly { organization_id: number }[] | undefined,
): string {
  const q = person.email ?? person.name;
  if (isAgentRole(person.role)) return paths.groupMatrix.href({ q });
  const columns = (organizations ?? []).map((m) => m.organization_id).join(',');
  return paths.organizationMatrix.href({ q, columns });
}

export function UserPage() {
  const userId = parseRecordId(useParams().userId);
  if (userId === undefined) {
    return (
      <NotFoundMessage title="No such person" back={{ to: paths.users.href(), label: 'All users' }}>
        Addresses of people end in their number, like /users/380000001.
      </NotFoundMessage>
    );
  }
  return <UserDetail key={userId} userId={userId} />;
}

function UserDetail({ userId }: { userId: number }) {
  const user = useQuery(userQueryOptions(userId));
  const viewer = useQuery(currentUserQueryOptions());
  /** End users may read their own organization memberships and nothing more, so they get no controls. */
  const canEdit = viewer.data !== undefined && isAgentRole(viewer.data.role);
  const groupPermission = membershipPermissionsOf(viewer.data).groups;
  const groupMemberships = useQuery(userGroupMembershipsQueryOptions(userId));
  const organizationMemberships = useQuery(userOrganizationMembershipsQueryOptions(userId));
  const makeGroupDefault = useMutation(makeDefaultGroupMembershipMutationOptions());
  const addGroup = useMutation(addUserToGroupMutationOptions());
  const makeOrganizationDefault = useMutation(makeDefaultOrganizationMembershipMutationOptions());
  const addOrganization = useMutation(addUserToOrganizationMutationOptions());
  const [removal, setRemoval] = useState<PersonRemoval>();

  if (user.isError) {
    return user.error instanceof ApiError && user.error.kind === 'not_found' ? (
      <NotFoundMessage title="Person not found" back={{ to: paths.users.href(), label: 'All users' }}>
        There is no user {userId} in this account.
      </NotFoundMessage>
    ) : (
      <ErrorState what="this person" error={user.error} onRetry={() => user.refetch()} />
    );
  }
  const person = user.data;
  const agent = person ? isAgentRole(person.role) : false;
  const errors = [makeGroupDefault, addGroup, makeOrganizationDefault, addOrganization]
    .filter((mutation) => mutation.isError)
    .map((mutation) => describeError(mutation.error));

  return (
    <section className="page">
      <title>{`${person?.name ?? 'Person'} · Roster`}</title>
      {canEdit && (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={paths.users.href()}>Users</Link> <span aria-hidden="true">/</span>
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
        <PersonGroupsSection
          userId={userId}
          personName={person?.name}
          canEdit={canEdit}
          permission={groupPermission}
          memberships={groupMemberships}
          makeDefault={makeGroupDefault}
          add={addGroup}
          onRemove={setRemoval}
        />
      )}

      <PersonOrganizationsSection
        userId={userId}
        personName={person?.name}
        canEdit={canEdit}
        memberships={organizationMemberships}
        makeDefault={makeOrganizationDefault}
        add={addOrganization}
        onRemove={setRemoval}
      />
      {canEdit && <PersonBoxGroups email={person?.email ?? null} />}
      {removal && (
        <Suspense fallback={null}>
          <RemovePersonMembershipDialog removal={removal} onClose={() => setRemoval(undefined)} />
        </Suspense>
      )}
    </section>
  );
}
