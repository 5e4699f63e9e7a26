import { FINAL_JOB_STATES, type JobStatus } from '../../contract/job-status.ts';
import { MAX_OPERATION_ITEMS } from '../../contract/operation-limits.ts';
import type { ProviderId } from '../../contract/providers/operation-providers.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type {
  ChunkRecord,
  ItemAction,
  ItemOutcome,
  ItemPhase,
  ItemRecord,
  OperationRecord,
  OperationStore,
} from '../store/operation-store.ts';
import type { ActorCredential, ActorCredentials } from './actor-credentials.ts';
import { failureOutcome } from './job-outcomes.ts';
import { createLeaseKeeper } from './operation-leases.ts';
import type { JobPort, OperationProvider } from './providers/operation-provider.ts';
import { providerFor } from './providers/operation-providers.ts';
import { createStoreOutage } from './store-outage.ts';
import { type UpstreamClient, UpstreamFailure } from './upstream-client.ts';

export type RunnerOptions = {
  store: OperationStore;
  /** This instance's id: it runs the operations whose lease it holds, and no others. */
  instanceId: string;
  /** The only instance on its store (SQLite): at start it continues every unfinished operation at once. */
  exclusive: boolean;
  /** Where each provider's API is. */
  upstreams: Readonly<Record<ProviderId, Upstream>>;
  credentials: ActorCredentials;
  /** Queued or running jobs for the whole account, all operations of all people together. */
  maxJobsInFlight?: number;
  /** Items sent one request each (every Box item, Zendesk's make-default calls) in flight at once. */
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
  /** Waits before the next try at walking a list; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
};

/** An operation this tick may send for: its provider, and a client with its starter's credential. */
type Runnable = {
  operation: OperationRecord;
  provider: OperationProvider;
  client: UpstreamClient;
  authorization: string;
};

export type OperationRunner = {
  /** Look at the store again soon: a new operation, a cancel, a retry, a sign-in. */
  wake(): void;
  /**
   * Stops the loop, lets requests already sent record their answers (a few seconds at most) and
   * gives the leases up; whatever is left stays recorded and continues on this or another instance.
   */
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
/** How long a stop waits for answers to requests already sent. */
const STOP_GRACE_MS = 5_000;

/** Anything else thrown while sending is the upstream's final word on those items, not a reason to retry. */
function asUpstreamFailure(error: unknown): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamFailure('refused', message, undefined, 'SubmitFailed', undefined);
}

/**
 * Runs the operations whose lease this instance holds to their end, through each kind's provider
 * (providers/): items of a provider with jobs in chunks within one account-wide job budget (every
 * instance's chunks count), one status read per poll for every running job; other items one request
 * each with bounded concurrency; transient failures retried with backoff. It keeps nothing that matters in
 * memory: after a crash, whoever takes the lease over recovers what was in flight from the store.
 */
export async function startOperationRunner(options: RunnerOptions): Promise<OperationRunner> {
  const { store, credentials } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = options.log ?? (() => {});
  const maxJobs = options.maxJobsInFlight ?? 30;
  const maxSingles = options.maxSinglesInFlight ?? 4;
  // A little over a second: N polls then span N - 1 intervals and still average under one a second.
  const pollIntervalMs = options.pollIntervalMs ?? 1100;
  const maxTries = options.maxTries ?? 4;
  const backoffMs = options.backoffMs ?? 500;
  const changed = (id: string) => options.onChange?.(id);
  const owner = options.instanceId;

  let stopped = false;
  const outage = createStoreOutage(log, () => stopped);
  const leases = createLeaseKeeper({ store, owner, exclusive: options.exclusive, log });
  /** Requests sent and not yet recorded: a stop waits for them a little. */
  const sending = new Set<Promise<void>>();
  let jobLimit = maxJobs;
  let jobsPausedUntil = 0;
  let lastPollAt = 0;
  let polling = false;
  let peak = 0;
  /** Chunks being sent right now (their rows say 'submitting'). */
  let submittingJobs = 0;
  let singlesInFlight = 0;
  const expanding = new Set<string>();
  const singlesPausedUntil = new Map<ProviderId, number>();
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let ticking: Promise<void> | undefined;
  let wakeRequested = false;

  /** Work started without waiting for it: tracked for a clean stop, and its failure logged, never thrown. */
  function inBackground(what: string, work: Promise<void>, done?: () => void): void {
    const tracked = work
      .catch((error: unknown) => {
        log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        sending.delete(tracked);
        done?.();
      });
    sending.add(tracked);
  }

  function clientFor(provider: OperationProvider, authorization: string): UpstreamClient {
    return provider.client(options.upstreams[provider.id], authorization);
  }

  const backoff = (tries: number) => backoffMs * 2 ** Math.max(0, tries - 1);

  /** Credentials looked up once per tick and person. */
  function credentialCache() {
    const cache = new Map<string, Promise<ActorCredential>>();
    return (provider: ProviderId, actorId: string) => {
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
    const provider = providerFor(operation.kind);
    const reason =
      credential.kind === 'unavailable'
        ? `Waiting for ${provider.name}: ${credential.description}`
        : provider.pausedReason(operation.actor.name);
    if (operation.state !== 'paused' || operation.stateReason !== reason) {
      await store.setState(operation.id, 'paused', reason);
      changed(operation.id);
    }
  }

  async function tick(): Promise<boolean> {
    const lookup = credentialCache();
    if (leases.due(now())) {
      for (const id of await leases.maintain(now())) changed(id);
    }
    const operations = await store.active(owner);
    const mine = new Set(operations.map((operation) => operation.id));
    // Every instance's chunks are in the store; this one polls only those of its own operations.
    const inFlight = (await store.chunksInFlight()).filter((chunk) => mine.has(chunk.operationId));
    const working = new Set(inFlight.map((chunk) => chunk.operationId));
    let busy = inFlight.length > 0 || singlesInFlight > 0 || submittingJobs > 0;
    const runnable: Runnable[] = [];
    for (const operation of operations) {
      const finished = await store.finishIfDone(operation.id, now());
      if (finished) {
        changed(operation.id);
        continue;
      }
      busy = true;
      const provider = providerFor(operation.kind);
      const credential = await lookup(provider.id, operation.actor.id);
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
        provider,
        client: clientFor(provider, credential.authorization),
        authorization: credential.authorization,
      });
    }
    for (const entry of runnable) {
      const { operation } = entry;
      const { expandPage } = entry.provider;
      if (
        expandPage &&
        operation.expandCursor !== null &&
        !expanding.has(operation.id) &&
        operation.counts.pending < MAX_PENDING_AHEAD
      ) {
        inBackground(`Walking the list of ${operation.id}`, expand(entry, expandPage));
      }
    }
    await fillJobSlots(runnable);
    await fillSingleSlots(runnable);
    if (inFlight.some((chunk) => chunk.jobId !== null) && !polling && now() - lastPollAt >= pollIntervalMs) {
      polling = true;
      inBackground('Polling job statuses', poll(inFlight, operations, lookup), () => {
        polling = false;
        wakeNow();
      });
    }
    return busy;
  }

  async function fillJobSlots(entries: readonly Runnable[]): Promise<void> {
    if (now() < jobsPausedUntil) return;
    // The store counts every instance's chunks, those still being sent too, against the budget in
    // the same transaction as the claim: two instances cannot both take the last slot.
    let full = false;
    // Round robin, oldest operation first, so one large operation does not hold every slot.
    let progressed = true;
    while (!full && progressed) {
      progressed = false;
      for (const entry of entries) {
        const jobs = entry.provider.jobs;
        if (!jobs) continue;
        for (const slice of jobs.claims(entry.operation.kind)) {
          const claim = await store.claim({
            operationId: entry.operation.id,
            ...slice,
            limit: jobs.maxItems,
            now: now(),
            owner,
            chunk: { maxInFlight: jobLimit },
          });
          const { chunkId, items } = claim;
          if (chunkId === null || items.length === 0) {
            full = claim.chunksInFlight >= jobLimit;
            if (full) break;
            continue;
          }
          progressed = true;
          submittingJobs++;
          peak = Math.max(peak, claim.chunksInFlight);
          changed(entry.operation.id);
          inBackground(
            `Sending a chunk of ${entry.operation.id}`,
            sendChunk(entry, jobs, chunkId, items, slice.action ?? null),
            () => {
              submittingJobs--;
              wakeNow();
            },
          );
        }
        if (full) break;
      }
    }
  }

  async function sendChunk(
    { operation, client, authorization }: Runnable,
    jobs: JobPort,
    chunkId: number,
    items: ItemRecord[],
    action: ItemAction | null,
  ): Promise<void> {
    let job: JobStatus;
    try {
      job = await jobs.submit(client, operation.kind, action, items);
    } catch (error) {
      await chunkFailed(operation, authorization, chunkId, items, error);
      return;
    }
    jobLimit = Math.min(maxJobs, jobLimit + 1);
    // The job's id is known only here: kept until the store takes it, even through an outage.
    await outage.persist(() => store.chunkAccepted(chunkId, job.id));
    if (FINAL_JOB_STATES.has(job.status))
      await outage.persist(() => jobFinished(jobs, operation.id, chunkId, items, job));
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
    const { persist } = outage;
    if (failure.kind === 'too_many_jobs' || failure.kind === 'wait') {
      // The account's limits, not the items: wait as asked and send the same chunk again.
      if (failure.kind === 'too_many_jobs') {
        const chunks = await persist(() => store.chunksInFlight());
        jobLimit = Math.max(1, chunks.filter((chunk) => chunk.jobId !== null).length);
      }
      jobsPausedUntil = Math.max(
        jobsPausedUntil,
        now() + (failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S) * 1000,
      );
      await persist(() => store.chunkReturned(chunkId, { at: 0, resubmitted: false, countsAsTry: false }));
    } else if (failure.kind === 'unauthorized') {
      await persist(() =>
        credentials.refused(providerFor(operation.kind).id, operation.actor.id, authorization),
      );
      await persist(() => store.chunkReturned(chunkId, { at: 0, resubmitted: false, countsAsTry: false }));
    } else if (failure.kind === 'transient' && tries < maxTries) {
      // The request may have reached the provider: send it again, and read a duplicate as done.
      log(`Retrying a chunk of ${operation.id} after: ${failure.message}`);
      await persist(() =>
        store.chunkReturned(chunkId, { at: now() + backoff(tries), resubmitted: true, countsAsTry: true }),
      );
    } else {
      const outcome = failureOutcome(failure.code ?? 'SubmitFailed', failure.message);
      await persist(() =>
        store.settleItems(
          operation.id,
          new Map(items.map((item) => [item.index, outcome])),
          new Map(),
          chunkId,
        ),
      );
    }
    changed(operation.id);
  }

  async function jobFinished(
    port: JobPort,
    operationId: string,
    chunkId: number,
    items: ItemRecord[],
    job: JobStatus,
  ): Promise<void> {
    const outcomes = port.outcomes(items, job);
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
    lastPollAt = now();
    const byOperation = new Map(operations.map((operation) => [operation.id, operation]));
    const byProvider = new Map<OperationProvider, ChunkRecord[]>();
    for (const chunk of inFlight) {
      const operation = byOperation.get(chunk.operationId);
      if (chunk.jobId === null || !operation) continue;
      const provider = providerFor(operation.kind);
      byProvider.set(provider, [...(byProvider.get(provider) ?? []), chunk]);
    }
    for (const [provider, chunks] of byProvider) {
      if (provider.jobs) await pollJobs(provider, provider.jobs, chunks, byOperation, lookup);
    }
  }

  async function pollJobs(
    provider: OperationProvider,
    port: JobPort,
    chunks: readonly ChunkRecord[],
    byOperation: ReadonlyMap<string, OperationRecord>,
    lookup: ReturnType<typeof credentialCache>,
  ): Promise<void> {
    const watched = chunks.slice(0, port.maxReads);
    // Job statuses are the account's: any starter's credential reads them all.
    const actors = [...new Set(watched.map((chunk) => byOperation.get(chunk.operationId)?.actor.id))];
    let client: UpstreamClient | undefined;
    for (const actorId of actors) {
      if (actorId === undefined) continue;
      const credential = await lookup(provider.id, actorId);
      if (credential.kind === 'ok') {
        client = clientFor(provider, credential.authorization);
        break;
      }
    }
    if (!client) return;
    let jobs: JobStatus[];
    try {
      jobs = await port.read(
        client,
        watched.flatMap((chunk) => (chunk.jobId === null ? [] : [chunk.jobId])),
      );
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
        await jobFinished(port, chunk.operationId, chunk.id, items, job);
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
  }

  async function fillSingleSlots(entries: readonly Runnable[]): Promise<void> {
    for (const entry of entries) {
      const { operation, provider } = entry;
      if (now() < (singlesPausedUntil.get(provider.id) ?? 0)) continue;
      const items: ItemRecord[] = [];
      for (const singles of provider.singleClaims(operation.kind)) {
        const free = maxSingles - singlesInFlight - items.length;
        if (free <= 0) break;
        const claim = await store.claim({
          operationId: operation.id,
          ...singles,
          limit: free,
          now: now(),
          owner,
        });
        items.push(...claim.items);
      }
      if (items.length === 0) continue;
      changed(operation.id);
      for (const item of items) {
        singlesInFlight++;
        inBackground(`Sending item ${item.index} of ${operation.id}`, sendOne(entry, item), () => {
          singlesInFlight--;
          wakeNow();
        });
      }
    }
  }

  async function sendOne(
    { operation, provider, client, authorization }: Runnable,
    item: ItemRecord,
  ): Promise<void> {
    let outcome: ItemOutcome;
    const { persist } = outage;
    try {
      outcome = await provider.submitOne(client, operation.kind, item, operation.params);
    } catch (error) {
      const failure = asUpstreamFailure(error);
      const retry = (at: number, resubmitted: boolean, countsAsTry: boolean) =>
        persist(() => store.itemReturned(operation.id, item.index, { at, resubmitted, countsAsTry }));
      if (failure.kind === 'wait' || failure.kind === 'too_many_jobs') {
        singlesPausedUntil.set(
          provider.id,
          now() + (failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S) * 1000,
        );
        await retry(0, false, false);
      } else if (failure.kind === 'unauthorized') {
        await persist(() => credentials.refused(provider.id, operation.actor.id, authorization));
        await retry(0, false, false);
      } else if (failure.kind === 'transient' && item.tries < maxTries) {
        await retry(now() + backoff(item.tries), true, true);
      } else {
        outcome = failureOutcome(failure.code ?? 'SubmitFailed', failure.message);
        await persist(() =>
          store.settleItems(operation.id, new Map([[item.index, outcome]]), new Map(), null),
        );
      }
      changed(operation.id);
      return;
    }
    await persist(() => store.settleItems(operation.id, new Map([[item.index, outcome]]), new Map(), null));
    changed(operation.id);
  }

  async function expand(
    { operation, provider, client, authorization }: Runnable,
    expandPage: NonNullable<OperationProvider['expandPage']>,
  ): Promise<void> {
    expanding.add(operation.id);
    try {
      for (;;) {
        const current = await store.get(operation.id);
        if (!current || current.expandCursor === null || stopped) return;
        if (current.counts.pending >= MAX_PENDING_AHEAD) return;
        let page: Awaited<ReturnType<typeof expandPage>>;
        try {
          page = await expandPage(client, current);
        } catch (error) {
          if (error instanceof UpstreamFailure && error.kind === 'unauthorized') {
            await credentials.refused(provider.id, operation.actor.id, authorization);
            return;
          }
          if (error instanceof UpstreamFailure && (error.kind === 'transient' || error.kind === 'wait')) {
            log(`Walking the list of ${operation.id} failed for now: ${error.message}`);
            await sleep((error.retryAfterSeconds ?? 1) * 1000);
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
        wakeNow();
        if (page.nextCursor === null) return;
      }
    } finally {
      expanding.delete(operation.id);
    }
  }

  async function loop(): Promise<void> {
    let next: number;
    try {
      next = (await tick()) ? TICK_MS : IDLE_TICK_MS;
      outage.succeeded();
    } catch (error) {
      const wait = outage.failed(error);
      if (wait === undefined)
        log(`The operation runner's tick failed: ${error instanceof Error ? error.stack : String(error)}`);
      next = wait ?? TICK_MS;
    }
    ticking = undefined;
    if (stopped) return;
    schedule(wakeRequested ? 0 : next);
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

  /** Another tick at once: something this runner sent has come back. */
  function wakeNow(): void {
    if (stopped) return;
    if (ticking) {
      wakeRequested = true;
      return;
    }
    schedule(0);
  }

  schedule(0);

  return {
    wake() {
      // From outside (a new operation, a retry, a sign-in): there may be new leases to take.
      leases.soon();
      wakeNow();
    },
    async stop() {
      stopped = true;
      if (wakeTimer) clearTimeout(wakeTimer);
      await ticking;
      await Promise.race([
        Promise.allSettled(sending),
        new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref()),
      ]);
      await leases.release().catch((error: unknown) => {
        log(
          `Could not give the operation leases up: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    },
    peakJobsInFlight: () => peak,
  };
}
