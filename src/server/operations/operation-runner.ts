import { z } from 'zod/mini';
import { FINAL_JOB_STATES, type JobStatus, jobStatusSchema } from '../../contract/job-status.ts';
import { type BulkKind, MAX_OPERATION_ITEMS } from '../../contract/roster-operations.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { ActorCredential, ActorCredentials } from './actor-credentials.ts';
import { expandListPage } from './expand-list.ts';
import { failureOutcome, outcomesFromJob } from './job-outcomes.ts';
import type {
  ChunkRecord,
  ItemOutcome,
  ItemPhase,
  ItemRecord,
  OperationRecord,
  OperationStore,
} from './operation-store.ts';
import {
  MAX_ITEMS_PER_JOB,
  type Provider,
  providerOf,
  sendsJobs,
  submitJob,
  submitOne,
} from './submit-items.ts';
import { createUpstreamClient, type UpstreamClient, UpstreamFailure } from './upstream-client.ts';

export type RunnerOptions = {
  store: OperationStore;
  zendesk: Upstream;
  box: Upstream;
  credentials: ActorCredentials;
  /** Queued or running jobs for the whole account, all operations of all people together. */
  maxJobsInFlight?: number;
  /** Box requests (and make-default calls) in flight at once. */
  maxSinglesInFlight?: number;
  /** One show_many per this many milliseconds at most. */
  pollIntervalMs?: number;
  /** Attempts at an item before a transient failure (5xx, network, timeout) makes it fail. */
  maxTries?: number;
  /** First backoff after a transient failure; doubled for each further try. */
  backoffMs?: number;
  /** Something changed in this operation: the event stream tells the browsers. */
  onChange?: (operationId: string) => void;
  log?: (message: string) => void;
  now?: () => number;
};

export type OperationRunner = {
  /** Look at the store again soon: a new operation, a cancel, a retry, a sign-in. */
  wake(): void;
  /** Stops the loop; what is in flight stays recorded and continues after a restart. */
  stop(): Promise<void>;
  /** The most jobs this runner has had in flight at once (the bench reads it). */
  peakJobsInFlight(): number;
};

const TICK_MS = 100;
const IDLE_TICK_MS = 1000;
/** A job absent from this many show_many answers in a row is lost (job statuses live a day). */
const MISSES_BEFORE_LOST = 3;
/** A walked list stays at most this far ahead of what has been sent. */
const MAX_PENDING_AHEAD = 5000;
const DEFAULT_RETRY_AFTER_S = 1;

/** Anything else thrown while sending is the upstream's final word on those items, not a reason to retry. */
function asUpstreamFailure(error: unknown): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamFailure('refused', message, undefined, 'SubmitFailed', undefined);
}

const showManySchema = z.looseObject({ job_statuses: z.array(jobStatusSchema) });

/**
 * Runs every operation in the store to its end: Zendesk items in chunks of at most 100 through
 * create_many/destroy_many within one account-wide job budget, one show_many per poll for every
 * running job, Box items one request each with bounded concurrency, transient failures retried
 * with backoff. It keeps nothing that matters in memory: after a crash, `recover()` and the next
 * tick continue from the store.
 */
export async function startOperationRunner(options: RunnerOptions): Promise<OperationRunner> {
  const { store, credentials } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const maxJobs = options.maxJobsInFlight ?? 30;
  const maxSingles = options.maxSinglesInFlight ?? 4;
  // A little over a second: N polls then span N - 1 intervals and still average under one a second.
  const pollIntervalMs = options.pollIntervalMs ?? 1100;
  const maxTries = options.maxTries ?? 4;
  const backoffMs = options.backoffMs ?? 500;
  const changed = (id: string) => options.onChange?.(id);

  await store.recover();

  let stopped = false;
  let jobLimit = maxJobs;
  let jobsPausedUntil = 0;
  let lastPollAt = 0;
  let polling = false;
  let peak = 0;
  /** Chunks being sent right now (their rows say 'submitting'). */
  let submittingJobs = 0;
  let singlesInFlight = 0;
  const expanding = new Set<string>();
  const singlesPausedUntil = new Map<Provider, number>();
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let ticking: Promise<void> | undefined;
  let wakeRequested = false;

  function clientFor(provider: Provider, authorization: string): UpstreamClient {
    return provider === 'zendesk'
      ? createUpstreamClient(options.zendesk, '/api/v2', authorization)
      : createUpstreamClient(options.box, '', authorization);
  }

  const backoff = (tries: number) => backoffMs * 2 ** Math.max(0, tries - 1);

  /** Credentials looked up once per tick and person. */
  function credentialCache() {
    const cache = new Map<string, Promise<ActorCredential>>();
    return (provider: Provider, actorId: string) => {
      const key = `${provider}:${actorId}`;
      let found = cache.get(key);
      if (!found) {
        found = credentials.credential(provider, actorId);
        cache.set(key, found);
      }
      return found;
    };
  }

  async function pause(operation: OperationRecord, credential: ActorCredential): Promise<void> {
    const reason =
      credential.kind === 'unavailable'
        ? `Waiting for ${providerOf(operation.kind) === 'box' ? 'Box' : 'Zendesk'}: ${credential.description}`
        : providerOf(operation.kind) === 'box'
          ? `Paused until ${operation.actor.name} connects Box again`
          : `Paused until ${operation.actor.name} signs in again`;
    if (operation.state !== 'paused' || operation.stateReason !== reason) {
      await store.setState(operation.id, 'paused', reason);
      changed(operation.id);
    }
  }

  async function tick(): Promise<boolean> {
    const lookup = credentialCache();
    const operations = await store.active();
    const inFlight = await store.chunksInFlight();
    const working = new Set(inFlight.map((chunk) => chunk.operationId));
    let busy = inFlight.length > 0 || singlesInFlight > 0 || submittingJobs > 0;
    const runnable: { operation: OperationRecord; client: UpstreamClient; authorization: string }[] = [];
    for (const operation of operations) {
      const finished = await store.finishIfDone(operation.id, now());
      if (finished) {
        changed(operation.id);
        continue;
      }
      busy = true;
      const provider = providerOf(operation.kind);
      const credential = await lookup(provider, operation.actor.id);
      if (credential.kind !== 'ok') {
        await pause(operation, credential);
        continue;
      }
      if (operation.state === 'paused') {
        await store.setState(operation.id, working.has(operation.id) ? 'running' : 'queued', null);
        changed(operation.id);
      }
      runnable.push({
        operation,
        client: clientFor(provider, credential.authorization),
        authorization: credential.authorization,
      });
    }
    for (const entry of runnable) {
      const { operation } = entry;
      if (
        operation.expandCursor !== null &&
        !expanding.has(operation.id) &&
        operation.counts.pending < MAX_PENDING_AHEAD
      ) {
        void expand(entry.operation, entry.client, entry.authorization);
      }
    }
    await fillJobSlots(
      runnable.filter((entry) => sendsJobs(entry.operation.kind)),
      inFlight.length,
    );
    await fillSingleSlots(runnable);
    if (inFlight.some((chunk) => chunk.jobId !== null) && !polling && now() - lastPollAt >= pollIntervalMs) {
      void poll(inFlight, operations, lookup);
    }
    return busy;
  }

  async function fillJobSlots(
    entries: { operation: OperationRecord; client: UpstreamClient; authorization: string }[],
    inFlightCount: number,
  ): Promise<void> {
    if (now() < jobsPausedUntil) return;
    // The store's chunks include those still being sent: every one holds a slot from its claim on.
    let free = jobLimit - inFlightCount;
    let claimed = 0;
    // Round robin, oldest operation first, so one large operation does not hold every slot.
    let progressed = true;
    while (free > 0 && progressed) {
      progressed = false;
      for (const entry of entries) {
        if (free <= 0) break;
        const { chunkId, items } = await store.claim(
          entry.operation.id,
          'apply',
          MAX_ITEMS_PER_JOB,
          now(),
          true,
        );
        if (chunkId === null || items.length === 0) continue;
        progressed = true;
        free--;
        claimed++;
        submittingJobs++;
        peak = Math.max(peak, inFlightCount + claimed);
        changed(entry.operation.id);
        void sendChunk(entry.operation, entry.client, entry.authorization, chunkId, items).finally(() => {
          submittingJobs--;
          wake();
        });
      }
    }
  }

  async function sendChunk(
    operation: OperationRecord,
    client: UpstreamClient,
    authorization: string,
    chunkId: number,
    items: ItemRecord[],
  ): Promise<void> {
    let job: JobStatus;
    try {
      job = await submitJob(client, operation.kind as BulkKind, items);
    } catch (error) {
      await chunkFailed(operation, authorization, chunkId, items, error);
      return;
    }
    jobLimit = Math.min(maxJobs, jobLimit + 1);
    await store.chunkAccepted(chunkId, job.id);
    if (FINAL_JOB_STATES.has(job.status)) await jobFinished(operation.id, chunkId, items, job);
    changed(operation.id);
  }

  async function chunkFailed(
    operation: OperationRecord,
    authorization: string,
    chunkId: number,
    items: ItemRecord[],
    error: unknown,
  ): Promise<void> {
    const failure = asUpstreamFailure(error);
    const tries = Math.max(...items.map((item) => item.tries));
    if (failure.kind === 'too_many_jobs' || failure.kind === 'wait') {
      // The account's limits, not the items: wait as asked and send the same chunk again.
      if (failure.kind === 'too_many_jobs') {
        const running = (await store.chunksInFlight()).filter((chunk) => chunk.jobId !== null).length;
        jobLimit = Math.max(1, running);
      }
      jobsPausedUntil = Math.max(
        jobsPausedUntil,
        now() + (failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S) * 1000,
      );
      await store.chunkReturned(chunkId, { at: 0, resubmitted: false, countsAsTry: false });
    } else if (failure.kind === 'unauthorized') {
      credentials.refused(providerOf(operation.kind), operation.actor.id, authorization);
      await store.chunkReturned(chunkId, { at: 0, resubmitted: false, countsAsTry: false });
    } else if (failure.kind === 'transient' && tries < maxTries) {
      // The request may have reached Zendesk: send it again, and read a duplicate as done.
      log(`Retrying a chunk of ${operation.id} after: ${failure.message}`);
      await store.chunkReturned(chunkId, {
        at: now() + backoff(tries),
        resubmitted: true,
        countsAsTry: true,
      });
    } else {
      const outcome = failureOutcome(failure.code ?? 'SubmitFailed', failure.message);
      await store.settleItems(
        operation.id,
        new Map(items.map((item) => [item.index, outcome])),
        new Map(),
        chunkId,
      );
    }
    changed(operation.id);
  }

  async function jobFinished(
    operationId: string,
    chunkId: number,
    items: ItemRecord[],
    job: JobStatus,
  ): Promise<void> {
    const outcomes = outcomesFromJob(items, job);
    const next = new Map<number, { phase: ItemPhase; membershipId: string }>();
    for (const item of items) {
      const outcome = outcomes.get(item.index);
      if (item.restoreDefault && outcome?.success && outcome.status === 'Created' && outcome.resultId) {
        next.set(item.index, { phase: 'make_default', membershipId: outcome.resultId });
        outcomes.delete(item.index);
      }
    }
    await store.settleItems(operationId, outcomes, next, chunkId);
  }

  async function poll(
    inFlight: ChunkRecord[],
    operations: OperationRecord[],
    lookup: ReturnType<typeof credentialCache>,
  ): Promise<void> {
    polling = true;
    lastPollAt = now();
    try {
      const watched = inFlight.filter((chunk) => chunk.jobId !== null).slice(0, 100);
      // Job statuses are the account's: any starter's credential reads them all.
      const actors = [
        ...new Set(watched.map((chunk) => operations.find((op) => op.id === chunk.operationId)?.actor.id)),
      ];
      let client: UpstreamClient | undefined;
      for (const actorId of actors) {
        if (actorId === undefined) continue;
        const credential = await lookup('zendesk', actorId);
        if (credential.kind === 'ok') {
          client = clientFor('zendesk', credential.authorization);
          break;
        }
      }
      if (!client) return;
      let jobs: JobStatus[];
      try {
        const answer = await client.get(
          `/job_statuses/show_many?ids=${watched.map((chunk) => chunk.jobId).join(',')}`,
          showManySchema,
        );
        jobs = answer.job_statuses;
      } catch (error) {
        log(`Polling job statuses failed: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const byId = new Map(jobs.map((job) => [job.id, job]));
      for (const chunk of watched) {
        const job = chunk.jobId ? byId.get(chunk.jobId) : undefined;
        if (!job) {
          if (chunk.misses + 1 >= MISSES_BEFORE_LOST) {
            log(`Job ${chunk.jobId} of ${chunk.operationId} is lost; sending its items again`);
            await store.chunkReturned(chunk.id, { at: 0, resubmitted: true, countsAsTry: true });
            changed(chunk.operationId);
          } else
            await store.chunkProgress(
              chunk.id,
              chunk.state === 'submitting' ? 'queued' : chunk.state,
              chunk.progress,
              chunk.misses + 1,
            );
          continue;
        }
        if (FINAL_JOB_STATES.has(job.status)) {
          const items = await store.chunkItems(chunk.id);
          await jobFinished(chunk.operationId, chunk.id, items, job);
          changed(chunk.operationId);
        } else {
          const state = job.status === 'working' ? 'working' : 'queued';
          const progress = job.progress ?? 0;
          if (state !== chunk.state || progress !== chunk.progress || chunk.misses !== 0) {
            await store.chunkProgress(chunk.id, state, progress, 0);
            changed(chunk.operationId);
          }
        }
      }
    } finally {
      polling = false;
      wake();
    }
  }

  async function fillSingleSlots(
    entries: { operation: OperationRecord; client: UpstreamClient; authorization: string }[],
  ): Promise<void> {
    for (const entry of entries) {
      const { operation } = entry;
      const provider = providerOf(operation.kind);
      if (now() < (singlesPausedUntil.get(provider) ?? 0)) continue;
      const phase: ItemPhase = sendsJobs(operation.kind) ? 'make_default' : 'apply';
      const free = maxSingles - singlesInFlight;
      if (free <= 0) return;
      const { items } = await store.claim(operation.id, phase, free, now(), false);
      if (items.length === 0) continue;
      changed(operation.id);
      for (const item of items) {
        singlesInFlight++;
        void sendOne(operation, entry.client, entry.authorization, item).finally(() => {
          singlesInFlight--;
          wake();
        });
      }
    }
  }

  async function sendOne(
    operation: OperationRecord,
    client: UpstreamClient,
    authorization: string,
    item: ItemRecord,
  ): Promise<void> {
    let outcome: ItemOutcome;
    try {
      outcome = await submitOne(client, operation.kind, item, operation.params);
    } catch (error) {
      const failure = asUpstreamFailure(error);
      const provider = providerOf(operation.kind);
      if (failure.kind === 'wait' || failure.kind === 'too_many_jobs') {
        singlesPausedUntil.set(provider, now() + (failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S) * 1000);
        await store.itemReturned(operation.id, item.index, { at: 0, resubmitted: false, countsAsTry: false });
      } else if (failure.kind === 'unauthorized') {
        credentials.refused(provider, operation.actor.id, authorization);
        await store.itemReturned(operation.id, item.index, { at: 0, resubmitted: false, countsAsTry: false });
      } else if (failure.kind === 'transient' && item.tries < maxTries) {
        await store.itemReturned(operation.id, item.index, {
          at: now() + backoff(item.tries),
          resubmitted: true,
          countsAsTry: true,
        });
      } else {
        await store.settleItems(
          operation.id,
          new Map([[item.index, failureOutcome(failure.code ?? 'SubmitFailed', failure.message)]]),
          new Map(),
          null,
        );
      }
      changed(operation.id);
      return;
    }
    await store.settleItems(operation.id, new Map([[item.index, outcome]]), new Map(), null);
    changed(operation.id);
  }

  async function expand(
    operation: OperationRecord,
    client: UpstreamClient,
    authorization: string,
  ): Promise<void> {
    expanding.add(operation.id);
    try {
      for (;;) {
        const current = await store.get(operation.id);
        if (!current || current.expandCursor === null || stopped) return;
        if (current.counts.pending >= MAX_PENDING_AHEAD) return;
        let page: Awaited<ReturnType<typeof expandListPage>>;
        try {
          page = await expandListPage(client, current);
        } catch (error) {
          if (error instanceof UpstreamFailure && error.kind === 'unauthorized') {
            credentials.refused('zendesk', operation.actor.id, authorization);
            return;
          }
          if (error instanceof UpstreamFailure && (error.kind === 'transient' || error.kind === 'wait')) {
            log(`Walking the list of ${operation.id} failed for now: ${error.message}`);
            await new Promise((resolve) => setTimeout(resolve, (error.retryAfterSeconds ?? 1) * 1000));
            continue;
          }
          const message = error instanceof Error ? error.message : String(error);
          await store.appendItems(operation.id, [], null);
          await store.setState(operation.id, 'running', `Stopped walking the list: ${message}`);
          return;
        }
        if (current.total + page.items.length > MAX_OPERATION_ITEMS) {
          await store.appendItems(operation.id, [], null);
          await store.setState(
            operation.id,
            'running',
            `The list holds more than ${MAX_OPERATION_ITEMS.toLocaleString('en-US')} members; the first ones are removed, the rest are left`,
          );
          changed(operation.id);
          return;
        }
        await store.appendItems(operation.id, page.items, page.nextCursor);
        changed(operation.id);
        wake();
        if (page.nextCursor === null) return;
      }
    } finally {
      expanding.delete(operation.id);
    }
  }

  async function loop(): Promise<void> {
    let busy = false;
    try {
      busy = await tick();
    } catch (error) {
      log(`The operation runner's tick failed: ${error instanceof Error ? error.stack : String(error)}`);
      busy = true;
    }
    ticking = undefined;
    if (stopped) return;
    schedule(wakeRequested ? 0 : busy ? TICK_MS : IDLE_TICK_MS);
    wakeRequested = false;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (wakeTimer) clearTimeout(wakeTimer);
    wakeTimer = setTimeout(() => {
      wakeTimer = undefined;
      ticking = loop();
    }, ms);
  }

  function wake(): void {
    if (stopped) return;
    if (ticking) {
      wakeRequested = true;
      return;
    }
    schedule(0);
  }

  schedule(0);

  return {
    wake,
    async stop() {
      stopped = true;
      if (wakeTimer) clearTimeout(wakeTimer);
      await ticking;
    },
    peakJobsInFlight: () => peak,
  };
}
