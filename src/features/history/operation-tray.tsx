import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { hasFailures, isOperationFinished } from '../../api/operation-cache.ts';
import { dismissOperation } from '../../components/operations/followed-operations.ts';
import { operationOutcome, outcomeCounts } from '../../components/operations/operation-outcome.ts';
import { jobsText } from '../../components/operations/operation-progress.tsx';
import { formatElapsed, useNow } from '../../components/operations/operation-times.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import type { Operation } from '../../contract/roster-operations.ts';
import { paths } from '../../lib/paths.ts';
import './operation-tray.css';

/** How long an operation that finished without failures stays in the tray: long enough to read. */
export const FINISHED_STAYS_MS = 15_000;

/** The space the tray takes at the bottom of the window, which the page keeps free (see styles.css). */
const TRAY_SPACE = '--tray-space';

function TrayItem({ operation, now }: { operation: Operation; now: number }) {
  const finished = isOperationFinished(operation);
  const outcome = operationOutcome(operation);
  const leaves = finished && !hasFailures(operation);
  useEffect(() => {
    if (!leaves) return;
    const timer = setTimeout(() => dismissOperation(operation.id), FINISHED_STAYS_MS);
    return () => clearTimeout(timer);
  }, [leaves, operation.id]);
  return (
    <li className={`tray-item tone-${outcome.tone}`} data-testid="tray-item">
      <div className="tray-item-head">
        <Link to={paths.operation.href(operation.id)}>{operation.label}</Link>
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
      {!finished && (
        <ProgressBar
          value={operation.done}
          max={operation.counts.total}
          label={`Progress of ${operation.label}`}
          tone={outcome.tone}
        />
      )}
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

/** Keeps the tray's height free at the bottom of the page and its tables while the tray shows. */
function useReservedSpace() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const tray = ref.current;
    if (!tray) return;
    const root = document.documentElement;
    const reserve = () => {
      const gap = Number.parseFloat(getComputedStyle(tray).bottom) || 0;
      root.style.setProperty(TRAY_SPACE, `${tray.offsetHeight + gap}px`);
    };
    reserve();
    const observer = new ResizeObserver(reserve);
    observer.observe(tray);
    return () => {
      observer.disconnect();
      root.style.removeProperty(TRAY_SPACE);
    };
  }, []);
  return ref;
}

/**
 * At the bottom of every page, in a band the page leaves free so it covers nothing: the person's
 * running operations, each with one progress bar, and those that finished while the page was open,
 * without a bar. Finished ones without failures leave after a while, those with failures stay
 * until dismissed. It folds to its summary line; each completion is announced to screen readers.
 */
export function OperationTray({ operations }: { operations: readonly Operation[] }) {
  const running = operations.filter((operation) => !isOperationFinished(operation));
  const finished = operations.filter(isOperationFinished);
  const [open, setOpen] = useState(true);
  const now = useNow(running.length > 0);
  const ref = useReservedSpace();
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
    <aside className="tray" aria-label="Operations" ref={ref}>
      <button type="button" className="tray-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{running.length > 0 ? '⟳' : anyFailed ? '⚠' : '✓'}</span> {summary}
        <span className="tray-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      {/* Folded, the items stay mounted so finished ones still leave on time. */}
      <ul className="tray-list" hidden={!open}>
        {operations.map((operation) => (
          <TrayItem key={operation.id} operation={operation} now={now} />
        ))}
      </ul>
      <div className="visually-hidden" aria-live="polite" data-testid="tray-announcement">
        {latest &&
          `${latest.label}: ${operationOutcome(latest).word.toLowerCase()}, ${outcomeCounts(latest)}.`}
      </div>
    </aside>
  );
}
