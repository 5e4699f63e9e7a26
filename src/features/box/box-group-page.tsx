import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error.ts';
import { boxGroupQueryOptions } from '../../api/box/box-groups.ts';
import { boxGroupMembersQueryOptions, boxMembershipKeys } from '../../api/box/box-memberships.ts';
import { fetchAllBoxEntries } from '../../api/box/box-paging.ts';
import { BulkActionBar } from '../../components/bulk-action-bar.tsx';
import {
  type RowSelection,
  selectedCount,
  useRowSelection,
} from '../../components/data-table/row-selection.ts';
import { EmptyState, ErrorState, ListStates } from '../../components/list-states.tsx';
import { ScopedOperations } from '../../components/scoped-operations.tsx';
import { BOX_MAX_OFFSET } from '../../contract/box/box-collection.ts';
import {
  type BoxConfigurablePermissions,
  type BoxGroupMembership,
  type BoxMembershipRole,
  boxGroupMembershipSchema,
} from '../../contract/box/box-group-membership.ts';
import { useBulkEngine } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { AddBoxUsersDialog } from './add-box-users-dialog.tsx';
import { BoxMembersTable } from './box-members-table.tsx';
import { boxGroupScope, parseBoxId } from './box-scope.ts';
import { EditBoxPermissionsDialog } from './edit-box-permissions-dialog.tsx';
import { MakeBoxAdminsDialog } from './make-box-admins-dialog.tsx';
import { RemoveBoxMembersDialog } from './remove-box-members-dialog.tsx';

export function BoxGroupPage() {
  const groupId = parseBoxId(useParams().groupId);
  if (groupId === undefined) {
    return (
      <section className="message-page">
        <h1>No such Box group</h1>
        <p>Box group addresses end in the group's id, like /box/groups/30000001.</p>
        <Link to="/box/groups">All Box groups</Link>
      </section>
    );
  }
  return <BoxGroupDetail key={groupId} groupId={groupId} />;
}

/** The selected memberships: loaded rows, or for "all N" every membership Box will list. */
export async function resolveSelection(
  selection: RowSelection<string>,
  rows: readonly BoxGroupMembership[],
  groupId: string,
): Promise<BoxGroupMembership[]> {
  if (selection.mode === 'some') return rows.filter((row) => selection.ids.has(row.id));
  const all = await fetchAllBoxEntries(`/groups/${groupId}/memberships`, boxGroupMembershipSchema);
  return all.filter((membership) => !selection.except.has(membership.id));
}

function BoxGroupDetail({ groupId }: { groupId: string }) {
  const group = useQuery(boxGroupQueryOptions(groupId));
  const members = useInfiniteQuery(boxGroupMembersQueryOptions(groupId));
  const rows = useMemo(() => members.data?.pages.flatMap((page) => page.items) ?? [], [members.data]);
  const total = members.data?.pages[0]?.total;
  const ceiling = members.data?.pages.at(-1)?.ceiling ?? false;
  const { selection, toggle, clear, selectAll, setLoaded } = useRowSelection<string>();
  const [dialog, setDialog] = useState<'add' | 'remove' | 'promote' | null>(null);
  const [editing, setEditing] = useState<BoxGroupMembership | null>(null);
  const engine = useBulkEngine();
  const scope = boxGroupScope(groupId);
  const onToggleLoaded = useCallback(
    (selected: boolean) =>
      setLoaded(
        rows.map((row) => row.id),
        selected,
      ),
    [rows, setLoaded],
  );
  const count = total ?? rows.length;
  const selected = selectedCount(selection, count);

  const changeRole = useMutation({
    mutationFn: async ({
      role,
      name,
      permissions,
    }: {
      role: BoxMembershipRole;
      name: string;
      /** For new admins: what they may do, as chosen. */
      permissions?: BoxConfigurablePermissions | undefined;
    }) => {
      const targets = (await resolveSelection(selection, rows, groupId)).filter((m) => m.role !== role);
      if (targets.length === 0)
        throw new Error(`Everyone selected is already ${role === 'admin' ? 'an admin' : 'a member'}.`);
      engine.start({
        kind: 'box_group_memberships.update',
        label: `Make ${targets.length.toLocaleString()} ${role === 'admin' ? 'admins' : 'members'} in ${name}`,
        items: targets.map((m) => ({
          label: `${m.user.name} (${m.user.login}) → ${role}`,
          payload: {
            box_membership_id: m.id,
            role,
            ...(permissions && { configurable_permissions: permissions }),
          },
        })),
        invalidates: [boxMembershipKeys.all],
        scope,
      });
      clear();
    },
    onSuccess: () => setDialog(null),
  });

  if (group.isError) {
    return group.error instanceof ApiError && group.error.kind === 'not_found' ? (
      <section className="message-page">
        <h1>Box group not found</h1>
        <p>There is no Box group {groupId}. It may have been deleted.</p>
        <Link to="/box/groups">All Box groups</Link>
      </section>
    ) : (
      <ErrorState what="this Box group" error={group.error} onRetry={() => group.refetch()} />
    );
  }

  return (
    <section className="page">
      <title>{`${group.data?.name ?? 'Box group'} · Roster`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/box/groups">Box groups</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{group.data?.name ?? '…'}</h1>
          <p className="lede">
            {group.data?.description || ' '}
            {total !== undefined && (
              <span className="member-total" data-testid="member-total">
                {group.data?.description ? ' · ' : ''}
                {total.toLocaleString()} member{total === 1 ? '' : 's'}
              </span>
            )}
          </p>
        </div>
        <button
          type="button"
          className="button-primary"
          onClick={() => setDialog('add')}
          disabled={!group.data}
        >
          Add users
        </button>
      </header>

      <ScopedOperations scope={scope} />

      {changeRole.isError && dialog !== 'promote' && (
        <div className="notice notice-error" role="alert">
          {describeError(changeRole.error)}
          <button type="button" className="button-quiet" onClick={() => changeRole.reset()}>
            Dismiss
          </button>
        </div>
      )}

      {selected === 0 ? (
        <p className="bulk-hint">Select members to change their role or remove them.</p>
      ) : (
        <BulkActionBar count={selected} noun={{ one: 'member', other: 'members' }} onClear={clear}>
          {selection.mode === 'some' && count > selection.ids.size && (
            <button type="button" onClick={selectAll}>
              Select all {count.toLocaleString()} members
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              changeRole.reset();
              setDialog('promote');
            }}
            disabled={changeRole.isPending || !group.data}
          >
            Make admin
          </button>
          <button
            type="button"
            onClick={() => group.data && changeRole.mutate({ role: 'member', name: group.data.name })}
            disabled={changeRole.isPending}
          >
            Make member
          </button>
          <button type="button" className="button-danger" onClick={() => setDialog('remove')}>
            Remove selected
          </button>
        </BulkActionBar>
      )}

      <ListStates
        query={members}
        what="the members"
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
          onToggle={toggle}
          onToggleLoaded={onToggleLoaded}
          onClearSelection={clear}
          onEditPermissions={setEditing}
        />
      </ListStates>

      {ceiling && total !== undefined && (
        <p className="notice" role="status" data-testid="offset-ceiling">
          Box lists a group's members only up to offset {BOX_MAX_OFFSET.toLocaleString()}: the first{' '}
          {rows.length.toLocaleString()} of {total.toLocaleString()} are shown, the other{' '}
          {(total - rows.length).toLocaleString()} cannot be paged to. Find a person under Box users to see
          their groups.
        </p>
      )}

      {dialog === 'add' && group.data && (
        <AddBoxUsersDialog group={group.data} onClose={() => setDialog(null)} />
      )}
      {dialog === 'remove' && group.data && (
        <RemoveBoxMembersDialog
          group={group.data}
          count={selected}
          resolve={() => resolveSelection(selection, rows, groupId)}
          onStarted={clear}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'promote' && group.data && (
        <MakeBoxAdminsDialog
          count={selected}
          groupName={group.data.name}
          pending={changeRole.isPending}
          error={changeRole.error}
          onConfirm={(permissions) =>
            group.data && changeRole.mutate({ role: 'admin', name: group.data.name, permissions })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {editing && <EditBoxPermissionsDialog membership={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
