import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { recentJobStatusesQueryOptions } from '../../api/job-statuses.ts';
import { VirtualTable, type VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { EmptyState, ListStates } from '../../components/list-states.tsx';
import { OPERATION_STATE_TEXT } from '../../components/operation-state-text.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';
import type { JobStatus } from '../../contract/job-status.ts';
import {
  type BulkOperation,
  isOperationActive,
  type OperationState,
  operationProgress,
} from '../../lib/bulk-operations/bulk-operation.ts';
import { useBulkOperations } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { formatElapsed, useNow } from './elapsed.ts';

const FILTERS = {
  all: { label: 'All', keep: () => true },
  running: { label: 'Running', keep: (state: OperationState) => state === 'queued' || state === 'working' },
  finished: {
    label: 'Finished',
    keep: (state: OperationState) => state !== 'queued' && state !== 'working',
  },
  failures: {
    label: 'With failures',
    keep: (state: OperationState) => state === 'completed_with_failures' || state === 'failed',
  },
} as const;
type FilterName = keyof typeof FILTERS;

const isFilterName = (value: string | null): value is FilterName => value !== null && value in FILTERS;

const JOB_COLUMNS: VirtualTableColumn<JobStatus>[] = [
  {
    id: 'type',
    header: 'Job',
    width: 'minmax(220px, 2fr)',
    cell: ({ row }) => <Link to={`/jobs/${row.original.id}`}>{row.original.job_type}</Link>,
  },
  {
    id: 'id',
    header: 'Id',
    width: 'minmax(120px, 1fr)',
    cell: ({ row }) => <code className="truncate">{row.original.id}</code>,
  },
  {
    id: 'status',
    header: 'Status',
    width: '110px',
    cell: ({ row }) => <span className="capitalize">{row.original.status}</span>,
  },
  {
    id: 'progress',
    header: 'Items',
    width: '110px',
    align: 'end',
    cell: ({ row }) =>
      `${(row.original.progress ?? 0).toLocaleString()} / ${(row.original.total ?? 0).toLocaleString()}`,
  },
];

function OperationRow({ operation, now }: { operation: BulkOperation; now: number }) {
  const progress = operationProgress(operation);
  return (
    <li className="operation-line" data-testid="operation-line">
      <Link to={`/jobs/${operation.id}`} className="operation-line-label">
        {operation.label}
      </Link>
      <span className={`operation-state-text state-${progress.state}`}>
        {OPERATION_STATE_TEXT[progress.state]}
      </span>
      <ProgressBar value={progress.done} max={progress.total} label={`Progress of ${operation.label}`} />
      <span className="cell-muted">
        {progress.jobsDone}/{progress.jobs} jobs ·{' '}
        {isOperationActive(operation)
          ? `running for ${formatElapsed(now - operation.createdAt)}`
          : new Date(operation.createdAt).toLocaleString()}
      </span>
    </li>
  );
}

export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('show');
  const filter: FilterName = isFilterName(filterParam) ? filterParam : 'all';
  const operations = useBulkOperations();
  const anyActive = operations.some(isOperationActive);
  const now = useNow(anyActive);
  const shown = operations.filter((operation) => FILTERS[filter].keep(operationProgress(operation).state));

  const jobs = useInfiniteQuery({
    ...recentJobStatusesQueryOptions(),
    refetchInterval: anyActive ? 5000 : false,
  });
  const jobRows = useMemo(() => jobs.data?.pages.flatMap((page) => page.job_statuses) ?? [], [jobs.data]);

  return (
    <section className="page">
      <title>Jobs · Roster</title>
      <header className="page-header">
        <div>
          <h1>Jobs</h1>
          <p className="lede">
            Bulk operations started in this browser, and every job Zendesk ran for this account today.
          </p>
        </div>
      </header>

      <h2 className="section-title">Started in this browser</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Show operations</legend>
        {(Object.keys(FILTERS) as FilterName[]).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={filter === name}
            onClick={() => setParams(name === 'all' ? {} : { show: name }, { replace: true })}
          >
            {FILTERS[name].label}
          </button>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <EmptyState
          title={operations.length === 0 ? 'No bulk operations yet.' : 'Nothing matches this filter.'}
        >
          {operations.length === 0 && <span>Adding or removing members from a group page starts one.</span>}
        </EmptyState>
      ) : (
        <ul className="operation-lines">
          {shown.map((operation) => (
            <OperationRow key={operation.id} operation={operation} now={now} />
          ))}
        </ul>
      )}

      <h2 className="section-title">All jobs in this account</h2>
      <ListStates
        query={jobs}
        what="the account's jobs"
        isEmpty={jobRows.length === 0}
        empty={<EmptyState title="No jobs in the last day." />}
      >
        <div className="jobs-table">
          <VirtualTable
            label="Account jobs"
            columns={JOB_COLUMNS}
            rows={jobRows}
            getRowId={(job) => job.id}
            hasMore={jobs.hasNextPage}
            isFetchingMore={jobs.isFetchingNextPage}
            onLoadMore={() => void jobs.fetchNextPage({ cancelRefetch: false })}
          />
        </div>
      </ListStates>
    </section>
  );
}
