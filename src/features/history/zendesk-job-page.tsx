import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error.ts';
import { jobStatusQueryOptions } from '../../api/job-statuses.ts';
import { jobOperationQueryOptions } from '../../api/roster-operations.ts';
import { VirtualTable, type VirtualTableColumn } from '../../components/data-table/virtual-table.tsx';
import { At } from '../../components/dates.tsx';
import { ErrorState, LoadingRows } from '../../components/list-states.tsx';
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { itemSubject } from '../../components/operations/operation-progress.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { FINAL_JOB_STATES, type JobResult } from '../../contract/job-status.ts';
import type { OperationItem } from '../../contract/roster-operations.ts';
import { paths } from '../../lib/paths.ts';
import { downloadText, toCsv } from './csv.ts';
import { JOB_STATE_WORDS, jobActionWord } from './job-words.ts';

type ResultRow = JobResult & {
  position: number;
  failed: boolean;
  /** The operation item this result answers, when a Roster operation sent the job. */
  item: OperationItem | undefined;
};

/** Zendesk's "Completed at 2026-03-04 10:11:12 +0000", with the time in Roster's one date format. */
function JobMessage({ message }: { message: string }) {
  const stamped = /^(.*?)\s*(?:at\s+)?(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) \+0000$/.exec(message);
  if (!stamped) return message;
  const [, words, date, time] = stamped;
  return (
    <>
      {words} <At iso={`${date}T${time}Z`} />
    </>
  );
}

const COLUMNS: VirtualTableColumn<ResultRow>[] = [
  {
    id: 'item',
    header: 'Item',
    width: 'minmax(260px, 3fr)',
    cell: ({ row }) => {
      const { item, id } = row.original;
      if (item)
        return (
          <span className="truncate" title={itemSubject(item)}>
            <Link to={paths.user.href(item.user.id)}>{item.user.name}</Link> → {item.target.name}
          </span>
        );
      return id === undefined ? '—' : `Record ${id}`;
    },
  },
  { id: 'action', header: 'Action', width: '100px', cell: ({ row }) => jobActionWord(row.original.action) },
  {
    id: 'outcome',
    header: 'Outcome',
    width: '120px',
    cell: ({ row }) =>
      row.original.failed ? (
        <span className="outcome tone-danger">
          <span aria-hidden="true">✕</span> Failed
        </span>
      ) : (
        <span className="outcome tone-success">
          <span aria-hidden="true">✓</span> Succeeded
        </span>
      ),
  },
  { id: 'error', header: 'Error', width: '130px', cell: ({ row }) => row.original.error ?? '—' },
  {
    id: 'details',
    header: 'Details',
    width: 'minmax(160px, 2fr)',
    cell: ({ row }) => (
      <span className="truncate" title={row.original.details}>
        {row.original.details ?? '—'}
      </span>
    ),
  },
];

/** A job as Zendesk records it (kept for a day), refreshed until it ends. */
export function ZendeskJobPage() {
  const jobId = useParams().jobId ?? '';
  const job = useQuery({
    ...jobStatusQueryOptions(jobId),
    refetchInterval: (query) =>
      query.state.data && FINAL_JOB_STATES.has(query.state.data.status) ? false : 2000,
  });
  const sentBy = useQuery(jobOperationQueryOptions(jobId));
  const items = sentBy.data?.items ?? [];
  const rows: ResultRow[] = (job.data?.results ?? []).map((result, position) => ({
    ...result,
    position,
    failed: result.success === false || result.error !== undefined,
    item: items[result.index ?? position],
  }));
  return (
    <section className="page">
      <title>Zendesk job · Roster</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.history.href()}>History</Link> <span aria-hidden="true">/</span>
      </nav>
      {job.isPending ? (
        <LoadingRows label="Loading the job" />
      ) : !job.data ? (
        job.error instanceof ApiError && job.error.kind === 'not_found' ? (
          <NotFoundMessage title="Job not found" back={{ to: paths.history.href(), label: 'History' }}>
            Zendesk keeps job statuses for one day; this one may have expired.
          </NotFoundMessage>
        ) : (
          <ErrorState what="this job" error={job.error} onRetry={() => job.refetch()} />
        )
      ) : (
        <>
          <header className="page-header">
            <div>
              <h1>{job.data.job_type}</h1>
              <p className="lede">
                Zendesk job <code>{job.data.id}</code> · {JOB_STATE_WORDS[job.data.status]}
                {job.data.message && (
                  <>
                    {' · '}
                    <JobMessage message={job.data.message} />
                  </>
                )}
              </p>
              {sentBy.data ? (
                <p className="lede">
                  Sent by Roster for{' '}
                  <Link to={paths.operation.href(sentBy.data.operation.id)}>
                    {sentBy.data.operation.label}
                  </Link>
                  .
                </p>
              ) : (
                sentBy.data === null && (
                  <p className="lede">Not sent by a Roster operation: its items show Zendesk's record ids.</p>
                )
              )}
            </div>
          </header>
          <ProgressBar
            value={job.data.progress ?? 0}
            max={job.data.total ?? 0}
            label={`Progress of job ${job.data.id}`}
            tone={rows.some((row) => row.failed) ? 'warning' : 'active'}
          />
          {job.data.results === null ? (
            <p className="cell-muted">Per-item results appear when the job has finished.</p>
          ) : (
            <>
              <div className="page-tools">
                <button
                  type="button"
                  onClick={() =>
                    downloadText(
                      `zendesk-job-${jobId}.csv`,
                      toCsv(
                        [
                          'index',
                          'record_id',
                          'user',
                          'target',
                          'action',
                          'status',
                          'success',
                          'error',
                          'details',
                        ],
                        rows.map((row) => [
                          row.index ?? row.position,
                          row.id ?? null,
                          row.item?.user.name ?? null,
                          row.item?.target.name ?? null,
                          row.action ?? null,
                          row.status ?? null,
                          row.failed ? 'false' : 'true',
                          row.error ?? null,
                          row.details ?? null,
                        ]),
                      ),
                    )
                  }
                >
                  Download results (CSV)
                </button>
              </div>
              <VirtualTable
                label="Results"
                columns={COLUMNS}
                rows={rows}
                getRowId={(row) => String(row.position)}
                hasMore={false}
                isFetchingMore={false}
                onLoadMore={() => {}}
              />
            </>
          )}
          {job.isRefetchError && (
            <p className="form-error" role="alert">
              Refreshing failed: {describeError(job.error)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
