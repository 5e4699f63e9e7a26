import { useEffect, useRef, useState } from 'react';
import { type BulkOperation, isOperationActive } from '../../lib/bulk-operations/bulk-operation.ts';

/**
 * Operations that finished while this page was open, newest last: what the tray keeps showing and
 * what the toast and the screen-reader announcement report. Finished before the page loaded means
 * nothing new happened, so those stay quiet.
 */
export function useOperationCompletions(operations: readonly BulkOperation[]) {
  const wasActive = useRef<Set<string> | undefined>(undefined);
  const [completed, setCompleted] = useState<string[]>([]);
  useEffect(() => {
    const active = new Set(operations.filter(isOperationActive).map((operation) => operation.id));
    const previous = wasActive.current;
    wasActive.current = active;
    if (!previous) return;
    const finished = [...previous].filter((id) => !active.has(id) && operations.some((o) => o.id === id));
    if (finished.length > 0)
      setCompleted((current) => [...current.filter((id) => !finished.includes(id)), ...finished]);
  }, [operations]);
  const dismiss = (id: string) => setCompleted((current) => current.filter((other) => other !== id));
  return { completed, dismiss };
}
