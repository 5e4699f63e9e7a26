import type { BulkOperation } from '../lib/bulk-operations/bulk-operation.ts';
import { failedItemIndexes, itemOutcome, operationProgress } from '../lib/bulk-operations/bulk-operation.ts';
import { OPERATION_STATE_TEXT } from './operation-state-text.ts';
import { ProgressBar } from './progress-bar.tsx';

/**
 * One bulk operation: a single progress bar over all its jobs, then what failed, with Zendesk's
 * reason per item, and "Retry failed" for just those.
 */
export function OperationProgress({
  operation,
  onRetryFailed,
  onDismiss,
}: {
  operation: BulkOperation;
  onRetryFailed: () => void;
  /** Offered once the operation has finished, where the page lets a person hide it. */
  onDismiss?: () => void;
}) {
  const progress = operationProgress(operation);
  const failed = failedItemIndexes(operation);
  const finished = progress.state !== 'queued' && progress.state !== 'working';
  const succeeded = finished ? progress.total - failed.length : undefined;
  return (
    <section
      className={`operation operation-${progress.state}`}
      aria-label={operation.label}
      data-testid="operation"
    >
      <div className="operation-head">
        <strong>{operation.label}</strong>
        <span className="operation-state" role="status">
          <span aria-hidden="true">{finished ? (failed.length ? '⚠' : '✓') : '⟳'}</span>{' '}
          {OPERATION_STATE_TEXT[progress.state]}
          {succeeded !== undefined &&
            ` — ${succeeded.toLocaleString()} succeeded, ${failed.length.toLocaleString()} failed`}
        </span>
        {finished && onDismiss && (
          <button type="button" className="button-quiet" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      <ProgressBar value={progress.done} max={progress.total} label={`Progress of ${operation.label}`} />
      <span className="operation-jobs cell-muted">
        {progress.jobsDone} of {progress.jobs} job{progress.jobs === 1 ? '' : 's'} done
      </span>
      {finished && failed.length > 0 && (
        <div className="operation-failures">
          <ul aria-label="Failed items">
            {failed.slice(0, 50).map((index) => {
              const outcome = itemOutcome(operation, index);
              return (
                <li key={index}>
                  <span>{operation.items[index]?.label}</span>:{' '}
                  <span className="failure-reason">
                    {outcome?.details ?? outcome?.error ?? 'Failed'}
                    {outcome?.error && outcome.details ? ` (${outcome.error})` : ''}
                  </span>
                </li>
              );
            })}
            {failed.length > 50 && <li>… and {(failed.length - 50).toLocaleString()} more</li>}
          </ul>
          <button type="button" className="button-primary" onClick={onRetryFailed}>
            Retry {failed.length.toLocaleString()} failed
          </button>
        </div>
      )}
    </section>
  );
}
