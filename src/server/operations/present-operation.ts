import {
  FINISHED_OPERATION_STATES,
  type Operation,
  type OperationItem,
  type SkipReason,
  skipReasonSchema,
} from '../../contract/roster-operations.ts';
import type { ChunkRecord, ItemRecord, OperationRecord } from '../store/operation-store.ts';
import { canUndo } from './plan-undo.ts';

const iso = (at: number) => new Date(at).toISOString();

export type Asker = { id: string; isAdmin: boolean };

/** The API's view of an operation for one person: what they may do with it depends on who they are. */
export function presentOperation(
  operation: OperationRecord,
  chunks: readonly ChunkRecord[],
  asker: Asker,
): Operation {
  const own = chunks.filter((chunk) => chunk.operationId === operation.id);
  const { counts } = operation;
  const mayAct = asker.isAdmin || asker.id === operation.actor.id;
  const finished = FINISHED_OPERATION_STATES.has(operation.state);
  const running = own.reduce((sum, chunk) => sum + Math.min(chunk.progress, chunk.total), 0);
  return {
    id: operation.id,
    kind: operation.kind,
    label: operation.label,
    source: operation.source,
    state: operation.state,
    state_reason: operation.stateReason,
    actor: operation.actor,
    created_at: iso(operation.createdAt),
    updated_at: iso(operation.updatedAt),
    finished_at: operation.finishedAt === null ? null : iso(operation.finishedAt),
    targets: operation.targets.slice(0, 20),
    counts: { total: operation.total, ...counts },
    done: counts.succeeded + counts.failed + counts.cancelled + running,
    jobs: { total: operation.jobsTotal, running: own.filter((chunk) => chunk.jobId !== null).length },
    undo_of: operation.undoOf,
    undone_by: operation.undoneBy,
    can: {
      cancel: mayAct && !finished && !operation.cancelRequested && operation.source === 'bulk',
      retry_failed: mayAct && finished && counts.failed > 0 && operation.source === 'bulk',
      undo: mayAct && canUndo(operation),
    },
  };
}

export function presentItem(item: ItemRecord): OperationItem {
  return {
    index: item.index,
    state: item.state,
    user: item.user,
    target: item.target,
    membership_id: item.membershipId ?? item.resultId,
    action: item.action,
    status: item.status,
    error: item.error,
    details: item.details,
    tries: item.tries,
  };
}

export const SKIP_REASONS: readonly SkipReason[] = skipReasonSchema.options;
