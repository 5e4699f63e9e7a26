import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { plural } from '../contract/plural.ts';

/**
 * The toolbar that appears while rows are selected: the count is announced, arrow keys move between
 * its buttons and Escape clears the selection.
 */
export function BulkActionBar({
  count,
  noun,
  onClear,
  children,
}: {
  count: number;
  noun: { one: string; other: string };
  onClear: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      onClear();
      return;
    }
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length];
    next?.focus();
    event.preventDefault();
  }
  return (
    <div ref={ref} role="toolbar" aria-label="Bulk actions" className="bulk-bar" onKeyDown={onKeyDown}>
      <span aria-live="polite" className="bulk-count">
        {plural(count, noun.one, noun.other)} selected
      </span>
      {children}
      <button type="button" className="button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
