import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useCallback, useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { readsFirstPageAgain, restartWindowAtFirstPage } from '../../api/cursor-window.ts';
import type { MakeDefaultMutation } from '../../api/make-default-membership.ts';
import type { Permission } from '../../api/membership-permissions.ts';
import { selectedCount, useRowSelection } from '../data-table/row-selection.ts';
import type { VirtualTableColumn } from '../data-table/virtual-table.tsx';
import { GuardedButton } from '../guarded-button.tsx';
import { MemberListSection } from './member-list-section.tsx';
import { type MemberRow, type MembershipLike, MembersTable } from './members-table.tsx';
import type { MemberRemovalKind } from './remove-members-dialog.tsx';

/** Loads when opened, so the member list shows sooner. */
const RemoveMembersDialog = lazy(async () => ({
  default: (await import('./remove-members-dialog.tsx')).RemoveMembersDialog,
}));

/** A window of member pages (see `cursorWindow`): each page knows where it starts in the whole list. */
type MembersQuery = {
  isPending: boolean;
  error: unknown;
  data: { pages: readonly { start: number }[] } | undefined;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: (options: { cancelRefetch: boolean }) => unknown;
  hasPreviousPage: boolean;
  isFetchingPreviousPage: boolean;
  fetchPreviousPage: (options: { cancelRefetch: boolean }) => unknown;
};

const REMOVAL_KIND: Record<'group' | 'organization', MemberRemovalKind> = {
  group: 'group_memberships.destroy',
  organization: 'organization_memberships.destroy',
};

/**
 * Everything below a group's or organization's header: the make-default notice, this page's bulk
 * operations, the selection bar and the member table with its states.
 */
export function MembersSection<Membership extends MembershipLike>(props: {
  /** The group or organization whose members these are. */
  listId: number;
  /** The group's or organization's name, for messages. */
  name: string | undefined;
  defaultOf: 'group' | 'organization';
  label: string;
  members: MembersQuery;
  /** The members query's key, to start its window over at the first page. */
  membersKey: QueryKey;
  rows: MemberRow<Membership>[];
  total: number | undefined;
  extraColumns?: VirtualTableColumn<MemberRow<Membership>>[];
  empty: ReactNode;
  makeDefault: MakeDefaultMutation;
  /** Whether the signed-in person may add and remove these members. */
  manage: Permission;
}) {
  const { members, rows, makeDefault } = props;
  const queryClient = useQueryClient();
  const rowsBefore = members.data?.pages[0]?.start ?? 0;
  const { selection, clear, selectAll, setLoaded } = useRowSelection<number>();
  const [removing, setRemoving] = useState(false);
  const mutateDefault = makeDefault.mutate;
  const onMakeDefault = useCallback(
    (row: MemberRow<Membership>) =>
      mutateDefault({
        userId: row.membership.user_id,
        membershipId: row.membership.id,
        userName: row.user?.name ?? `user ${row.membership.user_id}`,
      }),
    [mutateDefault],
  );
  const count = props.total ?? rows.length;
  const selected = selectedCount(selection, count);

  return (
    <>
      {makeDefault.isError && (
        <div className="notice notice-error" role="alert">
          Could not make {props.name} the default {props.defaultOf} of {makeDefault.variables?.userName}:{' '}
          {describeError(makeDefault.error)}. The previous default is back.
          <button type="button" className="button-quiet" onClick={() => makeDefault.reset()}>
            Dismiss
          </button>
        </div>
      )}

      <MemberListSection
        scope={
          props.defaultOf === 'group'
            ? { group_id: String(props.listId) }
            : { organization_id: String(props.listId) }
        }
        selection={selection}
        selected={selected}
        count={count}
        onSelectAll={selectAll}
        onClearSelection={clear}
        hint={
          props.manage.allowed
            ? 'Select members to remove them, or press Space on a focused row.'
            : props.manage.pending
              ? props.manage.reason
              : `You can see the members and change their default ${props.defaultOf} here.`
        }
        actions={
          <GuardedButton
            permission={props.manage}
            className="button-danger"
            onClick={() => setRemoving(true)}
          >
            Remove selected
          </GuardedButton>
        }
        members={members}
        isEmpty={rows.length === 0}
        empty={props.empty}
      >
        <MembersTable
          label={props.label}
          defaultOf={props.defaultOf}
          rows={rows}
          {...(props.extraColumns && { extraColumns: props.extraColumns })}
          total={props.total}
          hasMore={members.hasNextPage}
          isFetchingMore={members.isFetchingNextPage}
          onLoadMore={() => void members.fetchNextPage({ cancelRefetch: false })}
          rowsBefore={rowsBefore}
          hasPrevious={members.hasPreviousPage}
          isFetchingPrevious={members.isFetchingPreviousPage}
          onLoadPrevious={(firstVisible) =>
            readsFirstPageAgain(firstVisible, rowsBefore)
              ? restartWindowAtFirstPage(queryClient, props.membersKey)
              : void members.fetchPreviousPage({ cancelRefetch: false })
          }
          selection={selection}
          onSelectMany={setLoaded}
          onClearSelection={clear}
          onMakeDefault={onMakeDefault}
          pendingDefaultId={makeDefault.isPending ? makeDefault.variables?.membershipId : undefined}
        />
      </MemberListSection>

      {removing && (
        <Suspense fallback={null}>
          <RemoveMembersDialog
            kind={REMOVAL_KIND[props.defaultOf]}
            listId={props.listId}
            selection={selection}
            count={selected}
            onStarted={clear}
            onClose={() => setRemoving(false)}
          />
        </Suspense>
      )}
    </>
  );
}
