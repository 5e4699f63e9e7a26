import type { ReactNode } from 'react';
import { describeError } from '../api/api-error.ts';

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

export function ErrorState({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
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

type ListQuery = { isPending: boolean; error: unknown; data: unknown; refetch: () => unknown };

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
