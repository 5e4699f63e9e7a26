import * as Toast from '@radix-ui/react-toast';
import { useState } from 'react';
import { Link } from 'react-router';
import { OPERATION_STATE_TEXT } from '../../components/operation-state-text.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { isOperationActive, operationProgress } from '../../lib/bulk-operations/bulk-operation.ts';
import { useBulkOperations } from '../../lib/bulk-operations/use-bulk-operations.ts';
import { formatElapsed, useNow } from './elapsed.ts';
import { useOperationCompletions } from './use-operation-completions.ts';

function outcomeSummary(failed: number, total: number): string {
  if (failed === 0) return `all ${total.toLocaleString()} succeeded`;
  return `${(total - failed).toLocaleString()} succeeded and ${failed.toLocaleString()} failed`;
}

/**
 * Present on every page: running operations with their progress, and those that finished while
 * the page was open, until dismissed. Collapses to a small indicator; completions are announced
 * and shown as a toast that links to the results.
 */
export function JobTray() {
  const operations = useBulkOperations();
  const running = operations.filter(isOperationActive);
  const { completed, dismiss } = useOperationCompletions(operations);
  const finished = completed.flatMap((id) => operations.filter((operation) => operation.id === id));
  const [open, setOpen] = useState(true);
  const now = useNow(running.length > 0);
  const shown = [...running, ...finished];
  const latest = finished.at(-1);
  const latestProgress = latest && operationProgress(latest);

  return (
    <Toast.Provider duration={20_000} label="Job notifications">
      {shown.length > 0 && (
        <aside className="tray" aria-label="Bulk jobs">
          <button type="button" className="tray-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            <span aria-hidden="true">{running.length > 0 ? '⟳' : '✓'}</span>{' '}
            {running.length > 0 ? `${running.length} running` : `${finished.length} finished`}
            {running.length > 0 && finished.length > 0 && `, ${finished.length} finished`}
          </button>
          {open && (
            <ul className="tray-list">
              {shown.map((operation) => {
                const progress = operationProgress(operation);
                const active = isOperationActive(operation);
                return (
                  <li key={operation.id} className="tray-item" data-testid="tray-item">
                    <div className="tray-item-head">
                      <Link to={`/jobs/${operation.id}`}>{operation.label}</Link>
                      {!active && (
                        <button
                          type="button"
                          className="button-quiet"
                          aria-label={`Dismiss ${operation.label}`}
                          onClick={() => dismiss(operation.id)}
                        >
                          ×
                        </button>
                      )}
                    </div>
                    <ProgressBar
                      value={progress.done}
                      max={progress.total}
                      label={`Progress of ${operation.label}`}
                    />
                    <span className={`tray-item-meta state-${progress.state}`}>
                      {OPERATION_STATE_TEXT[progress.state]} · {progress.jobsDone}/{progress.jobs} jobs
                      {active && ` · ${formatElapsed(now - operation.createdAt)}`}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </aside>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="tray-announcement">
        {latest &&
          latestProgress &&
          `${latest.label}: done, ${outcomeSummary(latestProgress.failed, latestProgress.total)}.`}
      </div>
      {finished.map((operation) => {
        const progress = operationProgress(operation);
        return (
          <Toast.Root key={operation.id} className="toast" type="background">
            <Toast.Title className="toast-title">
              {progress.failed === 0 ? '✓ ' : '⚠ '}
              {operation.label}
            </Toast.Title>
            <Toast.Description>Done: {outcomeSummary(progress.failed, progress.total)}.</Toast.Description>
            <Toast.Action altText={`View the results of ${operation.label}`} asChild>
              <Link to={`/jobs/${operation.id}`}>View results</Link>
            </Toast.Action>
          </Toast.Root>
        );
      })}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  );
}
