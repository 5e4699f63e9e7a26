import type { JobStatus } from '../../contract/job-status.ts';
import type { BulkItem, BulkOperationKind } from './bulk-operation.ts';

/**
 * How one kind of operation reaches a provider: one chunk of items that answers with a job status.
 * Zendesk sends a chunk as one bulk request and its job is polled; a provider without bulk
 * endpoints (Box) sends one request per item and answers with a job that is already final.
 * The engine owns chunking, slots, retries and polling around it.
 */
export type BulkStrategy = {
  submit(items: readonly BulkItem[]): Promise<JobStatus>;
  /** Items per chunk; 100 (Zendesk's bulk limit) when absent. */
  itemsPerChunk?: number;
};

export type BulkStrategies = Record<BulkOperationKind, BulkStrategy>;

/** Polls many jobs in one request (at most 100 ids); jobs the provider no longer knows are simply absent. */
export type FetchJobStatuses = (ids: readonly string[]) => Promise<JobStatus[]>;
