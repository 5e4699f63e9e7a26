import type { QueryClient } from '@tanstack/react-query';
import { ApiError, describeError } from '../../api/api-error.ts';
import { showManyJobStatuses } from '../../api/job-statuses.ts';
import { FINAL_JOB_STATES, type JobStatus } from '../../contract/job-status.ts';
import { abortableSleep, type Sleep } from '../abortable-sleep.ts';
import { boxBulkStrategies } from './box-bulk-strategies.ts';
import {
  type BulkItem,
  type BulkOperation,
  type BulkOperationKind,
  createBulkOperation,
  isOperationActive,
  withRetryAttempt,
} from './bulk-operation.ts';
import type { BulkStrategies, FetchJobStatuses } from './bulk-strategy.ts';
import { chunkItems, MAX_ITEMS_PER_REQUEST } from './chunk-items.ts';
import {
  type ChunkAddress,
  chunkAt,
  chunksOf,
  withChunkRefused,
  withChunkState,
  withJobExpired,
  withJobStatus,
} from './chunk-transitions.ts';
import { INTERRUPTED_MESSAGE } from './job-outcomes.ts';
import type { OperationStore } from './operation-store.ts';
import { createPollLoop } from './poll-loop.ts';
import { zendeskBulkStrategies } from './zendesk-bulk-strategies.ts';

export type BulkEngineOptions = {
  store: OperationStore;
  queryClient: QueryClient;
  strategies?: BulkStrategies;
  fetchJobStatuses?: FetchJobStatuses;
  /** Jobs this browser keeps queued or running at once; the account allows 30 for everyone together. */
  maxJobsInFlight?: number;
  pollIntervalMs?: { min: number; max: number };
  now?: () => number;
  sleep?: Sleep;
  newId?: () => string;
  /**
   * False for a tab that is not (yet) the one doing the work: it records operations in the shared
   * store but leaves submitting and polling to the leading tab until `lead()` is called.
   */
  leading?: boolean;
  /** Multiplies the poll interval, e.g. 4 while the tab is hidden. */
  pollSlowdown?: () => number;
};

export type StartBulkOperation = {
  kind: BulkOperationKind;
  label: string;
  items: readonly BulkItem[];
  invalidates?: readonly (readonly unknown[])[];
  scope?: string;
};

export type BulkEngine = {
  readonly store: OperationStore;
  /** Persists the operation, then submits its chunks; answers the operation's id at once. */
  start(request: StartBulkOperation): string;
  /** Submits the failed items again as a new attempt; false when nothing failed. */
  retryFailed(operationId: string): boolean;
  /** Continues what a previous page load left running. Call once at app start. */
  resume(): void;
  /** This tab takes over submitting and polling for every tab (the previous leader has gone). */
  lead(): void;
  /** Resolves when the operation has no active chunk left (or no longer exists). */
  settled(operationId: string): Promise<BulkOperation | undefined>;
  dispose(): void;
};

type ChunkRef = { operationId: string; address: ChunkAddress };
type WatchedJob = ChunkRef & { jobId: string };

const DEFAULT_RETRY_AFTER_SECONDS = 1;

function newOperationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `op_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function refKey({ operationId, address }: ChunkRef): string {
  return `${operationId}/${address.attempt}/${address.chunk}`;
}

/** Asking again later will work: the account is at its job limit or its request rate limit. */
function isWaitAndRetry(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.kind === 'too_many_jobs' || error.kind === 'rate_limited');
}

/**
 * Runs bulk operations against a provider's job API: chunks of at most 100 items, a bounded number
 * of jobs in flight for the whole engine, one poller for every active job, per-item outcomes and
 * query invalidation when jobs end. All state lives in the store, so a new engine over the same
 * storage picks up where a previous page load stopped.
 */
export function createBulkEngine(options: BulkEngineOptions): BulkEngine {
  const { store, queryClient } = options;
  const strategies: BulkStrategies = options.strategies ?? { ...zendeskBulkStrategies, ...boxBulkStrategies };
  const fetchJobStatuses = options.fetchJobStatuses ?? ((ids) => showManyJobStatuses(ids));
  const maxJobsInFlight = Math.max(1, options.maxJobsInFlight ?? 5);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const newId = options.newId ?? newOperationId;

  let disposed = false;
  let leading = options.leading ?? true;
  /** Chunks this engine is sending right now; any other chunk in 'submitting' was cut off by a reload. */
  const submitting = new Set<string>();
  /** Lowered to what the account accepted when it answered TooManyJobs, raised again one job at a time. */
  let jobLimit = maxJobsInFlight;
  let submissionsPausedUntil = 0;
  let pumpScheduled = false;
  const waits = new Set<AbortController>();

  const poller = createPollLoop({
    minMs: options.pollIntervalMs?.min ?? 500,
    maxMs: options.pollIntervalMs?.max ?? 5000,
    tick: pollJobs,
    hasWork: () => !disposed && leading && watchedJobs().length > 0,
    sleep,
    now,
    ...(options.pollSlowdown && { slowdown: options.pollSlowdown }),
  });

  /** Operations another tab added or retried arrive through the store: the leader takes them on. */
  let pumpQueued = false;
  store.subscribe(() => {
    if (!leading || pumpQueued || disposed) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  });

  function update(operationId: string, change: (operation: BulkOperation) => BulkOperation): void {
    // A disposed engine belongs to a page that is going away; a new engine may own the storage now.
    if (!disposed) store.update(operationId, change);
  }

  async function wait(ms: number): Promise<boolean> {
    const controller = new AbortController();
    waits.add(controller);
    try {
      await sleep(ms, controller.signal);
      return true;
    } catch {
      return false;
    } finally {
      waits.delete(controller);
    }
  }

  function oldestFirst(): BulkOperation[] {
    return [...store.getSnapshot()].reverse();
  }

  function jobsInFlight(): { submitting: number; running: number } {
    let sending = 0;
    let running = 0;
    for (const operation of store.getSnapshot()) {
      for (const { chunk } of chunksOf(operation)) {
        if (chunk.state === 'submitting') sending++;
        else if (chunk.state === 'queued' || chunk.state === 'working') running++;
      }
    }
    return { submitting: sending, running };
  }

  function watchedJobs(): WatchedJob[] {
    const watched: WatchedJob[] = [];
    for (const operation of oldestFirst()) {
      for (const { address, chunk } of chunksOf(operation)) {
        if ((chunk.state === 'queued' || chunk.state === 'working') && chunk.jobId) {
          watched.push({ operationId: operation.id, address, jobId: chunk.jobId });
        }
      }
    }
    return watched;
  }

  function nextPendingChunk(): ChunkRef | undefined {
    for (const operation of oldestFirst()) {
      for (const { address, chunk } of chunksOf(operation)) {
        if (chunk.state === 'pending') return { operationId: operation.id, address };
      }
    }
    return undefined;
  }

  /** Fills free job slots with pending chunks, oldest operation first. */
  function pump(): void {
    if (disposed || !leading) return;
    const pausedForMs = submissionsPausedUntil - now();
    if (pausedForMs > 0) {
      if (!pumpScheduled) {
        pumpScheduled = true;
        void wait(pausedForMs).then(() => {
          pumpScheduled = false;
          pump();
        });
      }
      return;
    }
    const inFlight = jobsInFlight();
    let free = jobLimit - inFlight.submitting - inFlight.running;
    while (free > 0) {
      const next = nextPendingChunk();
      if (!next) break;
      update(next.operationId, (operation) => withChunkState(operation, next.address, 'submitting'));
      free--;
      void submit(next);
    }
  }

  async function submit(ref: ChunkRef): Promise<void> {
    const key = refKey(ref);
    submitting.add(key);
    try {
      const operation = store.get(ref.operationId);
      const chunk = operation && chunkAt(operation, ref.address);
      if (!operation || !chunk) return;
      const items = chunk.itemIndexes.flatMap((itemIndex) => operation.items[itemIndex] ?? []);
      let job: JobStatus;
      try {
        job = await strategies[operation.kind].submit(items);
      } catch (error) {
        if (disposed) return;
        if (isWaitAndRetry(error)) {
          // Zendesk did not take the request: put the chunk back first in line and pause everyone.
          update(ref.operationId, (current) => withChunkState(current, ref.address, 'pending'));
          if (error.kind === 'too_many_jobs') jobLimit = Math.max(1, jobsInFlight().running);
          const retryAfterMs = (error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000;
          submissionsPausedUntil = Math.max(submissionsPausedUntil, now() + retryAfterMs);
        } else {
          const reason = describeError(error);
          const code = error instanceof ApiError ? (error.code ?? error.kind) : 'SubmitFailed';
          update(ref.operationId, (current) =>
            withChunkRefused(current, ref.address, reason, {
              success: false,
              status: 'Failed',
              error: code,
              details: reason,
            }),
          );
        }
        return;
      }
      if (disposed) return;
      jobLimit = Math.min(maxJobsInFlight, jobLimit + 1);
      update(ref.operationId, (current) => withJobStatus(current, ref.address, job));
      if (FINAL_JOB_STATES.has(job.status)) jobEnded(ref.operationId);
      else poller.nudge();
    } finally {
      submitting.delete(key);
      pump();
    }
  }

  function jobEnded(operationId: string): void {
    const operation = store.get(operationId);
    for (const queryKey of operation?.invalidates ?? []) void queryClient.invalidateQueries({ queryKey });
  }

  /** One show_many request per 100 watched jobs: the only polling the engine does. */
  async function pollJobs(): Promise<boolean> {
    let changed = false;
    for (const batch of chunkItems(watchedJobs(), MAX_ITEMS_PER_REQUEST)) {
      let jobs: JobStatus[];
      try {
        jobs = await fetchJobStatuses(batch.map((watched) => watched.jobId));
      } catch {
        // A failed poll says nothing about the jobs; the next round asks again.
        continue;
      }
      if (disposed) return false;
      if (applyPolledJobs(batch, new Map(jobs.map((job) => [job.id, job])))) changed = true;
    }
    if (changed) pump();
    return changed;
  }

  /** Jobs absent from show_many answers, and how many answers in a row left them out. */
  const misses = new Map<string, number>();
  const MISSES_BEFORE_EXPIRY = 3;

  /** One answer without a job may be a hiccup; several in a row mean Zendesk has forgotten it. */
  function missedTooOften(jobId: string): boolean {
    const count = (misses.get(jobId) ?? 0) + 1;
    misses.set(jobId, count);
    return count >= MISSES_BEFORE_EXPIRY;
  }

  function applyPolledJobs(batch: readonly WatchedJob[], jobsById: ReadonlyMap<string, JobStatus>): boolean {
    let changed = false;
    const ended = new Set<string>();
    const byOperation = new Map<string, WatchedJob[]>();
    for (const watched of batch) {
      byOperation.set(watched.operationId, [...(byOperation.get(watched.operationId) ?? []), watched]);
    }
    for (const [operationId, watchedOfOperation] of byOperation) {
      update(operationId, (operation) =>
        watchedOfOperation.reduce((current, watched) => {
          const job = jobsById.get(watched.jobId);
          if (!job && !missedTooOften(watched.jobId)) return current;
          misses.delete(watched.jobId);
          const next = job
            ? withJobStatus(current, watched.address, job)
            : withJobExpired(current, watched.address);
          if (next !== current) changed = true;
          if (!job || FINAL_JOB_STATES.has(job.status)) ended.add(operationId);
          return next;
        }, operation),
      );
    }
    for (const operationId of ended) jobEnded(operationId);
    return changed;
  }

  /** A chunk left 'submitting' by an earlier page may or may not have been written: a person decides. */
  function failInterruptedSubmissions(): void {
    for (const operation of store.getSnapshot()) {
      for (const { address, chunk } of chunksOf(operation)) {
        if (chunk.state !== 'submitting' || submitting.has(refKey({ operationId: operation.id, address })))
          continue;
        update(operation.id, (current) =>
          withChunkRefused(current, address, INTERRUPTED_MESSAGE, {
            success: false,
            status: 'Failed',
            error: 'Interrupted',
            details: INTERRUPTED_MESSAGE,
          }),
        );
      }
    }
  }

  return {
    store,
    start(request) {
      const id = newId();
      store.add(
        createBulkOperation({
          id,
          kind: request.kind,
          label: request.label,
          items: request.items,
          invalidates: request.invalidates ?? [],
          ...(request.scope !== undefined && { scope: request.scope }),
          ...(strategies[request.kind].itemsPerChunk !== undefined && {
            itemsPerChunk: strategies[request.kind].itemsPerChunk,
          }),
          createdAt: now(),
        }),
      );
      pump();
      return id;
    },
    retryFailed(operationId) {
      const before = store.get(operationId);
      if (disposed || !before) return false;
      const after = store.update(operationId, (operation) => withRetryAttempt(operation, now()));
      if (after === before) return false;
      pump();
      return true;
    },
    resume() {
      if (!leading) return;
      failInterruptedSubmissions();
      pump();
      poller.start();
    },
    lead() {
      if (leading && !disposed) return;
      leading = true;
      this.resume();
    },
    settled(operationId) {
      return new Promise((resolve) => {
        const check = () => {
          const operation = store.get(operationId);
          if (operation && isOperationActive(operation)) return false;
          resolve(operation);
          return true;
        };
        if (check()) return;
        const unsubscribe = store.subscribe(() => {
          if (check()) unsubscribe();
        });
      });
    },
    dispose() {
      disposed = true;
      poller.stop();
      for (const controller of waits) controller.abort();
    },
  };
}
