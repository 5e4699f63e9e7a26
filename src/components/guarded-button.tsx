import { type ReactNode, useId } from 'react';
import type { Permission } from '../api/membership-permissions.ts';

/**
 * A button the signed-in person may not be allowed to use: then it stays visible but disabled,
 * with the reason next to it (and tied to it for screen readers) rather than vanishing unexplained.
 */
export function GuardedButton(props: {
  permission: Permission;
  className?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  /** The id of a reason shown once for several buttons; the button then shows none of its own. */
  sharedNoteId?: string;
}) {
  const ownNoteId = useId();
  const { permission } = props;
  const noteId = props.sharedNoteId ?? ownNoteId;
  return (
    <span className="guarded-action">
      <button
        type="button"
        className={props.className}
        disabled={props.disabled || !permission.allowed}
        aria-describedby={permission.allowed ? undefined : noteId}
        onClick={props.onClick}
      >
        {props.children}
      </button>
      {!permission.allowed && !props.sharedNoteId && (
        <span id={noteId} className="permission-note">
          {permission.reason}
        </span>
      )}
    </span>
  );
}
