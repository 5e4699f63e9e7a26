import { useMutation, useQueryClient } from '@tanstack/react-query';
import { writeOperation } from '../../api/operation-cache.ts';
import { cancelOperation, retryFailedItems, startOperation } from '../../api/roster-operation-actions.ts';
import { operationKeys } from '../../api/roster-operations.ts';
import type { Operation } from '../../contract/roster-operations.ts';
import { followOperation } from './followed-operations.ts';

function useOperationWrite(
  write: (id: string) => Promise<Operation>,
  onDone?: (operation: Operation) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (operation) => {
      followOperation(operation.id);
      queryClient.setQueryData(operationKeys.detail(operation.id), operation);
      writeOperation(queryClient, operation);
      void queryClient.invalidateQueries({ queryKey: operationKeys.allItems(operation.id) });
      onDone?.(operation);
    },
  });
}

/** Starts a reviewed plan; the new operation is followed on this page and appears in every list of it. */
export function useStartOperation(onStarted?: (operation: Operation) => void) {
  return useOperationWrite(startOperation, onStarted);
}

export function useCancelOperation() {
  return useOperationWrite(cancelOperation);
}

export function useRetryFailed() {
  return useOperationWrite(retryFailedItems);
}
