import type { ReactNode } from 'react';
import { describeError } from '../api/api-error.ts';

/** A dialog's last lines: what went wrong, if anything, then Cancel and the dialog's own action. */
export function DialogFooter({
  error,
  onCancel,
  children,
}: {
  /** The failed action's error; nothing is shown while it is undefined or null. */
  error: unknown;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {error != null && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {children}
      </div>
    </>
  );
}
