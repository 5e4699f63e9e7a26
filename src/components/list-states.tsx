import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, describeError } from '../api/api-error.ts';

export function LoadingRows({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={index} className="skeleton-row" />
      ))}
    </div>
  );
}

/**
 * What went wrong loading something, with Retry. A refusal or a missing record does not change on
 * retrying, so those say what the person can do instead.
 */
export function ErrorState({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  const kind = error instanceof ApiError ? error.kind : undefined;
  if (kind === 'forbidden' || kind === 'not_found') {
    return (
      <div className="state-box state-error" role="alert">
        <strong>{kind === 'forbidden' ? `You cannot open ${what}.` : `Could not find ${what}.`}</strong>
        <span>{describeError(error)}</span>
        <span>
          {kind === 'forbidden'
            ? 'Your role in Zendesk does not allow it; an admin can change that.'
            : 'It may have been deleted, or the address is wrong.'}
        </span>
        <Link to="/">Go to the start page</Link>
      </div>
    );
  }
  return (
    <div className="state-box state-error" role="alert">
      <strong>Could not load {what}.</strong>
      <span>{describeError(error)}</span>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state-box">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

export type ListQuery = { isPending: boolean; error: unknown; data: unknown; refetch: () => unknown };

/**
 * The one sequence every list follows: a skeleton while the first page loads, the error with Retry
 * when there is nothing to show, the empty state, then the list. A failed refetch keeps showing the
 * data it already has.
 */
export function ListStates({
  query,
  what,
  isEmpty,
  empty,
  children,
}: {
  query: ListQuery;
  what: string;
  isEmpty: boolean;
  empty: ReactNode;
  children: ReactNode;
}) {
  if (query.isPending) return <LoadingRows label={`Loading ${what}`} />;
  if (query.data === undefined)
    return <ErrorState what={what} error={query.error} onRetry={() => query.refetch()} />;
  return isEmpty ? empty : children;
}
