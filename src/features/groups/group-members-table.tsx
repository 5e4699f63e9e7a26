import { useMemo } from 'react';
import { isSelected, type RowSelection } from '../../components/data-table/row-selection.ts';
import { VirtualTable, type VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import type { GroupMemberRow } from './group-member-row.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

type Props = {
  rows: GroupMemberRow[];
  total: number | undefined;
  hasMore: boolean;
  isFetchingMore: boolean;
  onLoadMore: () => void;
  selection: RowSelection<number>;
  onToggle: (membershipId: number) => void;
  onToggleLoaded: (selected: boolean) => void;
  onClearSelection: () => void;
  onMakeDefault: (row: GroupMemberRow) => void;
  /** The membership whose make-default request is in flight, so a double click sends one. */
  pendingDefaultId: number | undefined;
};

export function GroupMembersTable(props: Props) {
  const { rows, selection, onToggle, onToggleLoaded, onMakeDefault, pendingDefaultId } = props;
  const loadedSelected = rows.filter((row) => isSelected(selection, row.membership.id)).length;

  const columns = useMemo<VirtualTableColumn<GroupMemberRow>[]>(
    () => [
      {
        id: 'select',
        width: '44px',
        align: 'center',
        header: () => (
          <input
            type="checkbox"
            aria-label="Select all loaded members"
            checked={rows.length > 0 && loadedSelected === rows.length}
            ref={(input) => {
              if (input) input.indeterminate = loadedSelected > 0 && loadedSelected < rows.length;
            }}
            onChange={(event) => onToggleLoaded(event.target.checked)}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.user?.name ?? `user ${row.original.membership.user_id}`}`}
            checked={isSelected(selection, row.original.membership.id)}
            onChange={() => onToggle(row.original.membership.id)}
          />
        ),
      },
      {
        id: 'name',
        header: 'Agent',
        width: 'minmax(160px, 1.4fr)',
        cell: ({ row }) => (
          <span className="cell-main truncate">
            {row.original.user?.name ?? `User ${row.original.membership.user_id}`}
          </span>
        ),
      },
      {
        id: 'email',
        header: 'Email',
        width: 'minmax(180px, 1.6fr)',
        cell: ({ row }) => (
          <span className="cell-muted truncate" title={row.original.user?.email ?? undefined}>
            {row.original.user?.email ?? '—'}
          </span>
        ),
      },
      {
        id: 'role',
        header: 'Role',
        width: '90px',
        cell: ({ row }) => <span className="capitalize">{row.original.user?.role ?? '—'}</span>,
      },
      {
        id: 'default',
        header: 'Default group',
        width: '140px',
        cell: ({ row }) => {
          const { membership, user } = row.original;
          const name = user?.name ?? `user ${membership.user_id}`;
          return membership.default ? (
            <span className="default-on" title={`This is ${name}'s default group`}>
              <span aria-hidden="true">●</span> Default
            </span>
          ) : (
            <button
              type="button"
              className="button-link"
              aria-label={`Make this ${name}'s default group`}
              onClick={() => onMakeDefault(row.original)}
              disabled={pendingDefaultId === membership.id}
            >
              Make default
            </button>
          );
        },
      },
      {
        id: 'since',
        header: 'Member since',
        width: '130px',
        align: 'end',
        cell: ({ row }) => (
          <time dateTime={row.original.membership.created_at}>
            {dateFormat.format(new Date(row.original.membership.created_at))}
          </time>
        ),
      },
    ],
    [rows.length, loadedSelected, selection, onToggle, onToggleLoaded, onMakeDefault, pendingDefaultId],
  );

  return (
    <VirtualTable
      label="Group members"
      columns={columns}
      rows={rows}
      getRowId={(row) => String(row.membership.id)}
      totalRows={props.total}
      hasMore={props.hasMore}
      isFetchingMore={props.isFetchingMore}
      onLoadMore={props.onLoadMore}
      isRowSelected={(row) => isSelected(selection, row.membership.id)}
      onToggleRow={(row) => onToggle(row.membership.id)}
      onEscape={props.onClearSelection}
    />
  );
}
