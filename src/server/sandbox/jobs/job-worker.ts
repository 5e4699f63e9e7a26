import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { JobResult } from '../../../contract/job-status.ts';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { nowTimestamp } from '../store/now.ts';
import { isJobKindName, JOB_KINDS } from './job-kinds.ts';
import { type JobStatusRow, nextActiveJob } from './job-store.ts';

/**
 * How long a write the database refused as busy is tried again, counting each attempt's own wait
 * of busy_timeout, and the pause between attempts (it grows to at most 250 ms).
 */
const BUSY_GIVE_UP_MS = 10_000;
const BUSY_PAUSE_MS = 25;

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

export type JobWorkerOptions = {
  /** Pause before each item, so a person can watch a job progress; tests use 0. */
  itemDelayMs: number;
  log?: (message: string) => void;
};

/**
 * Processes queued jobs one at a time, oldest first. Each item's effect, its result and the job's
 * progress are written in one transaction, so a job interrupted by a crash resumes at the first
 * unprocessed item on the next start: nothing is lost and nothing is applied twice.
 */
export class JobWorker {
  private stopped = true;
  private wake: (() => void) | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: SandboxDatabase,
    private readonly options: JobWorkerOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Called after a job is enqueued. */
  notify(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let job: JobStatusRow | undefined;
      try {
        job = nextActiveJob(this.db);
        if (job) await this.run(job);
      } catch (error) {
        // Stopping while the database is busy leaves the job to resume on the next start.
        if (this.stopped && isBusy(error)) return;
        // A job that cannot even start (unreadable payload, a locked database) must not take the
        // server down, nor block the queue on every restart: it fails, and the next one runs.
        this.options.log?.(`job ${job?.id ?? '?'} could not run: ${String(error)}`);
        if (job) this.tryFinish(job, `Failed: ${error instanceof Error ? error.message : 'error'}`);
        await sleep(100);
        continue;
      }
      if (!job) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
      }
    }
  }

  private async run(job: JobStatusRow): Promise<void> {
    if (!isJobKindName(job.kind)) {
      this.finish(job, 'failed', `Unknown job kind ${job.kind}`);
      return;
    }
    const kind = JOB_KINDS[job.kind];
    const items = JSON.parse(job.payload) as unknown[];
    const markWorking = preparedStatement(
      this.db,
      "UPDATE job_statuses SET status = 'working', updated_at = ? WHERE seq = ?",
    );
    await this.whileBusy(() => markWorking.run(nowTimestamp(), job.seq));
    const insertResult = preparedStatement(
      this.db,
      'INSERT INTO job_results (job_seq, item_index, result) VALUES (?, ?, ?)',
    );
    const advance = preparedStatement(
      this.db,
      'UPDATE job_statuses SET progress = ?, updated_at = ? WHERE seq = ?',
    );
    const processItem = this.db.transaction((index: number) => {
      // The kinds' item types differ; the payload was validated against this kind when enqueued.
      const process = kind.process as (db: SandboxDatabase, item: unknown, index: number) => JobResult;
      const result = process(this.db, items[index], index);
      insertResult.run(job.seq, index, JSON.stringify(result));
      advance.run(index + 1, nowTimestamp(), job.seq);
    });

    for (let index = job.progress; index < job.total; index++) {
      if (this.stopped) return;
      if (this.options.itemDelayMs > 0) await sleep(this.options.itemDelayMs);
      else await yieldToEventLoop();
      if (this.stopped) return;
      try {
        await this.whileBusy(() => processItem.immediate(index));
      } catch (error) {
        // Stopping while the database is busy leaves the job to resume on the next start.
        if (this.stopped && isBusy(error)) return;
        this.options.log?.(`job ${job.id} failed at item ${index}: ${String(error)}`);
        this.finish(
          job,
          'failed',
          `Failed at item ${index}: ${error instanceof Error ? error.message : 'error'}`,
        );
        return;
      }
    }
    await this.whileBusy(() =>
      this.finish(job, 'completed', `Completed at ${zendeskMessageTime(new Date())}`),
    );
  }

  /**
   * Runs a write, and runs it again while the database answers busy. Other connections to the file
   * (the bench's read-only monitors did it) can make a write answer busy at once, without the busy
   * handler's wait: a deferred transaction upgrading to a write is one such case, which items avoid
   * by taking the write lock first (`.immediate`). Zendesk does not fail a job over its own
   * storage, so the worker tries again, for a bounded time, before it fails the rest of a job.
   */
  private async whileBusy<T>(write: () => T): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return write();
      } catch (error) {
        if (!isBusy(error) || this.stopped || Date.now() - started > BUSY_GIVE_UP_MS) throw error;
        this.options.log?.(`the database is busy (attempt ${attempt}): trying again`);
        await sleep(Math.min(250, BUSY_PAUSE_MS * attempt));
      }
    }
  }

  private tryFinish(job: JobStatusRow, message: string): void {
    try {
      this.finish(job, 'failed', message);
    } catch (error) {
      this.options.log?.(`job ${job.id} could not be marked failed: ${String(error)}`);
    }
  }

  private finish(job: JobStatusRow, status: 'completed' | 'failed', message: string): void {
    preparedStatement(
      this.db,
      'UPDATE job_statuses SET status = ?, message = ?, updated_at = ? WHERE seq = ?',
    ).run(status, message, nowTimestamp(), job.seq);
  }
}

/** `2018-03-08 10:07:04 +0000`, the form of Zendesk's completion message. */
function zendeskMessageTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} +0000`;
}
