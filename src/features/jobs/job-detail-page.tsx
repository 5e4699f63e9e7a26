import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/api-error.ts';
import { jobStatusQueryOptions } from '../../api/job-statuses.ts';
import { ErrorState, LoadingRows } from '../../components/list-states.tsx';
import { OperationProgress } from '../../components/operation-progress.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { FINAL_JOB_STATES, type JobStatus } from '../../contract/job-status.ts';
import type { BulkOperation } from '../../lib/bulk-operations/bulk-operation.ts';
import { useBulkEngine, useBulkOperation } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { downloadText } from './download-text.ts';
import { operationResultLines } from './operation-result-lines.ts';
import { type ResultLine, resultsCsv } from './results-csv.ts';
import { ResultsTable } from './results-table.tsx';

export function JobDetailPage() {
  const id = useParams().jobId ?? '';
  const operation = useBulkOperation(id);
  return (
    <section className="page">
      <title>Job results · Roster</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/jobs">Jobs</Link> <span aria-hidden="true">/</span>
      </nav>
      {operation ? <OperationDetail operation={operation} /> : <ZendeskJobDetail jobId={id} />}
    </section>
  );
}

function ResultActions({ lines, filename }: { lines: ResultLine[]; filename: string }) {
  const [copied, setCopied] = useState<string>();
  const failed = lines.filter((line) => line.outcome === 'Failed' || line.outcome === 'Expired');
  return (
    <div className="page-tools">
      <button
        type="button"
        disabled={failed.length === 0}
        onClick={() =>
          navigator.clipboard.writeText(resultsCsv(failed)).then(
            () => setCopied(`Copied ${failed.length} failed item${failed.length === 1 ? '' : 's'} as CSV.`),
            () => setCopied('The browser did not allow copying; use Download instead.'),
          )
        }
      >
        Copy failed as CSV
      </button>
      <button type="button" onClick={() => downloadText(filename, resultsCsv(lines))}>
        Download results (CSV)
      </button>
      <span role="status" className="cell-muted">
        {copied}
      </span>
    </div>
  );
}

function OperationDetail({ operation }: { operation: BulkOperation }) {
  const engine = useBulkEngine();
  const lines = operationResultLines(operation);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{operation.label}</h1>
          <p className="lede">
            Started in this browser {new Date(operation.createdAt).toLocaleString()} ·{' '}
            {operation.attempts.length === 1 ? '1 attempt' : `${operation.attempts.length} attempts`}
          </p>
        </div>
      </header>
      <OperationProgress operation={operation} onRetryFailed={() => engine.retryFailed(operation.id)} />
      <ResultActions lines={lines} filename={`${operation.id}-results.csv`} />
      <ResultsTable lines={lines} label="Results" />
    </>
  );
}

function zendeskResultLines(job: JobStatus): ResultLine[] {
  return (job.results ?? []).map((result, position) => ({
    item: `Item ${(result.index ?? position) + 1}${result.id !== undefined ? ` (record ${result.id})` : ''}`,
    action: result.action ?? '',
    outcome: result.success === false || result.error ? 'Failed' : 'Succeeded',
    error: result.error ?? '',
    details: result.details ?? '',
  }));
}

/** A job this browser did not start: Zendesk's own record of it, refreshed until it ends. */
function ZendeskJobDetail({ jobId }: { jobId: string }) {
  const job = useQuery({
    ...jobStatusQueryOptions(jobId),
    refetchInterval: (query) =>
      query.state.data && FINAL_JOB_STATES.has(query.state.data.status) ? false : 2000,
  });
  if (job.isPending) return <LoadingRows label="Loading the job" />;
  if (job.data === undefined) {
    return job.error instanceof Error && 'kind' in job.error && job.error.kind === 'not_found' ? (
      <div className="message-page">
        <h1>Job not found</h1>
        <p>
          Zendesk keeps job statuses for one day, and this browser has no operation with this id. It may have
          expired.
        </p>
        <Link to="/jobs">All jobs</Link>
      </div>
    ) : (
      <ErrorState what="this job" error={job.error} onRetry={() => job.refetch()} />
    );
  }
  const data = job.data;
  const lines = zendeskResultLines(data);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{data.job_type}</h1>
          <p className="lede">
            Job <code>{data.id}</code> · <span className="capitalize">{data.status}</span>
            {data.message ? ` · ${data.message}` : ''}
          </p>
        </div>
      </header>
      <ProgressBar value={data.progress ?? 0} max={data.total ?? 0} label={`Progress of job ${data.id}`} />
      {data.results === null ? (
        <p className="cell-muted">Per-item results appear when the job has finished.</p>
      ) : (
        <>
          <ResultActions lines={lines} filename={`job-${data.id}-results.csv`} />
          <ResultsTable lines={lines} label="Results" />
        </>
      )}
      {job.isRefetchError && (
        <p className="form-error" role="alert">
          Refreshing failed: {describeError(job.error)}
        </p>
      )}
    </>
  );
}
