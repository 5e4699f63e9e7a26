import { useState } from 'react';
import { Link } from 'react-router';
import { hasFailures, isOperationFinished } from '../../api/operation-cache.ts';
import { dismissOperation } from '../../components/operations/followed-operations.ts';
import { operationOutcome, outcomeCounts } from '../../components/operations/operation-outcome.ts';
import { historyPath, jobsText } from '../../components/operations/operation-progress.tsx';
import { formatElapsed, useNow } from '../../components/operations/operation-times.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import type { Operation } from '../../contract/roster-operations.ts';

function TrayItem({ operation, now }: { operation: Operation; now: number }) {
  const finished = isOperationFinished(operation);
  const outcome = operationOutcome(operation);
  return (
    <li className={`tray-item tone-${outcome.tone}`} data-testid="tray-item">
      <div className="tray-item-head">
        <Link to={historyPath(operation.id)}>{operation.label}</Link>
        {finished && (
          <button
            type="button"
            className="button-quiet"
            aria-label={`Dismiss ${operation.label}`}
            onClick={() => dismissOperation(operation.id)}
          >
            ×
          </button>
        )}
      </div>
      <ProgressBar
        value={operation.done}
        max={operation.counts.total}
        label={`Progress of ${operation.label}`}
        tone={outcome.tone}
      />
      <span className={`tray-item-meta tone-${outcome.tone}`}>
        <span aria-hidden="true">{outcome.icon}</span> {outcome.word}
        <span className="cell-muted">
          {' · '}
          {jobsText(operation.jobs, finished)}
          {finished ? outcomeCounts(operation) : formatElapsed(now - Date.parse(operation.created_at))}
        </span>
      </span>
      {operation.state_reason && <span className="tray-item-reason">{operation.state_reason}</span>}
    </li>
  );
}

/**
 * Bottom right on every page: the person's running operations, and those that finished while the
 * page was open until dismissed, each with one progress bar. It collapses to a count; each
 * completion is announced to screen readers.
 */
export function OperationTray({ operations }: { operations: readonly Operation[] }) {
  const [open, setOpen] = useState(true);
  const running = operations.filter((operation) => !isOperationFinished(operation));
  const finished = operations.filter(isOperationFinished);
  const now = useNow(running.length > 0);
  const latest = finished
    .filter((operation) => operation.finished_at)
    .sort((a, b) => Date.parse(b.finished_at ?? '') - Date.parse(a.finished_at ?? ''))[0];
  const withFailures = finished.filter(hasFailures).length;
  const anyFailed = withFailures > 0;
  const summary = [
    running.length > 0 && `${running.length.toLocaleString()} running`,
    finished.length > withFailures && `${(finished.length - withFailures).toLocaleString()} finished`,
    withFailures > 0 && `${withFailures.toLocaleString()} with failures`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <aside className="tray" aria-label="Operations">
      <button type="button" className="tray-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{running.length > 0 ? '⟳' : anyFailed ? '⚠' : '✓'}</span> {summary}
        <span className="tray-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      {open && (
        <ul className="tray-list">
          {operations.map((operation) => (
            <TrayItem key={operation.id} operation={operation} now={now} />
          ))}
        </ul>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="tray-announcement">
        {latest &&
          `${latest.label}: ${operationOutcome(latest).word.toLowerCase()}, ${outcomeCounts(latest)}.`}
      </div>
    </aside>
  );
}
