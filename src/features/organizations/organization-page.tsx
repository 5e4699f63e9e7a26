import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { makeDefaultOrganizationMembershipMutationOptions } from '../../api/make-default-membership.ts';
import { useMembershipPermissions } from '../../api/membership-permissions.ts';
import {
  organizationMembershipKeys,
  organizationMembersQueryOptions,
} from '../../api/organization-memberships.ts';
import { organizationMemberCountQueryOptions, organizationQueryOptions } from '../../api/organizations.ts';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { GuardedButton } from '../../components/guarded-button.tsx';
import { EmptyState, ErrorState } from '../../components/list-states.tsx';
import { MembersSection } from '../../components/members/members-section.tsx';
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { plural } from '../../contract/plural.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';
import { paths } from '../../lib/paths.ts';
import { type OrganizationMemberRow, organizationMemberRowsOf } from './organization-member-row.ts';

/** The dialog (and the people picker it brings) loads when opened, so the member list shows sooner. */
const AddUsersDialog = lazy(async () => ({
  default: (await import('./add-users-dialog.tsx')).AddUsersDialog,
}));

const VIEW_TICKETS_COLUMN: VirtualTableColumn<OrganizationMemberRow>[] = [
  {
    id: 'view_tickets',
    header: 'Org tickets',
    width: '110px',
    cell: ({ row }) =>
      row.original.membership.view_tickets ? 'Yes' : <span className="cell-muted">No</span>,
  },
];

export function OrganizationPage() {
  const organizationId = parseRecordId(useParams().organizationId);
  if (organizationId === undefined) {
    return (
      <NotFoundMessage
        title="No such organization"
        back={{ to: paths.organizations.href(), label: 'All organizations' }}
      >
        Organization addresses end in the organization's number, like /organizations/370000001.
      </NotFoundMessage>
    );
  }
  return <OrganizationDetail key={organizationId} organizationId={organizationId} />;
}

function OrganizationDetail({ organizationId }: { organizationId: number }) {
  const organization = useQuery(organizationQueryOptions(organizationId));
  const total = useQuery(organizationMemberCountQueryOptions(organizationId));
  const members = useInfiniteQuery(organizationMembersQueryOptions(organizationId));
  const rows = useMemo(() => organizationMemberRowsOf(members.data?.pages ?? []), [members.data]);
  const [adding, setAdding] = useState(false);
  const permissions = useMembershipPermissions();
  const makeDefault = useMutation(makeDefaultOrganizationMembershipMutationOptions());

  if (organization.isError) {
    return organization.error instanceof ApiError && organization.error.kind === 'not_found' ? (
      <NotFoundMessage
        title="Organization not found"
        back={{ to: paths.organizations.href(), label: 'All organizations' }}
      >
        There is no organization {organizationId} in this account. It may have been deleted.
      </NotFoundMessage>
    ) : (
      <ErrorState
        what="this organization"
        error={organization.error}
        onRetry={() => organization.refetch()}
      />
    );
  }

  const data = organization.data;
  return (
    <section className="page">
      <title>{`${data?.name ?? 'Organization'} · Roster`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.organizations.href()}>Organizations</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{data?.name ?? '…'}</h1>
          <p className="lede">
            {data?.domain_names.join(', ') || ' '}
            {total.data !== undefined && (
              <span className="member-total" data-testid="member-total">
                {data?.domain_names.length ? ' · ' : ''}
                {plural(total.data, 'member', 'members')}
              </span>
            )}
          </p>
        </div>
        <div className="page-actions">
          <Link
            to={paths.organizationMatrix.href({ columns: String(organizationId) })}
            className="page-header-link"
          >
            Open in the grid
          </Link>
          <ExportButton
            kind="organization_memberships"
            scope={{ organization_id: String(organizationId) }}
            label="Export members"
            description={data?.name}
          />
          <GuardedButton
            permission={permissions.organizations}
            className="button-primary"
            onClick={() => setAdding(true)}
            disabled={!data}
          >
            Add users
          </GuardedButton>
        </div>
      </header>

      <MembersSection
        listId={organizationId}
        name={data?.name}
        defaultOf="organization"
        label="Organization members"
        members={members}
        membersKey={organizationMembershipKeys.ofOrganization(organizationId)}
        rows={rows}
        total={total.data}
        extraColumns={VIEW_TICKETS_COLUMN}
        empty={
          <EmptyState title="No one is in this organization yet.">
            <span>Use “Add users” to find people by name or paste a list of emails.</span>
          </EmptyState>
        }
        makeDefault={makeDefault}
        manage={permissions.organizations}
      />

      {adding && data && (
        <Suspense fallback={null}>
          <AddUsersDialog organization={data} onClose={() => setAdding(false)} />
        </Suspense>
      )}
    </section>
  );
}
