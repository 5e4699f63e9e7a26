import { type ReactNode, useEffect, useRef } from 'react';
import { recoverLostFocus } from './lost-focus.ts';

/**
 * The native `<dialog>` opened modally: the browser traps focus, makes the page inert and closes
 * on Escape; focus goes back to the opener afterwards.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // The control that opened the dialog gets focus back when it closes, however it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
      // The opener went with its row (a removal finished while the dialog was open).
      else if (opener) recoverLostFocus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' modal-wide' : ''}`}
      aria-labelledby="modal-title"
      onClose={(event) => {
        // StrictMode closes and reopens on mount; that close event arrives while the dialog is open again.
        if (!event.currentTarget.open) onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}
