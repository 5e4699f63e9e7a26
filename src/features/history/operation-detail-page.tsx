import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { isOperationFinished } from '../../api/operation-cache.ts';
import { useOperationPollInterval } from '../../api/operation-events.ts';
import { type OperationItemFilters, operationQueryOptions } from '../../api/roster-operations.ts';
import { At } from '../../components/dates.tsx';
import { ErrorState, LoadingRows } from '../../components/list-states.tsx';
import { NotFoundMessage } from '../../components/not-found-message.tsx';
import { OperationActions } from '../../components/operations/operation-actions.tsx';
import { operationOutcome, outcomeCounts } from '../../components/operations/operation-outcome.ts';
import { jobsText } from '../../components/operations/operation-progress.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { type ItemState, itemStateSchema, type Operation } from '../../contract/roster-operations.ts';
import { paths } from '../../lib/paths.ts';
import { ITEM_STATES, OperationItemsTable } from './operation-items-table.tsx';
import { useResultsDownload } from './use-results-download.ts';
import './history.css';

/** Loads when asked for: it brings the review. */
const UndoDialog = lazy(async () => ({ default: (await import('./undo-dialog.tsx')).UndoDialog }));

const POLL_MS = 2000;
const ITEM_FILTERS: (ItemState | undefined)[] = [undefined, 'failed', 'succeeded', 'cancelled', 'pending'];

export function OperationDetailPage() {
  const id = useParams().operationId ?? '';
  return (
    <section className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.history.href()}>History</Link> <span aria-hidden="true">/</span>
      </nav>
      <OperationDetail key={id} id={id} />
    </section>
  );
}

function OperationDetail({ id }: { id: string }) {
  const poll = useOperationPollInterval(POLL_MS);
  const operation = useQuery({
    ...operationQueryOptions(id),
    refetchInterval: (query) => (query.state.data && isOperationFinished(query.state.data) ? false : poll),
  });
  if (operation.isPending) return <LoadingRows label="Loading the operation" />;
  if (!operation.data) {
    return operation.error instanceof ApiError && operation.error.kind === 'not_found' ? (
      <NotFoundMessage title="No such operation" back={{ to: paths.history.href(), label: 'All of History' }}>
        History has no operation {id}. If this is the id of a Zendesk job, see{' '}
        <Link to={paths.zendeskJob.href(id)}>Zendesk's record of it</Link>.
      </NotFoundMessage>
    ) : (
      <ErrorState what="this operation" error={operation.error} onRetry={() => operation.refetch()} />
    );
  }
  return <OperationSummary operation={operation.data} poll={poll} />;
}

/** "Undoes …" and "Undone by …", by the other operation's name. */
function RelatedOperation({ id, words }: { id: string; words: string }) {
  const other = useQuery(operationQueryOptions(id));
  return (
    <p className="cell-muted">
      {words} <Link to={paths.operation.href(id)}>{other.data?.label ?? 'another operation'}</Link>.
    </p>
  );
}

function OperationSummary({ operation, poll }: { operation: Operation; poll: number | false }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const stateParam = itemStateSchema.safeParse(params.get('state'));
  const filters: OperationItemFilters = stateParam.success ? { state: stateParam.data } : {};
  const [undoing, setUndoing] = useState(false);
  const { download, read } = useResultsDownload(operation.id, filters);
  const finished = isOperationFinished(operation);
  const outcome = operationOutcome(operation);
  const { counts } = operation;

  return (
    <>
      <title>{`${operation.label} · Roster`}</title>
      <header className="page-header">
        <div>
          <h1>{operation.label}</h1>
          <p className="lede">
            {operation.source === 'single' ? 'A single change' : 'A bulk operation'} by{' '}
            <strong>{operation.actor.name}</strong>
            {operation.actor.email && ` (${operation.actor.email})`}, started{' '}
            <At iso={operation.created_at} />
            {operation.finished_at && (
              <>
                , finished <At iso={operation.finished_at} />
              </>
            )}
          </p>
        </div>
        <span className={`state-badge tone-${outcome.tone}`} role="status" data-testid="operation-state">
          <span aria-hidden="true">{outcome.icon}</span> {outcome.word}
        </span>
      </header>
      {operation.state_reason && (
        <p className={`notice notice-${outcome.tone}`} data-testid="state-reason">
          {operation.state_reason}
        </p>
      )}
      {operation.undo_of && <RelatedOperation id={operation.undo_of} words="This undoes" />}
      {operation.undone_by && <RelatedOperation id={operation.undone_by} words="Undone by" />}

      <section className="operation-summary" aria-label="Progress">
        <ProgressBar
          value={operation.done}
          max={counts.total}
          label={`Progress of ${operation.label}`}
          tone={outcome.tone}
        />
        <p className="cell-muted" data-testid="operation-counts">
          {jobsText(operation.jobs, finished)}
          {outcomeCounts(operation)}
          {counts.pending + counts.submitted > 0 &&
            `, ${(counts.pending + counts.submitted).toLocaleString()} still to do`}
        </p>
      </section>

      <OperationActions operation={operation} className="page-tools" error={download.error}>
        {operation.can.undo && (
          <button type="button" onClick={() => setUndoing(true)}>
            Undo…
          </button>
        )}
        <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
          {download.isPending
            ? `Preparing CSV… ${read.toLocaleString()} items`
            : `Download ${filters.state ? `${ITEM_STATES[filters.state].word.toLowerCase()} items` : 'results'} (CSV)`}
        </button>
      </OperationActions>

      <h2 className="section-title">Results</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Show items</legend>
        {ITEM_FILTERS.map((state) => (
          <button
            key={state ?? 'all'}
            type="button"
            aria-pressed={filters.state === state}
            onClick={() => setParams(state ? { state } : {}, { replace: true })}
          >
            {state ? ITEM_STATES[state].word : 'All'}
          </button>
        ))}
      </fieldset>
      <OperationItemsTable
        operationId={operation.id}
        mixed={operation.kind.endsWith('.change')}
        filters={filters}
        refetchInterval={finished ? false : poll}
      />

      {undoing && (
        <Suspense fallback={null}>
          <UndoDialog
            operation={operation}
            onStarted={(reverse) => navigate(paths.operation.href(reverse.id))}
            onClose={() => setUndoing(false)}
          />
        </Suspense>
      )}
    </>
  );
}
