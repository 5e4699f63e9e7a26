import { useMemo } from 'react';
import { Link } from 'react-router';
import type { User } from '../../contract/user.ts';
import { paths } from '../../lib/paths.ts';
import { MutedText } from '../data-table/muted-text.tsx';
import { type RowSelection, tableSelectionOf } from '../data-table/row-selection.ts';
import { selectionColumn } from '../data-table/selection-column.tsx';
import { VirtualTable, type VirtualTableColumn } from '../data-table/virtual-table.tsx';
import { formatDay } from '../dates.tsx';
import { ROLE_WORDS } from '../role-words.ts';

/** A membership with its person, joined from the page's sideloaded users. */
export type MemberRow<Membership extends MembershipLike = MembershipLike> = {
  membership: Membership;
  user: User | undefined;
};
/** What the table needs of either membership kind; organizations send `default: null` for "no". */
export type MembershipLike = { id: number; user_id: number; default: boolean | null; created_at: string };

/** Joins a page's memberships with the users sideloaded on the same page. */
export function memberRowsOf<Membership extends MembershipLike>(
  pages: readonly { memberships: readonly Membership[]; users: readonly User[] }[],
): MemberRow<Membership>[] {
  return pages.flatMap((page) => {
    const users = new Map(page.users.map((user) => [user.id, user]));
    return page.memberships.map((membership) => ({ membership, user: users.get(membership.user_id) }));
  });
}

type Props<Membership extends MembershipLike> = {
  label: string;
  /** "group" or "organization": what the default column is about. */
  defaultOf: string;
  rows: MemberRow<Membership>[];
  /** Columns between the role and the default, e.g. organizations' "view tickets". */
  extraColumns?: VirtualTableColumn<MemberRow<Membership>>[];
  total: number | undefined;
  hasMore: boolean;
  isFetchingMore: boolean;
  onLoadMore: () => void;
  rowsBefore: number;
  hasPrevious: boolean;
  isFetchingPrevious: boolean;
  onLoadPrevious: (firstVisible: number) => void;
  selection: RowSelection<number>;
  /** Sets these rows' selection at once: one box, the header's, a shift-click's range or Space. */
  onSelectMany: (membershipIds: readonly number[], selected: boolean) => void;
  onClearSelection: () => void;
  onMakeDefault: (row: MemberRow<Membership>) => void;
  /** The membership whose make-default request is in flight, so a double click sends one. */
  pendingDefaultId: number | undefined;
};

export function MembersTable<Membership extends MembershipLike>(props: Props<Membership>) {
  const { rows, selection, onSelectMany, onMakeDefault, pendingDefaultId, defaultOf } = props;
  const extraColumns = props.extraColumns;

  const columns = useMemo<VirtualTableColumn<MemberRow<Membership>>[]>(
    () => [
      selectionColumn({
        allLabel: 'Select all loaded members',
        nameOf: (row: MemberRow<Membership>) => row.user?.name ?? `user ${row.membership.user_id}`,
      }),
      {
        id: 'name',
        header: 'Name',
        width: 'minmax(160px, 1.4fr)',
        cell: ({ row }) => (
          <span className="cell-main truncate">
            <Link to={paths.user.href(row.original.membership.user_id)}>
              {row.original.user?.name ?? `User ${row.original.membership.user_id}`}
            </Link>
          </span>
        ),
      },
      {
        id: 'email',
        header: 'Email',
        width: 'minmax(180px, 1.6fr)',
        cell: ({ row }) => <MutedText text={row.original.user?.email} />,
      },
      {
        id: 'role',
        header: 'Role',
        width: '90px',
        cell: ({ row }) => (row.original.user ? ROLE_WORDS[row.original.user.role] : '—'),
      },
      ...(extraColumns ?? []),
      {
        id: 'default',
        header: `Default ${defaultOf}`,
        width: '140px',
        cell: ({ row }) => {
          const { membership, user } = row.original;
          const name = user?.name ?? `user ${membership.user_id}`;
          return membership.default ? (
            <span className="default-on" title={`This is ${name}'s default ${defaultOf}`}>
              <span aria-hidden="true">●</span> Default
            </span>
          ) : (
            <button
              type="button"
              className="button-link"
              aria-label={`Make this ${name}'s default ${defaultOf}`}
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
            {formatDay(row.original.membership.created_at)}
          </time>
        ),
      },
    ],
    [onMakeDefault, pendingDefaultId, defaultOf, extraColumns],
  );

  return (
    <VirtualTable
      label={props.label}
      columns={columns}
      rows={rows}
      getRowId={(row) => String(row.membership.id)}
      totalRows={props.total}
      hasMore={props.hasMore}
      isFetchingMore={props.isFetchingMore}
      onLoadMore={props.onLoadMore}
      rowsBefore={props.rowsBefore}
      hasPrevious={props.hasPrevious}
      isFetchingPrevious={props.isFetchingPrevious}
      onLoadPrevious={props.onLoadPrevious}
      selection={tableSelectionOf(selection, (row: MemberRow<Membership>) => row.membership.id, onSelectMany)}
      onEscape={props.onClearSelection}
    />
  );
}
