import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { boxGroupQueryOptions } from '../../api/box/box-groups.ts';
import { boxGroupMembersQueryOptions } from '../../api/box/box-memberships.ts';
import { selectedCount, useRowSelection } from '../../components/data-table/row-selection.ts';
import { ExportButton } from '../../components/exports/export-button.tsx';
import { EmptyState, ErrorState } from '../../components/list-states.tsx';
import { MemberListSection } from '../../components/members/member-list-section.tsx';
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { BOX_MAX_OFFSET } from '../../contract/box/box-collection.ts';
import type {
  BoxConfigurablePermissions,
  BoxGroupMembership,
  BoxMembershipRole,
} from '../../contract/box/box-group-membership.ts';
import { plural } from '../../contract/plural.ts';
import { paths } from '../../lib/paths.ts';
import { BoxMembersTable } from './box-members-table.tsx';
import { parseBoxId } from './parse-box-id.ts';

/** The dialogs load when opened, so the member list shows sooner. */
const AddBoxUsersDialog = lazy(async () => ({
  default: (await import('./add-box-users-dialog.tsx')).AddBoxUsersDialog,
}));
const RemoveBoxMembersDialog = lazy(async () => ({
  default: (await import('./remove-box-members-dialog.tsx')).RemoveBoxMembersDialog,
}));
const ChangeBoxRoleDialog = lazy(async () => ({
  default: (await import('./change-box-role-dialog.tsx')).ChangeBoxRoleDialog,
}));
const MakeBoxAdminsDialog = lazy(async () => ({
  default: (await import('./make-box-admins-dialog.tsx')).MakeBoxAdminsDialog,
}));
const EditBoxPermissionsDialog = lazy(async () => ({
  default: (await import('./edit-box-permissions-dialog.tsx')).EditBoxPermissionsDialog,
}));

export function BoxGroupPage() {
  const groupId = parseBoxId(useParams().groupId);
  if (groupId === undefined) {
    return (
      <NotFoundMessage
        title="No such Box group"
        back={{ to: paths.boxGroups.href(), label: 'All Box groups' }}
      >
        Box group addresses end in the group's id, like /box/groups/30000001.
      </NotFoundMessage>
    );
  }
  return <BoxGroupDetail key={groupId} groupId={groupId} />;
}

function BoxGroupDetail({ groupId }: { groupId: string }) {
  const group = useQuery(boxGroupQueryOptions(groupId));
  const members = useInfiniteQuery(boxGroupMembersQueryOptions(groupId));
  const rows = useMemo(() => members.data?.pages.flatMap((page) => page.items) ?? [], [members.data]);
  const total = members.data?.pages[0]?.total;
  const ceiling = members.data?.pages.at(-1)?.ceiling ?? false;
  const { selection, clear, selectAll, setLoaded } = useRowSelection<string>();
  const [dialog, setDialog] = useState<'add' | 'remove' | 'promote' | BoxMembershipRole | null>(null);
  /** What the new admins may do, chosen before the review of a promotion. */
  const [permissions, setPermissions] = useState<BoxConfigurablePermissions | undefined>(undefined);
  const [editing, setEditing] = useState<BoxGroupMembership | null>(null);
  const count = total ?? rows.length;
  const selected = selectedCount(selection, count);

  if (group.isError) {
    return group.error instanceof ApiError && group.error.kind === 'not_found' ? (
      <NotFoundMessage
        title="Box group not found"
        back={{ to: paths.boxGroups.href(), label: 'All Box groups' }}
      >
        There is no Box group {groupId}. It may have been deleted.
      </NotFoundMessage>
    ) : (
      <ErrorState what="this Box group" error={group.error} onRetry={() => group.refetch()} />
    );
  }

  return (
    <section className="page">
      <title>{`${group.data?.name ?? 'Box group'} · Roster`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.boxGroups.href()}>Box groups</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{group.data?.name ?? '…'}</h1>
          <p className="lede">
            {group.data?.description || ' '}
            {total !== undefined && (
              <span className="member-total" data-testid="member-total">
                {group.data?.description ? ' · ' : ''}
                {plural(total, 'member', 'members')}
              </span>
            )}
          </p>
        </div>
        <div className="page-actions">
          <ExportButton
            kind="box_group_memberships"
            scope={{ box_group_id: groupId }}
            label="Export members"
            description={group.data?.name}
          />
          <button
            type="button"
            className="button-primary"
            onClick={() => setDialog('add')}
            disabled={!group.data}
          >
            Add users
          </button>
        </div>
      </header>

      <MemberListSection
        scope={{ box_group_id: groupId }}
        selection={selection}
        selected={selected}
        count={count}
        onSelectAll={selectAll}
        onClearSelection={clear}
        hint="Select members to change their role or remove them."
        actions={
          <>
            <button type="button" onClick={() => setDialog('promote')}>
              Make admin
            </button>
            <button type="button" onClick={() => setDialog('member')}>
              Make member
            </button>
            <button type="button" className="button-danger" onClick={() => setDialog('remove')}>
              Remove selected
            </button>
          </>
        }
        members={members}
        isEmpty={rows.length === 0}
        empty={
          <EmptyState title="No one is in this group yet.">
            <span>Use “Add users” to find people by name or paste a list of logins.</span>
          </EmptyState>
        }
      >
        <BoxMembersTable
          rows={rows}
          total={total}
          hasMore={members.hasNextPage}
          isFetchingMore={members.isFetchingNextPage}
          onLoadMore={() => void members.fetchNextPage({ cancelRefetch: false })}
          selection={selection}
          onSelectMany={setLoaded}
          onClearSelection={clear}
          onEditPermissions={setEditing}
        />
      </MemberListSection>

      {ceiling && total !== undefined && (
        <p className="notice" role="status" data-testid="offset-ceiling">
          Box lists a group's members only up to offset {BOX_MAX_OFFSET.toLocaleString()}: the first{' '}
          {rows.length.toLocaleString()} of {total.toLocaleString()} are shown, the other{' '}
          {(total - rows.length).toLocaleString()} cannot be paged to. Find a person under Box users to see
          their groups.
        </p>
      )}

      <Suspense fallback={null}>
        {dialog === 'add' && group.data && (
          <AddBoxUsersDialog group={group.data} onClose={() => setDialog(null)} />
        )}
        {dialog === 'remove' && group.data && (
          <RemoveBoxMembersDialog
            group={group.data}
            selection={selection}
            rows={rows}
            count={selected}
            onStarted={clear}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog === 'promote' && group.data && (
          <MakeBoxAdminsDialog
            count={selected}
            groupName={group.data.name}
            pending={false}
            error={undefined}
            onConfirm={(chosen) => {
              setPermissions(chosen);
              setDialog('admin');
            }}
            onClose={() => setDialog(null)}
          />
        )}
        {(dialog === 'admin' || dialog === 'member') && group.data && (
          <ChangeBoxRoleDialog
            group={group.data}
            role={dialog}
            permissions={dialog === 'admin' ? permissions : undefined}
            selection={selection}
            rows={rows}
            count={selected}
            onStarted={clear}
            onClose={() => setDialog(null)}
          />
        )}
        {editing && <EditBoxPermissionsDialog membership={editing} onClose={() => setEditing(null)} />}
      </Suspense>
    </section>
  );
}
