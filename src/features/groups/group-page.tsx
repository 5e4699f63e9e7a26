import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { groupMembershipKeys, groupMembersQueryOptions } from '../../api/group-memberships.ts';
import { groupMemberCountQueryOptions, groupQueryOptions } from '../../api/groups.ts';
import { makeDefaultGroupMembershipMutationOptions } from '../../api/make-default-membership.ts';
import { useMembershipPermissions } from '../../api/membership-permissions.ts';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { GuardedButton } from '../../components/guarded-button.tsx';
import { EmptyState, ErrorState } from '../../components/list-states.tsx';
import { MembersSection } from '../../components/members/members-section.tsx';
/** The dialog (and the people picker it brings) loads when opened, so the member list shows sooner. */
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { plural } from '../../contract/plural.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';
import { paths } from '../../lib/paths.ts';
import { groupMemberRowsOf } from './group-member-row.ts';

const AddAgentsDialog = lazy(async () => ({
  default: (await import('./add-agents-dialog.tsx')).AddAgentsDialog,
}));

export function GroupPage() {
  const groupId = parseRecordId(useParams().groupId);
  if (groupId === undefined) {
    return (
      <NotFoundMessage title="No such group" back={{ to: paths.groups.href(), label: 'All groups' }}>
        Group addresses end in the group's number, like /groups/360000001.
      </NotFoundMessage>
    );
  }
  return <GroupDetail key={groupId} groupId={groupId} />;
}

function GroupDetail({ groupId }: { groupId: number }) {
  const group = useQuery(groupQueryOptions(groupId));
  const total = useQuery(groupMemberCountQueryOptions(groupId));
  const members = useInfiniteQuery(groupMembersQueryOptions(groupId));
  const rows = useMemo(() => groupMemberRowsOf(members.data?.pages ?? []), [members.data]);
  const [adding, setAdding] = useState(false);
  const permissions = useMembershipPermissions();
  const makeDefault = useMutation(makeDefaultGroupMembershipMutationOptions());

  if (group.isError) {
    return group.error instanceof ApiError && group.error.kind === 'not_found' ? (
      <NotFoundMessage title="Group not found" back={{ to: paths.groups.href(), label: 'All groups' }}>
        There is no group {groupId} in this account. It may have been deleted.
      </NotFoundMessage>
    ) : (
      <ErrorState what="this group" error={group.error} onRetry={() => group.refetch()} />
    );
  }

  return (
    <section className="page">
      <title>{`${group.data?.name ?? 'Group'} · Roster`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.groups.href()}>Groups</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>
            {group.data?.name ?? '…'}
            {group.data?.default && <span className="badge">Account default</span>}
            {group.data && !group.data.is_public && <span className="badge badge-quiet">Private</span>}
          </h1>
          <p className="lede">
            {group.data?.description || ' '}
            {total.data !== undefined && (
              <span className="member-total" data-testid="member-total">
                {group.data?.description ? ' · ' : ''}
                {plural(total.data, 'member', 'members')}
              </span>
            )}
          </p>
        </div>
        <div className="page-actions">
          <Link to={paths.groupMatrix.href({ in: String(groupId) })} className="page-header-link">
            Open in the grid
          </Link>
          <ExportButton
            kind="group_memberships"
            scope={{ group_id: String(groupId) }}
            label="Export members"
            description={group.data?.name}
          />
          <GuardedButton
            permission={permissions.groups}
            className="button-primary"
            onClick={() => setAdding(true)}
            disabled={!group.data}
          >
            Add agents
          </GuardedButton>
        </div>
      </header>

      <MembersSection
        listId={groupId}
        name={group.data?.name}
        defaultOf="group"
        label="Group members"
        members={members}
        membersKey={groupMembershipKeys.ofGroup(groupId)}
        rows={rows}
        total={total.data}
        empty={
          <EmptyState title="No one is in this group yet.">
            <span>Use “Add agents” to find agents by name or paste a list of emails.</span>
          </EmptyState>
        }
        makeDefault={makeDefault}
        manage={permissions.groups}
      />

      {adding && group.data && (
        <Suspense fallback={null}>
          <AddAgentsDialog group={group.data} onClose={() => setAdding(false)} />
        </Suspense>
      )}
    </section>
  );
}
