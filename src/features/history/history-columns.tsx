import { Link } from 'react-router';
import { isOperationFinished } from '../../api/operation-cache.ts';
import type { VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { At } from '../../components/dates.tsx';
import { operationOutcome, outcomeCounts } from '../../components/operations/operation-outcome.ts';
import type { Operation, Target } from '../../contract/roster-operations.ts';
import { paths } from '../../lib/paths.ts';
import { withFilter } from './history-filters.ts';

const TARGET_FILTER = {
  group: 'group_id',
  organization: 'organization_id',
  box_group: 'box_group_id',
} as const;

/** Where an operation's changes went, each name a link that narrows History to it. */
function Targets({ targets, params }: { targets: readonly Target[]; params: URLSearchParams }) {
  if (targets.length === 0) return <span className="cell-muted">—</span>;
  return (
    <span className="truncate history-targets">
      {targets.map((target, index) => (
        <span key={`${target.type}:${target.id}`}>
          {index > 0 && ', '}
          <Link
            to={{ search: withFilter(params, TARGET_FILTER[target.type], target.id) }}
            title={`Only changes to ${target.name}`}
          >
            {target.name}
          </Link>
        </span>
      ))}
    </span>
  );
}

function Outcome({ operation }: { operation: Operation }) {
  const outcome = operationOutcome(operation);
  const finished = isOperationFinished(operation);
  const detail = finished
    ? operation.source === 'bulk'
      ? ` · ${outcomeCounts(operation, true)}`
      : ''
    : ` · ${operation.done.toLocaleString()} / ${operation.counts.total.toLocaleString()}`;
  return (
    <span className={`outcome tone-${outcome.tone} truncate`} title={`${outcome.word}${detail}`}>
      <span aria-hidden="true">{outcome.icon}</span> {outcome.word}
      <span className="cell-muted">{detail}</span>
    </span>
  );
}

/** History's table: what, how it came out, who, when and where; places link to narrower views. */
export function historyColumns(params: URLSearchParams): VirtualTableColumn<Operation>[] {
  return [
    {
      id: 'what',
      header: 'What',
      width: 'minmax(220px, 2.2fr)',
      cell: ({ row }) => (
        <span className="cell-main">
          <Link to={paths.operation.href(row.original.id)} className="truncate">
            {row.original.label}
          </Link>
          {row.original.source === 'single' && <span className="badge badge-quiet">Single</span>}
          {row.original.undo_of && <span className="badge badge-quiet">Undo</span>}
        </span>
      ),
    },
    {
      id: 'outcome',
      header: 'Outcome',
      width: 'minmax(210px, 1.7fr)',
      cell: ({ row }) => <Outcome operation={row.original} />,
    },
    {
      id: 'who',
      header: 'Who',
      width: 'minmax(110px, 0.9fr)',
      cell: ({ row }) => <span className="truncate">{row.original.actor.name}</span>,
    },
    {
      id: 'when',
      header: 'When',
      // "Dec 12, 2026, 12:34 PM" whole: a cut date reads as another one.
      width: '180px',
      cell: ({ row }) => (
        <span className="cell-muted truncate">
          <At iso={row.original.created_at} />
        </span>
      ),
    },
    {
      id: 'where',
      header: 'Where',
      width: 'minmax(130px, 1fr)',
      cell: ({ row }) => <Targets targets={row.original.targets} params={params} />,
    },
  ];
}
