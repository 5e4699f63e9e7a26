import type {
  ItemState,
  OperationKind,
  OperationState,
  Plan,
  Target,
  TargetType,
} from '../../contract/roster-operations.ts';

/**
 * Roster's record of operations: what each one is, every item's state and outcome, and the
 * upstream jobs it became. Every method is one transaction, so a `kill -9` at any moment leaves a
 * state the runner can continue from. Several instances may share it (PostgreSQL): each operation
 * is run by the one instance holding its lease.
 */

export type Actor = { id: string; name: string; email: string | null };

/** What an item does when it is sent: apply the operation's change, or (undo of a removal) make the re-added membership default again. */
export type ItemPhase = 'apply' | 'make_default';

/**
 * What an item of a mixed-change operation (`*.change`: an import, the grid) does; the items of
 * every other kind do what the kind says and carry null.
 */
export type ItemAction = 'add' | 'remove' | 'make_default' | 'set_role';

export type NewItem = {
  user: Actor;
  target: Target;
  membershipId: string | null;
  /** A removal: whether the membership was the person's default (undo restores it). */
  wasDefault: boolean | null;
  /** An organization membership: whether the person saw the organization's tickets. */
  viewTickets: boolean | null;
  /** A Box membership's role before an update or removal, or the role to create with. */
  role: string | null;
  /** After the item is applied, make the (re-)created membership the person's default. */
  restoreDefault: boolean;
  action: ItemAction | null;
  /** A default change: the membership that was the default before (undo makes it the default again). */
  previousDefaultId: string | null;
};

export type ItemRecord = NewItem & {
  operationId: string;
  index: number;
  state: ItemState;
  phase: ItemPhase;
  tries: number;
  /** Sent before without a known answer: a duplicate or a missing record now means it already happened. */
  resubmitted: boolean;
  status: string | null;
  error: string | null;
  details: string | null;
  /** The record the upstream named in its answer: the membership created or removed. */
  resultId: string | null;
};

export type OperationParams = {
  /** A list selector still being walked: the group or organization, and the membership ids left out. */
  selector?: { listType: TargetType; listId: string; except: string[] };
  /** Box update: the role and permissions to set. */
  role?: 'member' | 'admin';
  permissions?: Record<string, boolean>;
};

export type OperationRecord = {
  id: string;
  seq: number;
  kind: OperationKind;
  source: 'bulk' | 'single';
  label: string;
  actor: Actor;
  state: OperationState;
  stateReason: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  targets: Target[];
  params: OperationParams;
  /** Set while a list selector is being walked: where the walk goes on (`''` before the first page). */
  expandCursor: string | null;
  total: number;
  counts: Record<ItemState, number>;
  jobsTotal: number;
  undoOf: string | null;
  undoneBy: string | null;
  cancelRequested: boolean;
};

export type ChunkRecord = {
  id: number;
  operationId: string;
  state: 'submitting' | 'queued' | 'working';
  jobId: string | null;
  progress: number;
  total: number;
  /** How many polls in a row did not report the job. */
  misses: number;
};

export type ItemOutcome = {
  success: boolean;
  status: string | null;
  error: string | null;
  details: string | null;
  resultId: string | null;
};

/**
 * When a returned item is sent again, whether it may already have reached the upstream
 * (`resubmitted`), and whether the attempt counts towards giving up (a wait for the account's
 * limits does not).
 */
export type Retry = { at: number; resubmitted: boolean; countsAsTry: boolean };

export type NewOperation = {
  kind: OperationKind;
  source: 'bulk' | 'single';
  label: string;
  actor: Actor;
  targets: Target[];
  params: OperationParams;
  items: NewItem[];
  /** The items still come: a list is walked as the operation runs. */
  expanding: boolean;
  undoOf: string | null;
  /** Recorded single changes are already done: their items carry the outcome. */
  outcome?: ItemOutcome;
};

export type OperationListFilters = {
  actorId?: string;
  status?: 'running' | 'finished' | 'failures';
  userId?: string;
  targetType?: TargetType;
  targetId?: string;
  source?: 'bulk' | 'single';
  /** Newest first: only operations older than this `seq`. */
  beforeSeq?: number;
  limit: number;
};

export type StoredPlan = {
  plan: Plan;
  actorId: string;
  /** What starting the plan creates. */
  operation: Omit<NewOperation, 'actor'>;
};

/** A request to take pending items of an operation and send them. */
export type ClaimRequest = {
  operationId: string;
  phase: ItemPhase;
  /** Only the items doing this (a mixed-change operation sends its adds and its removals in separate jobs). */
  action?: ItemAction;
  limit: number;
  now: number;
  /** The instance claiming: only the holder of the operation's lease may. */
  owner: string;
  /**
   * Set for a job: the items open a chunk, and only while fewer than `maxInFlight` chunks are in
   * flight for the whole account, every instance's together.
   */
  chunk?: { maxInFlight: number };
};

export type Claim = {
  chunkId: number | null;
  items: ItemRecord[];
  /** With `chunk`: the account's chunks in flight after this claim, every instance's. */
  chunksInFlight: number;
};

/** What an instance holds after renewing its leases and taking those free or expired. */
export type Leases = {
  held: string[];
  /** Taken just now from no one or from an instance that stopped renewing: recovered as after a crash. */
  taken: { operationId: string; from: string | null }[];
};

export type OperationStore = {
  create(operation: NewOperation): Promise<OperationRecord>;
  get(id: string): Promise<OperationRecord | undefined>;
  list(filters: OperationListFilters): Promise<OperationRecord[]>;
  items(
    operationId: string,
    filter: { state?: ItemState; afterIndex: number; limit: number },
  ): Promise<ItemRecord[]>;
  /** Operations the runner `owner` has to look at: not finished, and leased to it. */
  active(owner: string): Promise<OperationRecord[]>;
  /**
   * Renews `owner`'s leases until `until` and takes the leases of unfinished operations no one
   * holds (or whose holder let them expire; every one with `takeAll`: the only instance). What it
   * takes is recovered in the same transaction: what was being sent may or may not have arrived,
   * so it is sent again.
   */
  lease(owner: string, now: number, until: number, options?: { takeAll?: boolean }): Promise<Leases>;
  /** Gives `owner`'s leases up (a clean stop), so another instance continues at once. */
  release(owner: string): Promise<void>;
  setState(id: string, state: OperationState, reason: string | null): Promise<void>;
  /** A page of a walked list: its items join the operation, and the walk goes on from `nextCursor` (null: done). */
  appendItems(id: string, items: NewItem[], nextCursor: string | null): Promise<void>;
  /** Takes up to `limit` pending items of one phase that are due, marks them submitted and, for a job, opens a chunk. */
  claim(request: ClaimRequest): Promise<Claim>;
  /** The chunk's job was accepted: it is in flight, and the job is remembered as the operation's (see `jobItems`). */
  chunkAccepted(chunkId: number, jobId: string): Promise<void>;
  /** The operation a job was sent for and its items in the job's order (a result's `index`); undefined: not Roster's. */
  jobItems(jobId: string): Promise<{ operationId: string; items: ItemRecord[] } | undefined>;
  chunkProgress(
    chunkId: number,
    state: 'queued' | 'working',
    progress: number,
    misses: number,
  ): Promise<void>;
  /** The chunk's request was not taken (or its job is lost): its items wait again until `retry.at`. */
  chunkReturned(chunkId: number, retry: Retry): Promise<void>;
  /**
   * Final answers for some items; items absent from `outcomes` and in `next` go on to another
   * phase. Only items still sent as `chunkId` (null: on their own) are settled: an answer that
   * arrives after another instance took the operation over and sent them again changes nothing.
   */
  settleItems(
    operationId: string,
    outcomes: ReadonlyMap<number, ItemOutcome>,
    next: ReadonlyMap<number, { phase: ItemPhase; membershipId: string }>,
    chunkId: number | null,
  ): Promise<void>;
  /** An item sent on its own had no answer (transient failure): it waits until `retryAt`. */
  itemReturned(operationId: string, index: number, retry: Retry): Promise<void>;
  chunksInFlight(): Promise<ChunkRecord[]>;
  /** The chunk's items in the order they were sent (a job result's `index` is that position). */
  chunkItems(chunkId: number): Promise<ItemRecord[]>;
  /** Marks the operation finished when nothing is left to send, to walk or to hear back about. */
  finishIfDone(id: string, now: number): Promise<OperationRecord | undefined>;
  cancel(id: string): Promise<void>;
  retryFailed(id: string): Promise<number>;
  setUndoneBy(id: string, undoneBy: string): Promise<void>;
  savePlan(id: string, stored: StoredPlan, expiresAt: number): Promise<void>;
  takePlan(id: string, now: number): Promise<StoredPlan | undefined>;
  /** Drops finished operations older than `before` (retention). */
  purge(before: number): Promise<number>;
};
