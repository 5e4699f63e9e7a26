import { VirtualTable, type VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import type { ResultLine } from './results-csv.ts';

const OUTCOME_ICON: Record<ResultLine['outcome'], string> = {
  Succeeded: '✓',
  Failed: '✕',
  Pending: '…',
  Expired: '⌛',
};

const COLUMNS: VirtualTableColumn<ResultLine & { index: number }>[] = [
  {
    id: 'item',
    header: 'Item',
    width: 'minmax(200px, 2fr)',
    cell: ({ row }) => <span className="truncate">{row.original.item}</span>,
  },
  { id: 'action', header: 'Action', width: '90px', cell: ({ row }) => row.original.action },
  {
    id: 'outcome',
    header: 'Outcome',
    width: '120px',
    cell: ({ row }) => (
      <span className={`outcome outcome-${row.original.outcome.toLowerCase()}`}>
        <span aria-hidden="true">{OUTCOME_ICON[row.original.outcome]}</span> {row.original.outcome}
      </span>
    ),
  },
  {
    id: 'error',
    header: 'Error',
    width: '150px',
    cell: ({ row }) => <span className="truncate">{row.original.error || '—'}</span>,
  },
  {
    id: 'details',
    header: 'Details',
    width: 'minmax(220px, 3fr)',
    cell: ({ row }) => (
      <span className="truncate" title={row.original.details}>
        {row.original.details || '—'}
      </span>
    ),
  },
];

export function ResultsTable({ lines, label }: { lines: ResultLine[]; label: string }) {
  const rows = lines.map((line, index) => ({ ...line, index }));
  return (
    <VirtualTable
      label={label}
      columns={COLUMNS}
      rows={rows}
      getRowId={(row) => String(row.index)}
      hasMore={false}
      isFetchingMore={false}
      onLoadMore={() => {}}
    />
  );
}
