import { FINAL_JOB_STATES, type JobStatus } from '../../contract/job-status.ts';
import type { BulkChunk, BulkOperation, ChunkState, ItemOutcome } from './bulk-operation.ts';
import { EXPIRED_MESSAGE, outcomesFromJob, sameOutcomeFor } from './job-outcomes.ts';

/**
 * Pure steps of a chunk's life, each returning a new operation (or the same one when nothing
 * changed, so the store neither persists nor notifies).
 */

export type ChunkAddress = { attempt: number; chunk: number };

export function chunkAt(operation: BulkOperation, address: ChunkAddress): BulkChunk | undefined {
  return operation.attempts[address.attempt]?.chunks[address.chunk];
}

function replaceChunk(
  operation: BulkOperation,
  address: ChunkAddress,
  next: BulkChunk,
  outcomes?: Record<number, ItemOutcome>,
): BulkOperation {
  return {
    ...operation,
    attempts: operation.attempts.map((attempt, attemptIndex) =>
      attemptIndex === address.attempt
        ? {
            ...attempt,
            chunks: attempt.chunks.map((chunk, chunkIndex) => (chunkIndex === address.chunk ? next : chunk)),
            outcomes: outcomes ? { ...attempt.outcomes, ...outcomes } : attempt.outcomes,
          }
        : attempt,
    ),
  };
}

export function withChunkState(
  operation: BulkOperation,
  address: ChunkAddress,
  state: ChunkState,
): BulkOperation {
  const chunk = chunkAt(operation, address);
  if (!chunk || chunk.state === state) return operation;
  return replaceChunk(operation, address, { ...chunk, state });
}

/** The request failed for a reason asking again will not fix: every item of the chunk failed with it. */
export function withChunkRefused(
  operation: BulkOperation,
  address: ChunkAddress,
  submitError: string,
  outcome: ItemOutcome,
): BulkOperation {
  const chunk = chunkAt(operation, address);
  if (!chunk) return operation;
  return replaceChunk(
    operation,
    address,
    { ...chunk, state: 'failed', submitError },
    sameOutcomeFor(chunk.itemIndexes, outcome),
  );
}

export function jobStateOf(job: JobStatus): ChunkState {
  if (job.status === 'queued' || job.status === 'working' || job.status === 'completed') return job.status;
  return 'failed';
}

/** Takes in what Zendesk says about the chunk's job; a final job brings the per-item outcomes. */
export function withJobStatus(
  operation: BulkOperation,
  address: ChunkAddress,
  job: JobStatus,
): BulkOperation {
  const chunk = chunkAt(operation, address);
  if (!chunk) return operation;
  const final = FINAL_JOB_STATES.has(job.status);
  const total = job.total ?? chunk.total;
  const next: BulkChunk = {
    ...chunk,
    jobId: job.id,
    state: jobStateOf(job),
    total,
    progress: job.status === 'completed' ? total : (job.progress ?? chunk.progress),
  };
  if (
    !final &&
    next.jobId === chunk.jobId &&
    next.state === chunk.state &&
    next.total === chunk.total &&
    next.progress === chunk.progress
  ) {
    return operation;
  }
  return replaceChunk(operation, address, next, final ? outcomesFromJob(chunk.itemIndexes, job) : undefined);
}

/** The job is gone from Zendesk (statuses live one day): keep its last known progress, fail its items. */
export function withJobExpired(operation: BulkOperation, address: ChunkAddress): BulkOperation {
  const chunk = chunkAt(operation, address);
  if (!chunk) return operation;
  return replaceChunk(
    operation,
    address,
    { ...chunk, state: 'expired' },
    sameOutcomeFor(chunk.itemIndexes, {
      success: false,
      status: 'Failed',
      error: 'JobExpired',
      details: EXPIRED_MESSAGE,
    }),
  );
}

/** Every chunk of every attempt, with its address, oldest first. */
export function* chunksOf(operation: BulkOperation): Generator<{ address: ChunkAddress; chunk: BulkChunk }> {
  for (const [attemptIndex, attempt] of operation.attempts.entries()) {
    for (const [chunkIndex, chunk] of attempt.chunks.entries()) {
      yield { address: { attempt: attemptIndex, chunk: chunkIndex }, chunk };
    }
  }
}
