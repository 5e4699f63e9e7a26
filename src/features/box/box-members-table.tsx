import { useMemo } from 'react';
import { Link } from 'react-router';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import { type RowSelection, tableSelectionOf } from '../../components/data-table/row-selection.ts';
import { selectionColumn } from '../../components/data-table/selection-column.tsx';
import { VirtualTable, type VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { formatDay } from '../../components/dates.tsx';
import type { BoxGroupMembership } from '../../contract/box/box-group-membership.ts';
import { paths } from '../../lib/paths.ts';
import { BoxPermissionsCell } from './box-permissions-cell.tsx';

type Props = {
  rows: BoxGroupMembership[];
  total: number | undefined;
  hasMore: boolean;
  isFetchingMore: boolean;
  onLoadMore: () => void;
  selection: RowSelection<string>;
  /** Sets these rows' selection at once: one box, the header's, a shift-click's range or Space. */
  onSelectMany: (ids: readonly string[], selected: boolean) => void;
  onClearSelection: () => void;
  onEditPermissions: (membership: BoxGroupMembership) => void;
};

/** A Box group's members on the shared virtual table: login, role and an admin's permissions. */
export function BoxMembersTable(props: Props) {
  const { rows, selection, onSelectMany, onEditPermissions } = props;
  const columns = useMemo<VirtualTableColumn<BoxGroupMembership>[]>(
    () => [
      selectionColumn({ allLabel: 'Select all loaded members', nameOf: (row) => row.user.name }),
      {
        id: 'name',
        header: 'Name',
        width: 'minmax(140px, 1fr)',
        cell: ({ row }) => (
          <span className="cell-main truncate">
            <Link to={paths.boxUser.href(row.original.user.id)}>{row.original.user.name}</Link>
          </span>
        ),
      },
      {
        id: 'login',
        header: 'Login',
        width: 'minmax(220px, 2fr)',
        cell: ({ row }) => <MutedText text={row.original.user.login} />,
      },
      {
        id: 'role',
        header: 'Role',
        width: '90px',
        cell: ({ row }) => (row.original.role === 'admin' ? <span className="badge">Admin</span> : 'Member'),
      },
      {
        id: 'permissions',
        header: 'Admin permissions',
        width: 'minmax(160px, 1.2fr)',
        cell: ({ row }) =>
          row.original.role === 'admin' ? (
            <BoxPermissionsCell membership={row.original} onEdit={onEditPermissions} />
          ) : (
            <span className="cell-muted">—</span>
          ),
      },
      {
        id: 'since',
        header: 'Member since',
        width: '130px',
        align: 'end',
        cell: ({ row }) => (
          <time dateTime={row.original.created_at}>{formatDay(row.original.created_at)}</time>
        ),
      },
    ],
    [onEditPermissions],
  );
  return (
    <VirtualTable
      label="Box group members"
      columns={columns}
      rows={rows}
      getRowId={(row) => row.id}
      totalRows={props.total}
      hasMore={props.hasMore}
      isFetchingMore={props.isFetchingMore}
      onLoadMore={props.onLoadMore}
      selection={tableSelectionOf(selection, (row: BoxGroupMembership) => row.id, onSelectMany)}
      onEscape={props.onClearSelection}
    />
  );
}
