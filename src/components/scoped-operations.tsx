import { useState } from 'react';
import { useBulkEngine, useBulkOperations } from '../lib/bulk-operations/use-bulk-operations.ts';
import { OperationProgress } from './operation-progress.tsx';

/** The newest bulk operations of one page's scope (e.g. a group), each dismissable once it has finished. */
export function ScopedOperations({ scope }: { scope: string }) {
  const engine = useBulkEngine();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const operations = useBulkOperations().filter(
    (operation) => operation.scope === scope && !dismissed.has(operation.id),
  );
  return operations
    .slice(0, 3)
    .map((operation) => (
      <OperationProgress
        key={operation.id}
        operation={operation}
        onRetryFailed={() => engine.retryFailed(operation.id)}
        onDismiss={() => setDismissed((current) => new Set([...current, operation.id]))}
      />
    ));
}
