import { randomBytes } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { ItemState, OperationKind, OperationState, Target } from '../../contract/roster-operations.ts';
import type {
  ChunkRecord,
  ItemAction,
  ItemOutcome,
  ItemPhase,
  ItemRecord,
  NewItem,
  OperationRecord,
} from './operation-store.ts';
import type { OperationChunksTable, OperationItemsTable, OperationsTable } from './roster-tables.ts';

export type OperationRow = Selectable<OperationsTable>;
export type ItemRow = Selectable<OperationItemsTable>;
export type ChunkRow = Selectable<OperationChunksTable>;

export const FINISHED_STATES = ['completed', 'completed_with_failures', 'failed', 'cancelled'] as const;

/** The column on the operation row that counts items in each state. */
export const COUNTER = {
  pending: 'n_pending',
  submitted: 'n_submitted',
  succeeded: 'n_succeeded',
  failed: 'n_failed',
  cancelled: 'n_cancelled',
} as const satisfies Record<ItemState, keyof OperationsTable>;

export function newOperationId(): string {
  return `op_${randomBytes(9).toString('hex')}`;
}

const bit = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
const fromBit = (value: number | null) => (value === null ? null : value === 1);

export function toOperation(row: OperationRow): OperationRecord {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind as OperationKind,
    source: row.source as 'bulk' | 'single',
    label: row.label,
    actor: { id: row.actor_id, name: row.actor_name, email: row.actor_email },
    state: row.state as OperationState,
    stateReason: row.state_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    targets: JSON.parse(row.targets) as Target[],
    params: JSON.parse(row.params) as OperationRecord['params'],
    expandCursor: row.expand_cursor,
    total: row.total,
    counts: {
      pending: row.n_pending,
      submitted: row.n_submitted,
      succeeded: row.n_succeeded,
      failed: row.n_failed,
      cancelled: row.n_cancelled,
    },
    jobsTotal: row.jobs_total,
    undoOf: row.undo_of,
    undoneBy: row.undone_by,
    cancelRequested: row.cancel_requested === 1,
  };
}

export function toItem(row: ItemRow): ItemRecord {
  return {
    operationId: row.operation_id,
    index: row.idx,
    state: row.state as ItemState,
    phase: row.phase as ItemPhase,
    user: { id: row.user_id, name: row.user_name, email: row.user_email },
    target: { type: row.target_type as Target['type'], id: row.target_id, name: row.target_name },
    membershipId: row.membership_id,
    wasDefault: fromBit(row.was_default),
    viewTickets: fromBit(row.view_tickets),
    role: row.role,
    restoreDefault: row.restore_default === 1,
    action: row.action as ItemAction | null,
    previousDefaultId: row.previous_default_id,
    tries: row.tries,
    resubmitted: row.resubmitted === 1,
    status: row.status,
    error: row.error,
    details: row.details,
    resultId: row.result_id,
  };
}

export function toChunk(row: ChunkRow): ChunkRecord {
  return {
    id: row.id,
    operationId: row.operation_id,
    state: row.state as ChunkRecord['state'],
    jobId: row.job_id,
    progress: row.progress,
    total: row.total,
    misses: row.misses,
  };
}

/** The row of a new item; with `outcome`, one already done (a recorded single change). */
export function itemRow(
  operationId: string,
  idx: number,
  item: NewItem,
  outcome: ItemOutcome | undefined,
): Insertable<OperationItemsTable> {
  return {
    operation_id: operationId,
    idx,
    state: outcome ? (outcome.success ? 'succeeded' : 'failed') : 'pending',
    user_id: item.user.id,
    user_name: item.user.name,
    user_email: item.user.email,
    target_type: item.target.type,
    target_id: item.target.id,
    target_name: item.target.name,
    membership_id: item.membershipId,
    was_default: bit(item.wasDefault),
    view_tickets: bit(item.viewTickets),
    role: item.role,
    restore_default: item.restoreDefault ? 1 : 0,
    action: item.action,
    previous_default_id: item.previousDefaultId,
    status: outcome?.status ?? null,
    error: outcome?.error ?? null,
    details: outcome?.details ?? null,
    result_id: outcome?.resultId ?? null,
  };
}
