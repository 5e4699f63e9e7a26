import { useCallback } from 'react';
import { onLostFocus } from '../lost-focus.ts';

const CONTROLS = 'a[href], button, input, select, textarea';

type LastFocus = { element: HTMLElement; rowIndex: number; control: number };

function rowIndexOf(row: HTMLElement, rows: HTMLElement[]): number {
  const index = row.dataset.index;
  return index === undefined ? rows.indexOf(row) : Number(index);
}

const enabledControls = (row: HTMLElement) =>
  [...row.querySelectorAll<HTMLElement>(CONTROLS)].filter((control) => !control.matches(':disabled'));

/**
 * When the row holding focus disappears (a removal finished), focus goes to the row that took its
 * place, or the one before it when it was the last, or the table when none is left — never to the
 * page's body, where a keyboard user would have to start again from the top.
 */
export function useRowFocusRecovery(): (container: HTMLElement | null) => (() => void) | undefined {
  // A callback ref (with React 19's cleanup): the table may appear after the page, once its data has.
  return useCallback((element: HTMLElement | null) => {
    if (!element) return undefined;
    const container: HTMLElement = element;
    let last: LastFocus | undefined;
    const bodyRows = () => [...container.querySelectorAll<HTMLElement>('tbody tr')];

    function remember(event: FocusEvent) {
      const target = event.target as HTMLElement;
      const row = target.closest<HTMLElement>('tbody tr');
      if (!row || !container.contains(row)) return;
      last = {
        element: target,
        rowIndex: rowIndexOf(row, bodyRows()),
        control: enabledControls(row).indexOf(target),
      };
    }

    const focusIsLost = () => !document.activeElement || document.activeElement === document.body;

    /** A dialog's opener is gone: focus goes back to where it was in this table, if it was here last. */
    function takeBackFocus(): boolean {
      if (!container.isConnected || !last || !focusIsLost()) return false;
      if (!last.element.isConnected) return recover();
      last.element.focus();
      return true;
    }

    function recover(): boolean {
      if (!container.isConnected || !last || last.element.isConnected || !focusIsLost()) return false;
      const rows = bodyRows();
      const table = container.matches('table') ? container : container.querySelector('table');
      // A virtual table's rows are only those in view: it says how many rows it has loaded.
      const loaded = table?.dataset.loadedRows;
      const total = loaded ? Number(loaded) : rows.length;
      const wanted = Math.min(last.rowIndex, total - 1);
      const row = rows.find((candidate) => rowIndexOf(candidate, rows) === wanted);
      // A row scrolled out of a virtual table is not gone: scrolling back brings it again.
      if (!row && total > 0) return false;
      const controls = row ? enabledControls(row) : [];
      const target =
        row?.hasAttribute('tabindex') && last.control < 0
          ? row
          : (controls[last.control] ?? controls[0] ?? (row?.hasAttribute('tabindex') ? row : container));
      last = undefined;
      target.focus();
      return true;
    }

    container.addEventListener('focusin', remember);
    const observer = new MutationObserver(() => recover());
    observer.observe(container, { childList: true, subtree: true });
    const unregister = onLostFocus(takeBackFocus);
    return () => {
      container.removeEventListener('focusin', remember);
      observer.disconnect();
      unregister();
    };
  }, []);
}
