import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/api-error.ts';
import { groupMembersQueryOptions } from '../../api/group-memberships.ts';
import { groupMemberCountQueryOptions, groupQueryOptions } from '../../api/groups.ts';
import { BulkActionBar } from '../../components/bulk-action-bar.tsx';
import { selectedCount, useRowSelection } from '../../components/data-table/row-selection.ts';
import { EmptyState, ErrorState, ListStates } from '../../components/list-states.tsx';
import { MembersTable } from '../../components/members/members-table.tsx';
import { OperationProgress } from '../../components/operation-progress.tsx';
import { useBulkEngine, useBulkOperations } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { AddAgentsDialog } from './add-agents-dialog.tsx';
import { type GroupMemberRow, groupMemberRowsOf } from './group-member-row.ts';
import { groupScope } from './group-scope.ts';
import { RemoveGroupMembersDialog } from './remove-group-members-dialog.tsx';
import { useMakeDefault } from './use-make-default.ts';

function parseGroupId(raw: string | undefined): number | undefined {
  const id = Number(raw);
  return raw && /^\d{1,16}$/.test(raw) && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export function GroupPage() {
  const groupId = parseGroupId(useParams().groupId);
  if (groupId === undefined) {
    return (
      <section className="message-page">
        <h1>No such group</h1>
        <p>Group addresses end in the group's number, like /groups/360000001.</p>
        <Link to="/groups">All groups</Link>
      </section>
    );
  }
  return <GroupDetail key={groupId} groupId={groupId} />;
}

function GroupDetail({ groupId }: { groupId: number }) {
  const group = useQuery(groupQueryOptions(groupId));
  const total = useQuery(groupMemberCountQueryOptions(groupId));
  const members = useInfiniteQuery(groupMembersQueryOptions(groupId));
  const rows = useMemo(() => groupMemberRowsOf(members.data?.pages ?? []), [members.data]);
  const { selection, toggle, clear, selectAll, setLoaded } = useRowSelection<number>();
  const [dialog, setDialog] = useState<'add' | 'remove' | undefined>();
  const makeDefault = useMakeDefault();
  const engine = useBulkEngine();
  const operations = useBulkOperations();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const pageOperations = operations.filter(
    (operation) => operation.scope === groupScope(groupId) && !dismissed.has(operation.id),
  );

  const onToggleLoaded = useCallback(
    (selected: boolean) =>
      setLoaded(
        rows.map((row) => row.membership.id),
        selected,
      ),
    [rows, setLoaded],
  );
  const onMakeDefault = useCallback(
    (row: GroupMemberRow) =>
      makeDefault.mutate({
        userId: row.membership.user_id,
        membershipId: row.membership.id,
        userName: row.user?.name ?? `user ${row.membership.user_id}`,
      }),
    [makeDefault.mutate],
  );

  if (group.isError) {
    return group.error instanceof Error && 'kind' in group.error && group.error.kind === 'not_found' ? (
      <section className="message-page">
        <h1>Group not found</h1>
        <p>There is no group {groupId} in this account. It may have been deleted.</p>
        <Link to="/groups">All groups</Link>
      </section>
    ) : (
      <ErrorState what="this group" error={group.error} onRetry={() => group.refetch()} />
    );
  }

  const count = total.data ?? rows.length;
  const selected = selectedCount(selection, count);
  return (
    <section className="page">
      <title>{`${group.data?.name ?? 'Group'} · Roster`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/groups">Groups</Link> <span aria-hidden="true">/</span>
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
                {' '}
                {total.data.toLocaleString()} member{total.data === 1 ? '' : 's'}
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
          Add agents
        </button>
      </header>

      {makeDefault.isError && (
        <div className="notice notice-error" role="alert">
          Could not make {group.data?.name} {makeDefault.variables?.userName}'s default group:{' '}
          {describeError(makeDefault.error)}. The previous default is back.
          <button type="button" className="button-quiet" onClick={() => makeDefault.reset()}>
            Dismiss
          </button>
        </div>
      )}

      {pageOperations.slice(0, 3).map((operation) => (
        <OperationProgress
          key={operation.id}
          operation={operation}
          onRetryFailed={() => engine.retryFailed(operation.id)}
          onDismiss={() => setDismissed((current) => new Set([...current, operation.id]))}
        />
      ))}

      {selected === 0 ? (
        <p className="bulk-hint">Select members to remove them, or press Space on a focused row.</p>
      ) : (
        <BulkActionBar count={selected} noun="member" onClear={clear}>
          {selection.mode === 'some' && count > selection.ids.size && (
            <button type="button" onClick={selectAll}>
              Select all {count.toLocaleString()} members
            </button>
          )}
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
            <span>Use “Add agents” to find agents by name or paste a list of emails.</span>
          </EmptyState>
        }
      >
        <MembersTable
          label="Group members"
          defaultOf="group"
          rows={rows}
          total={total.data}
          hasMore={members.hasNextPage}
          isFetchingMore={members.isFetchingNextPage}
          onLoadMore={() => void members.fetchNextPage({ cancelRefetch: false })}
          selection={selection}
          onToggle={toggle}
          onToggleLoaded={onToggleLoaded}
          onClearSelection={clear}
          onMakeDefault={onMakeDefault}
          pendingDefaultId={makeDefault.isPending ? makeDefault.variables?.membershipId : undefined}
        />
      </ListStates>

      {dialog === 'add' && group.data && (
        <AddAgentsDialog group={group.data} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'remove' && group.data && (
        <RemoveGroupMembersDialog
          group={group.data}
          selection={selection}
          total={count}
          loadedRows={rows}
          onClose={() => setDialog(undefined)}
          onStarted={clear}
        />
      )}
    </section>
  );
}
