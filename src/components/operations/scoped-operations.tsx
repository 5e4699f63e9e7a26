import { useInfiniteQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useOperationPollInterval } from '../../api/operation-events.ts';
import { type OperationListFilters, operationsQueryOptions } from '../../api/roster-operations.ts';
import {
  dismissOperation,
  isOnDisplay,
  runningIds,
  useFollowedOperations,
  useFollowRunning,
  useShownInline,
} from './followed-operations.ts';

/**
 * Most pages have no operation running on them: its progress panel (with its actions and outcome
 * wording) loads when there is one, not before the member list can be used.
 */
const OperationProgress = lazy(async () => ({
  default: (await import('./operation-progress.tsx')).OperationProgress,
}));

const SHOWN = 3;
const POLL_MS = 3000;

/**
 * The bulk operations on one group, organization or Box group, by anyone: those running, and
 * those started or seen running here until dismissed. The tray leaves them out while this shows them.
 */
export function ScopedOperations({
  scope,
}: {
  scope: Pick<OperationListFilters, 'group_id' | 'organization_id' | 'box_group_id'>;
}) {
  const list = useInfiniteQuery({
    ...operationsQueryOptions({ ...scope, source: 'bulk' }, 10),
    refetchInterval: useOperationPollInterval(POLL_MS),
  });
  const operations = useMemo(() => list.data?.pages[0]?.operations ?? [], [list.data]);
  useFollowRunning(runningIds(operations));
  const followed = useFollowedOperations();
  const shown = operations.filter((operation) => isOnDisplay(operation, followed)).slice(0, SHOWN);
  useShownInline(shown.map((operation) => operation.id));
  if (shown.length === 0) return null;
  return (
    <Suspense fallback={null}>
      {shown.map((operation) => (
        <OperationProgress
          key={operation.id}
          operation={operation}
          onDismiss={() => dismissOperation(operation.id)}
        />
      ))}
    </Suspense>
  );
}
