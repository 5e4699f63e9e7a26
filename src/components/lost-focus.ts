/**
 * Where focus goes when the element that had it is gone: a dialog's opener removed with its row
 * while the dialog was open. Tables register how to put focus back near where it was.
 */
const recoverers = new Set<() => boolean>();

export function onLostFocus(recover: () => boolean): () => void {
  recoverers.add(recover);
  return () => {
    recoverers.delete(recover);
  };
}

/** Asks each table in turn; the one that had focus last takes it back. */
export function recoverLostFocus(): void {
  for (const recover of recoverers) if (recover()) return;
}
