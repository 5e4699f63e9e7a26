import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type OperationItemFilters, operationItemsQueryOptions } from '../../api/roster-operations.ts';
import { MutedText } from '../../components/data-table/muted-text.tsx';
import {
  infiniteLoading,
  VirtualTable,
  type VirtualTableColumn,
} from '../../components/data-table/virtual-table.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import { CHANGE_ACTION_BADGE, changeActionWord } from '../../components/operations/change-action.ts';
import type { Tone } from '../../components/operations/operation-outcome.ts';
import type { ItemState, OperationItem } from '../../contract/roster-operations.ts';

export const ITEM_STATES: Record<ItemState, { word: string; icon: string; tone: Tone }> = {
  pending: { word: 'Pending', icon: '…', tone: 'neutral' },
  submitted: { word: 'Sent', icon: '⟳', tone: 'active' },
  succeeded: { word: 'Succeeded', icon: '✓', tone: 'success' },
  failed: { word: 'Failed', icon: '✕', tone: 'danger' },
  cancelled: { word: 'Cancelled', icon: '⊘', tone: 'neutral' },
};

const ALL_COLUMNS: VirtualTableColumn<OperationItem>[] = [
  {
    id: 'index',
    header: '#',
    width: '64px',
    align: 'end',
    cell: ({ row }) => <span className="cell-muted">{(row.original.index + 1).toLocaleString()}</span>,
  },
  {
    id: 'person',
    header: 'Person',
    width: 'minmax(140px, 1.2fr)',
    cell: ({ row }) => <span className="cell-main truncate">{row.original.user.name}</span>,
  },
  {
    id: 'email',
    header: 'Email',
    width: 'minmax(140px, 1.1fr)',
    cell: ({ row }) => <MutedText text={row.original.user.email} />,
  },
  {
    id: 'target',
    header: 'Where',
    width: 'minmax(110px, 0.8fr)',
    cell: ({ row }) => <span className="truncate">{row.original.target.name}</span>,
  },
  {
    id: 'action',
    header: 'Change',
    width: '112px',
    cell: ({ row }) => {
      const { action } = row.original;
      return action ? <span className={CHANGE_ACTION_BADGE[action]}>{changeActionWord(action)}</span> : null;
    },
  },
  {
    id: 'state',
    header: 'Outcome',
    width: '120px',
    cell: ({ row }) => {
      const state = ITEM_STATES[row.original.state];
      return (
        <span className={`outcome tone-${state.tone}`}>
          <span aria-hidden="true">{state.icon}</span> {state.word}
        </span>
      );
    },
  },
  {
    id: 'answer',
    header: 'Upstream answer',
    width: 'minmax(220px, 2.6fr)',
    cell: ({ row }) => {
      const { status, error, details } = row.original;
      // A failure's code and reason say more than its status word ("Failed").
      const text = error
        ? [error, details].filter(Boolean).join(' · ')
        : [status, details].filter(Boolean).join(' · ');
      return <MutedText text={text} />;
    },
  },
  {
    id: 'tries',
    header: 'Tries',
    width: '64px',
    align: 'end',
    cell: ({ row }) => row.original.tries.toLocaleString(),
  },
];

/** The Change column only for a mixed change, whose items each do something else. */
const COLUMNS = ALL_COLUMNS.filter((column) => column.id !== 'action');

/** An operation's per-item results a page at a time, with the upstream's answer for each. */
export function OperationItemsTable({
  operationId,
  filters,
  refetchInterval,
  mixed = false,
}: {
  operationId: string;
  /** A mixed-change operation: each item says what it does. */
  mixed?: boolean;
  filters: OperationItemFilters;
  refetchInterval: number | false;
}) {
  const items = useInfiniteQuery({ ...operationItemsQueryOptions(operationId, filters), refetchInterval });
  const rows = useMemo(() => items.data?.pages.flatMap((page) => page.items) ?? [], [items.data]);
  return (
    <ListStates
      query={items}
      what="the results"
      isEmpty={rows.length === 0}
      empty={
        <EmptyState
          title={filters.state ? `No ${ITEM_STATES[filters.state].word.toLowerCase()} items.` : 'No items.'}
        />
      }
    >
      <VirtualTable
        label="Results"
        columns={mixed ? ALL_COLUMNS : COLUMNS}
        rows={rows}
        getRowId={(item) => String(item.index)}
        {...infiniteLoading(items)}
      />
    </ListStates>
  );
}
