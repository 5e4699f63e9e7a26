import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/api-error.ts';
import { hasFailures, isOperationFinished } from '../../api/operation-cache.ts';
import { operationItemsQueryOptions } from '../../api/roster-operations.ts';
import { plural } from '../../contract/plural.ts';
import type { Operation, OperationItem } from '../../contract/roster-operations.ts';
import { paths } from '../../lib/paths.ts';
import { ProgressBar } from '../progress-bar.tsx';
import { OperationActions } from './operation-actions.tsx';
import { operationOutcome, outcomeCounts } from './operation-outcome.ts';
import { formatElapsed, useNow } from './operation-times.tsx';

const FAILURES_SHOWN = 50;

/** "Ada Lovelace (ada@example.com) → Billing" */
export function itemSubject(item: Pick<OperationItem, 'user' | 'target'>): string {
  const email = item.user.email ? ` (${item.user.email})` : '';
  return `${item.user.name}${email} → ${item.target.name}`;
}

/** The upstream's reason for a failed item, with its code when the words alone do not carry it. */
export function failureReason(item: Pick<OperationItem, 'details' | 'error' | 'status'>): string {
  const words = item.details ?? item.error ?? item.status ?? 'Failed';
  return item.error && item.details ? `${words} (${item.error})` : words;
}

/** "2 of 3 jobs running · " while Zendesk works, "3 jobs · " after; nothing where there are no jobs (Box). */
export function jobsText(jobs: Operation['jobs'], finished: boolean): string {
  if (jobs.total === 0) return '';
  return finished
    ? `${plural(jobs.total, 'job', 'jobs')} · `
    : `${jobs.running.toLocaleString()} of ${plural(jobs.total, 'job', 'jobs')} running · `;
}

/** The state in words with its icon, then what came of the items once it has finished. */
export function OperationStatus({ operation }: { operation: Operation }) {
  const outcome = operationOutcome(operation);
  const finished = isOperationFinished(operation);
  return (
    <span className={`operation-state tone-${outcome.tone}`} role="status">
      <span aria-hidden="true">{outcome.icon}</span> {outcome.word}
      {finished && ` — ${outcomeCounts(operation)}`}
    </span>
  );
}

function FailedItems({ operation }: { operation: Operation }) {
  const failed = useInfiniteQuery(
    operationItemsQueryOptions(operation.id, { state: 'failed' }, FAILURES_SHOWN),
  );
  const items = failed.data?.pages[0]?.items ?? [];
  const more = operation.counts.failed - items.length;
  if (failed.isError)
    return <p className="form-error">Could not load the failed items: {describeError(failed.error)}</p>;
  return (
    <ul aria-label="Failed items" className="operation-failures">
      {items.map((item) => (
        <li key={item.index}>
          <span>{itemSubject(item)}</span>: <span className="failure-reason">{failureReason(item)}</span>
        </li>
      ))}
      {more > 0 && items.length > 0 && (
        <li>
          <Link to={paths.operation.href(operation.id, { state: 'failed' })}>
            … and {more.toLocaleString()} more
          </Link>
        </li>
      )}
    </ul>
  );
}

/**
 * One operation on the page that started it: a single progress bar over all its items, who
 * started it, why it waits when it does, and once it ends what failed with the upstream's reason,
 * Retry failed for just those, and Cancel while it runs. One that finished without failures folds
 * to a line (its details a click away), so the table below moves back up.
 */
export function OperationProgress({ operation, onDismiss }: { operation: Operation; onDismiss: () => void }) {
  const finished = isOperationFinished(operation);
  const outcome = operationOutcome(operation);
  const now = useNow(!finished);
  const [unfolded, setUnfolded] = useState(false);
  const foldable = finished && !hasFailures(operation);
  const folded = foldable && !unfolded;
  const { counts, jobs } = operation;
  return (
    <section
      className={`operation tone-${outcome.tone}${folded ? ' operation-folded' : ''}`}
      aria-label={operation.label}
      data-testid="operation"
    >
      <div className="operation-head">
        <Link to={paths.operation.href(operation.id)} className="operation-label">
          {operation.label}
        </Link>
        <OperationStatus operation={operation} />
        {foldable && (
          <button
            type="button"
            className="button-quiet"
            aria-expanded={unfolded}
            onClick={() => setUnfolded(!unfolded)}
          >
            Details
          </button>
        )}
        {finished && (
          <button type="button" className="button-quiet" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      {!folded && (
        <>
          <ProgressBar
            value={operation.done}
            max={counts.total}
            label={`Progress of ${operation.label}`}
            tone={outcome.tone}
          />
          <span className="operation-meta">
            {jobsText(jobs, finished)}
            by {operation.actor.name}
            {finished ? '' : ` · ${formatElapsed(now - Date.parse(operation.created_at))}`}
          </span>
          {operation.state_reason && <p className="operation-reason">{operation.state_reason}</p>}
          {finished && counts.failed > 0 && <FailedItems operation={operation} />}
          <OperationActions operation={operation} className="operation-actions" />
        </>
      )}
    </section>
  );
}
