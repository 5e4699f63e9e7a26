import type { JobResult, JobStatus } from '../../contract/job-status.ts';
import type { ItemOutcome } from './bulk-operation.ts';

export const INTERRUPTED_MESSAGE = 'Interrupted while submitting; retry to resubmit';
export const EXPIRED_MESSAGE =
  'Zendesk no longer reports this job, so its outcome is unknown; retry to resubmit';

/** A delete whose membership is already gone has reached what was asked: counted as done, not failed. */
function alreadyRemoved(result: JobResult): boolean {
  return result.action === 'delete' && result.error === 'RecordNotFound';
}

function outcomeOf(result: JobResult): ItemOutcome {
  if (alreadyRemoved(result)) {
    return {
      success: true,
      status: 'AlreadyRemoved',
      ...(result.id !== undefined && { id: result.id }),
      ...(result.details !== undefined && { details: result.details }),
    };
  }
  const success = result.success ?? (result.error === undefined && result.status !== 'Failed');
  return {
    success,
    ...(result.id !== undefined && { id: result.id }),
    ...(result.status !== undefined && { status: result.status }),
    ...(result.error !== undefined && { error: result.error }),
    ...(result.details !== undefined && { details: result.details }),
  };
}

/**
 * Maps a finished job's results back to the operation's items. A result's `index` is its position in
 * the request; Zendesk leaves it out on some successes, and then the position in `results` stands in.
 * Items the job never answered for still get a failure, so every item of a finished chunk has an answer.
 */
export function outcomesFromJob(itemIndexes: readonly number[], job: JobStatus): Record<number, ItemOutcome> {
  const outcomes: Record<number, ItemOutcome> = {};
  (job.results ?? []).forEach((result, position) => {
    const itemIndex = itemIndexes[result.index ?? position];
    if (itemIndex !== undefined) outcomes[itemIndex] = outcomeOf(result);
  });
  const missing: ItemOutcome =
    job.status === 'completed'
      ? {
          success: false,
          status: 'Failed',
          error: 'MissingResult',
          details: 'Zendesk reported no result for this item',
        }
      : {
          success: false,
          status: 'Failed',
          error: 'JobFailed',
          details: job.message ?? `The job ended as ${job.status} before reaching this item`,
        };
  for (const itemIndex of itemIndexes) outcomes[itemIndex] ??= missing;
  return outcomes;
}

/** The same answer for every item of a chunk that has no per-item results (refused, interrupted, expired). */
export function sameOutcomeFor(
  itemIndexes: readonly number[],
  outcome: ItemOutcome,
): Record<number, ItemOutcome> {
  return Object.fromEntries(itemIndexes.map((itemIndex) => [itemIndex, outcome]));
}
