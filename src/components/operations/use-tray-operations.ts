import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { useContext, useMemo } from 'react';
import { isOperationFinished } from '../../api/operation-cache.ts';
import { OperationStreamContext } from '../../api/operation-events.ts';
import { operationsQueryOptions } from '../../api/roster-operations.ts';
import type { Operation, OperationList } from '../../contract/roster-operations.ts';
import {
  type Followed,
  isOnDisplay,
  runningIds,
  useFollowedOperations,
  useFollowRunning,
} from './followed-operations.ts';

const POLL_RUNNING_MS = 3000;
const POLL_IDLE_MS = 30_000;

/** What the tray reads of the list: which operations run (to follow them), and those it shows. */
export type TrayView = { running: string[]; shown: Operation[] };

/** The list of the person's latest operations as the tray sees it, given what this page follows. */
export function trayView(followed: Followed): (data: InfiniteData<OperationList>) => TrayView {
  return (data) => {
    const operations = data.pages[0]?.operations ?? [];
    return {
      running: runningIds(operations),
      shown: operations.filter(
        (operation) => isOnDisplay(operation, followed) && !followed.inline.has(operation.id),
      ),
    };
  };
}

export const trayOperationsQueryOptions = () => operationsQueryOptions({ who: 'mine', source: 'bulk' }, 20);

/**
 * The signed-in person's bulk operations the tray shows: running ones, and those started or seen
 * running on this page until dismissed, less those the page shows in its own panel. Through
 * `select`, a progress event re-renders the tray only when it changes what the tray shows: not
 * for an operation a page's own panel shows, nor while nothing runs.
 */
export function useTrayOperations(enabled: boolean): Operation[] {
  const streaming = useContext(OperationStreamContext) === 'open';
  const followed = useFollowedOperations();
  const list = useInfiniteQuery({
    ...trayOperationsQueryOptions(),
    enabled,
    select: useMemo(() => trayView(followed), [followed]),
    refetchInterval: (query) => {
      if (streaming) return false;
      const running = query.state.data?.pages[0]?.operations.some(
        (operation) => !isOperationFinished(operation),
      );
      return running ? POLL_RUNNING_MS : POLL_IDLE_MS;
    },
  });
  useFollowRunning(list.data?.running ?? []);
  return list.data?.shown ?? NOTHING_SHOWN;
}

const NOTHING_SHOWN: Operation[] = [];
