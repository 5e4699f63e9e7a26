import type { JobResult, JobStatus } from '../../contract/job-status.ts';
import type { ItemOutcome, ItemRecord } from '../store/operation-store.ts';

function outcomeOf(result: JobResult, item: ItemRecord): ItemOutcome {
  const resultId = result.id === undefined ? null : String(result.id);
  // A removal whose membership is already gone has reached what was asked.
  if (result.action === 'delete' && result.error === 'RecordNotFound') {
    return {
      success: true,
      status: 'AlreadyRemoved',
      error: null,
      details: result.details ?? null,
      resultId,
    };
  }
  // Sent before without an answer: the earlier request made it, so the duplicate is this item's own.
  if (result.error === 'DuplicateValue' && item.resubmitted) {
    return {
      success: true,
      status: 'AlreadyMember',
      error: null,
      details: 'Added by an earlier attempt whose answer was lost',
      resultId,
    };
  }
  const success = result.success ?? (result.error === undefined && result.status !== 'Failed');
  return {
    success,
    status: result.status ?? (success ? 'Done' : 'Failed'),
    error: result.error ?? null,
    details: result.details ?? null,
    resultId,
  };
}

/**
 * Maps a finished job's results back to the chunk's items. A result's `index` is its position in
 * the request; Zendesk leaves it out on some successes, and then the position in `results` stands
 * in. Items the job never answered for still get a failure, so every item has an answer.
 */
export function outcomesFromJob(items: readonly ItemRecord[], job: JobStatus): Map<number, ItemOutcome> {
  const outcomes = new Map<number, ItemOutcome>();
  (job.results ?? []).forEach((result, position) => {
    const item = items[result.index ?? position];
    if (item) outcomes.set(item.index, outcomeOf(result, item));
  });
  const missing: ItemOutcome =
    job.status === 'completed'
      ? {
          success: false,
          status: 'Failed',
          error: 'MissingResult',
          details: 'Zendesk reported no result',
          resultId: null,
        }
      : {
          success: false,
          status: 'Failed',
          error: 'JobFailed',
          details: job.message ?? `The job ended as ${job.status} before reaching this item`,
          resultId: null,
        };
  for (const item of items) if (!outcomes.has(item.index)) outcomes.set(item.index, missing);
  return outcomes;
}

export function failureOutcome(error: string, details: string): ItemOutcome {
  return { success: false, status: 'Failed', error, details, resultId: null };
}
