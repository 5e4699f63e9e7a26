import type { ReactNode } from 'react';
import { describeError } from '../../api/api-error.ts';
import { isOperationFinished } from '../../api/operation-cache.ts';
import type { Operation } from '../../contract/roster-operations.ts';
import { useCancelOperation, useRetryFailed } from './use-operation-actions.ts';

/**
 * Retry failed and Cancel, where the server says the asking person may use them, then the
 * page's own actions; what went wrong with any of them shows below.
 */
export function OperationActions({
  operation,
  className,
  error,
  children,
}: {
  operation: Operation;
  className: string;
  /** A failure of one of the page's own actions. */
  error?: unknown;
  children?: ReactNode;
}) {
  const cancel = useCancelOperation();
  const retry = useRetryFailed();
  const { can, counts } = operation;
  const canRetry = can.retry_failed && counts.failed > 0;
  const canCancel = can.cancel && !isOperationFinished(operation);
  const failure = cancel.error ?? retry.error ?? error;
  if (!canRetry && !canCancel && !children && !failure) return null;
  return (
    <>
      <div className={className}>
        {canRetry && (
          <button
            type="button"
            className="button-primary"
            disabled={retry.isPending}
            onClick={() => retry.mutate(operation.id)}
          >
            Retry {counts.failed.toLocaleString()} failed
          </button>
        )}
        {canCancel && (
          <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate(operation.id)}>
            Cancel
          </button>
        )}
        {children}
      </div>
      {failure != null && (
        <p className="form-error" role="alert">
          {describeError(failure)}
        </p>
      )}
    </>
  );
}
