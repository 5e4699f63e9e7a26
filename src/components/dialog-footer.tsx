import type { ReactNode } from 'react';
import { describeError } from '../api/api-error.ts';

/** A dialog's last lines: what went wrong, if anything, then Cancel and the dialog's own action. */
export function DialogFooter({
  error,
  errorLead,
  onCancel,
  children,
}: {
  /** The failed action's error; nothing is shown while it is undefined or null. */
  error?: unknown;
  /** What failed, before the error's own words, e.g. "Could not review these people". */
  errorLead?: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {error != null && (
        <p className="form-error" role="alert">
          {errorLead && `${errorLead}: `}
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
