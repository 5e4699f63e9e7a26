import type { OperationState } from '../lib/bulk-operations/bulk-operation.ts';

export const OPERATION_STATE_TEXT: Record<OperationState, string> = {
  queued: 'Queued',
  working: 'Working',
  completed: 'Completed',
  completed_with_failures: 'Completed with failures',
  failed: 'Failed',
};
