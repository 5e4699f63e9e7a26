import type { SandboxDatabase } from '../db/open-database.ts';
import type { JobItemOf, JobKindName } from './job-kinds.ts';
import { enqueueJob, type JobLimits, type JobStatusRow } from './job-store.ts';
import type { JobWorker } from './job-worker.ts';

/** What routes use to start a bulk job: persist it, then wake the worker. */
export class JobQueue {
  constructor(
    private readonly db: SandboxDatabase,
    private readonly worker: JobWorker,
    private readonly limits: JobLimits,
  ) {}

  enqueue<Name extends JobKindName>(kind: Name, items: JobItemOf<Name>[], requestedBy: number): JobStatusRow {
    const job = enqueueJob(this.db, kind, items, requestedBy, this.limits);
    this.worker.notify();
    return job;
  }
}
