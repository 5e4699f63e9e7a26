import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../contract/job-status.ts';
import {
  type BulkOperation,
  createBulkOperation,
  failedItemIndexes,
  isOperationActive,
  itemOutcome,
  operationProgress,
  withRetryAttempt,
} from './bulk-operation.ts';
import { withChunkRefused, withChunkState, withJobExpired, withJobStatus } from './chunk-transitions.ts';

function operationOf(count: number): BulkOperation {
  return createBulkOperation({
    id: 'op_1',
    kind: 'group_memberships.create',
    label: `Add ${count} agents to Tier 1 Support`,
    items: Array.from({ length: count }, (_, index) => ({
      label: `Agent ${index} → Tier 1 Support`,
      payload: { user_id: index + 1, group_id: 7 },
    })),
    invalidates: [['group-memberships', 'list']],
    createdAt: 1_000,
  });
}

function job(
  status: JobStatus['status'],
  total: number,
  progress: number | null,
  results?: JobStatus['results'],
) {
  return {
    id: `job_${total}_${status}`,
    url: 'http://example.test/api/v2/job_statuses/x.json',
    job_type: 'Bulk Create Group Memberships',
    total,
    progress,
    status,
    message: null,
    results: results ?? null,
  } satisfies JobStatus;
}

function created(index: number) {
  return { index, action: 'create', id: 500 + index, status: 'Created', success: true };
}

function refused(index: number, details: string) {
  return { index, action: 'create', success: false, status: 'Failed', error: 'DuplicateValue', details };
}

describe('a new bulk operation', () => {
  it('splits its items into pending chunks of at most 100 in one attempt', () => {
    const operation = operationOf(250);
    expect(operation.attempts).toHaveLength(1);
    expect(operation.attempts[0]?.chunks.map((chunk) => [chunk.state, chunk.total])).toEqual([
      ['pending', 100],
      ['pending', 100],
      ['pending', 50],
    ]);
    expect(isOperationActive(operation)).toBe(true);
  });

  it('is queued with nothing done', () => {
    expect(operationProgress(operationOf(250))).toEqual({
      done: 0,
      total: 250,
      succeeded: 0,
      failed: 0,
      jobsDone: 0,
      jobs: 3,
      state: 'queued',
    });
  });

  it('survives a JSON round trip unchanged', () => {
    const operation = operationOf(3);
    expect(JSON.parse(JSON.stringify(operation))).toEqual(operation);
  });
});

describe('operationProgress', () => {
  it('counts the progress Zendesk reports for running jobs and whole chunks once they end', () => {
    let operation = operationOf(250);
    operation = withJobStatus(operation, { attempt: 0, chunk: 0 }, job('working', 100, 40));
    operation = withJobStatus(operation, { attempt: 0, chunk: 1 }, job('queued', 100, null));
    const working = operationProgress(operation);
    expect(working).toMatchObject({ done: 40, total: 250, jobsDone: 0, jobs: 3, state: 'working' });

    const results = Array.from({ length: 50 }, (_, index) => created(index));
    operation = withJobStatus(operation, { attempt: 0, chunk: 2 }, job('completed', 50, 50, results));
    expect(operationProgress(operation)).toMatchObject({
      done: 90,
      succeeded: 50,
      jobsDone: 1,
      state: 'working',
    });
  });

  it('says completed_with_failures when some items failed and failed when all did', () => {
    let operation = operationOf(2);
    operation = withJobStatus(
      operation,
      { attempt: 0, chunk: 0 },
      job('completed', 2, 2, [created(0), refused(1, 'Ada is already a member of Tier 1 Support')]),
    );
    expect(operationProgress(operation)).toMatchObject({
      done: 2,
      succeeded: 1,
      failed: 1,
      state: 'completed_with_failures',
    });

    const refusedRequest = withChunkRefused(operationOf(2), { attempt: 0, chunk: 0 }, 'Forbidden', {
      success: false,
      error: 'Forbidden',
    });
    expect(operationProgress(refusedRequest)).toMatchObject({
      done: 2,
      failed: 2,
      jobsDone: 1,
      state: 'failed',
    });
  });

  it('counts a retried item once, by its latest attempt', () => {
    let operation = operationOf(3);
    operation = withJobStatus(
      operation,
      { attempt: 0, chunk: 0 },
      job('completed', 3, 3, [created(0), refused(1, 'no'), refused(2, 'no')]),
    );
    operation = withRetryAttempt(operation, 2_000);
    expect(operationProgress(operation)).toMatchObject({
      done: 1,
      total: 3,
      succeeded: 1,
      failed: 0,
      jobsDone: 1,
      jobs: 2,
      state: 'working',
    });
    operation = withJobStatus(
      operation,
      { attempt: 1, chunk: 0 },
      job('completed', 2, 2, [created(0), created(1)]),
    );
    expect(operationProgress(operation)).toMatchObject({
      done: 3,
      succeeded: 3,
      failed: 0,
      state: 'completed',
    });
  });
});

describe('itemOutcome and failedItemIndexes', () => {
  it('maps results back to items by index, so a failure names the right agent', () => {
    let operation = operationOf(3);
    operation = withJobStatus(
      operation,
      { attempt: 0, chunk: 0 },
      job('completed', 3, 3, [created(0), created(2), refused(1, 'Agent 1 is already a member')]),
    );
    expect(itemOutcome(operation, 1)).toEqual({
      success: false,
      status: 'Failed',
      error: 'DuplicateValue',
      details: 'Agent 1 is already a member',
    });
    expect(itemOutcome(operation, 2)).toMatchObject({ success: true, status: 'Created' });
    expect(failedItemIndexes(operation)).toEqual([1]);
  });

  it('maps results without an index by their position', () => {
    const results = [
      { action: 'create', id: 1, status: 'Created', success: true },
      { action: 'create', id: 2, status: 'Created', success: true },
    ];
    const operation = withJobStatus(
      operationOf(2),
      { attempt: 0, chunk: 0 },
      job('completed', 2, 2, results),
    );
    expect(failedItemIndexes(operation)).toEqual([]);
    expect(itemOutcome(operation, 1)).toMatchObject({ success: true });
  });

  it('fails items of a chunk whose job failed, expired or never got an answer', () => {
    let operation = operationOf(250);
    operation = withJobStatus(
      operation,
      { attempt: 0, chunk: 0 },
      {
        ...job('failed', 100, 10, [created(0)]),
        message: 'Failed at item 1',
      },
    );
    operation = withJobExpired(withJobStatus(operation, { attempt: 0, chunk: 1 }, job('working', 100, 30)), {
      attempt: 0,
      chunk: 1,
    });
    operation = withChunkRefused(operation, { attempt: 0, chunk: 2 }, 'Interrupted', {
      success: false,
      error: 'Interrupted',
    });
    expect(itemOutcome(operation, 0)).toMatchObject({ success: true });
    expect(itemOutcome(operation, 1)).toMatchObject({
      success: false,
      error: 'JobFailed',
      details: 'Failed at item 1',
    });
    expect(itemOutcome(operation, 150)).toMatchObject({ success: false, error: 'JobExpired' });
    expect(operation.attempts[0]?.chunks[1]).toMatchObject({ state: 'expired', progress: 30 });
    expect(itemOutcome(operation, 249)).toMatchObject({ success: false, error: 'Interrupted' });
    expect(failedItemIndexes(operation)).toHaveLength(249);
    expect(isOperationActive(operation)).toBe(false);
  });

  it('has no outcome while the latest attempt for the item is still running', () => {
    let operation = operationOf(2);
    operation = withJobStatus(
      operation,
      { attempt: 0, chunk: 0 },
      job('completed', 2, 2, [created(0), refused(1, 'x')]),
    );
    operation = withChunkState(withRetryAttempt(operation, 2), { attempt: 1, chunk: 0 }, 'submitting');
    expect(itemOutcome(operation, 1)).toBeUndefined();
    expect(itemOutcome(operation, 0)).toMatchObject({ success: true });
    expect(failedItemIndexes(operation)).toEqual([]);
  });
});

describe('withRetryAttempt', () => {
  it('adds an attempt holding only the failed items, and nothing when none failed', () => {
    let operation = operationOf(3);
    operation = withJobStatus(
      operation,
      { attempt: 0, chunk: 0 },
      job('completed', 3, 3, [created(0), refused(1, 'x'), created(2)]),
    );
    const retried = withRetryAttempt(operation, 2_000);
    expect(retried.attempts[1]).toEqual({
      startedAt: 2_000,
      chunks: [{ itemIndexes: [1], state: 'pending', progress: 0, total: 1 }],
      outcomes: {},
    });
    const allGood = withJobStatus(
      operationOf(1),
      { attempt: 0, chunk: 0 },
      job('completed', 1, 1, [created(0)]),
    );
    expect(withRetryAttempt(allGood, 3_000)).toBe(allGood);
  });
});

describe('chunk transitions', () => {
  it('return the same operation when a poll brings no news, so nothing is written', () => {
    const operation = withJobStatus(operationOf(5), { attempt: 0, chunk: 0 }, job('working', 5, 2));
    expect(withJobStatus(operation, { attempt: 0, chunk: 0 }, job('working', 5, 2))).toBe(operation);
    expect(withChunkState(operation, { attempt: 0, chunk: 0 }, 'working')).toBe(operation);
  });
});
