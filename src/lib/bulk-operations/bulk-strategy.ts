import type { JobStatus } from '../../contract/job-status.ts';
import type { BulkItem, BulkOperationKind } from './bulk-operation.ts';

/**
 * How one kind of operation reaches a provider: one request for at most 100 items that answers
 * with a job to poll. The engine owns chunking, slots, retries and polling around it.
 */
export type BulkStrategy = {
  submit(items: readonly BulkItem[]): Promise<JobStatus>;
};

export type BulkStrategies = Record<BulkOperationKind, BulkStrategy>;

/** Polls many jobs in one request (at most 100 ids); jobs the provider no longer knows are simply absent. */
export type FetchJobStatuses = (ids: readonly string[]) => Promise<JobStatus[]>;
