import { type BulkOperation, itemOutcome } from '../../lib/bulk-operations/bulk-operation.ts';
import type { ResultLine } from './results-csv.ts';

export function actionOf(operation: Pick<BulkOperation, 'kind'>): string {
  if (operation.kind.endsWith('.create')) return 'Add';
  return operation.kind.endsWith('.update') ? 'Change' : 'Remove';
}

/** Every item of an operation with its latest answer; item labels already carry the names. */
export function operationResultLines(operation: BulkOperation): ResultLine[] {
  const action = actionOf(operation);
  return operation.items.map((item, index) => {
    const outcome = itemOutcome(operation, index);
    return {
      item: item.label,
      action,
      outcome:
        outcome === undefined
          ? 'Pending'
          : outcome.success
            ? 'Succeeded'
            : outcome.error === 'JobExpired'
              ? 'Expired'
              : 'Failed',
      error: outcome?.error ?? '',
      details: outcome?.details ?? '',
    };
  });
}
