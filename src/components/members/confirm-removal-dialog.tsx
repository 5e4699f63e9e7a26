import type { ReactNode } from 'react';
import { DialogFooter } from '../dialog-footer.tsx';
import { ModalDialog } from '../modal-dialog.tsx';

/** "Remove N members?" with what the removal costs them; each provider decides what Remove does. */
export function ConfirmRemovalDialog(props: {
  count: number;
  /** The group's or organization's name. */
  from: string;
  warning: ReactNode;
  error: unknown;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { count } = props;
  const members = `member${count === 1 ? '' : 's'}`;
  return (
    <ModalDialog title={`Remove ${count.toLocaleString()} ${members}?`} onClose={props.onClose}>
      <p>
        {count.toLocaleString()} {members} will be removed from <strong>{props.from}</strong>.
      </p>
      <p className="warning" role="note">
        <span aria-hidden="true">⚠</span> {props.warning}
      </p>
      <DialogFooter error={props.error} onCancel={props.onClose}>
        <button
          type="button"
          className="button-danger"
          onClick={props.onConfirm}
          disabled={props.pending || count === 0}
        >
          {props.pending ? 'Preparing…' : `Remove ${count.toLocaleString()}`}
        </button>
      </DialogFooter>
    </ModalDialog>
  );
}
