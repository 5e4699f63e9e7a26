import { useInfiniteQuery } from '@tanstack/react-query';
import { useContext, useMemo } from 'react';
import { isOperationFinished } from '../../api/operation-cache.ts';
import { OperationStreamContext } from '../../api/operation-events.ts';
import { operationsQueryOptions } from '../../api/roster-operations.ts';
import type { Operation } from '../../contract/roster-operations.ts';
import { isOnDisplay, useFollowedOperations, useFollowRunning } from './followed-operations.ts';

const POLL_RUNNING_MS = 3000;
const POLL_IDLE_MS = 30_000;

/**
 * The signed-in person's bulk operations the tray shows: running ones, and those started or seen
 * running on this page until dismissed, less those the page shows in its own panel.
 */
export function useTrayOperations(enabled: boolean): Operation[] {
  const streaming = useContext(OperationStreamContext) === 'open';
  const list = useInfiniteQuery({
    ...operationsQueryOptions({ who: 'mine', source: 'bulk' }, 20),
    enabled,
    refetchInterval: (query) => {
      if (streaming) return false;
      const running = query.state.data?.pages[0]?.operations.some(
        (operation) => !isOperationFinished(operation),
      );
      return running ? POLL_RUNNING_MS : POLL_IDLE_MS;
    },
  });
  const operations = useMemo(() => list.data?.pages[0]?.operations ?? [], [list.data]);
  useFollowRunning(operations);
  const followed = useFollowedOperations();
  return operations.filter(
    (operation) => isOnDisplay(operation, followed) && !followed.inline.has(operation.id),
  );
}
