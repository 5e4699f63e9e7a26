import type { JobStatus } from '../../../contract/job-status.ts';
import type { ProviderId } from '../../../contract/providers/operation-providers.ts';
import type { OperationKind, OperationRequest } from '../../../contract/roster-operations.ts';
import type { Upstream } from '../../proxy/upstream.ts';
import type {
  ItemAction,
  ItemOutcome,
  ItemPhase,
  ItemRecord,
  NewItem,
  OperationParams,
  OperationRecord,
} from '../../store/operation-store.ts';
import type { PlanDraft } from '../plan-draft.ts';
import type { UpstreamClient } from '../upstream-client.ts';

/** Which items one claim takes: by phase, and for a mixed change by what the items do. */
export type ClaimSlice = { phase: ItemPhase; action?: ItemAction };

/** A provider whose bulk writes go out as jobs it runs itself and reports on when asked. */
export type JobPort = {
  /** Items in one job at most. */
  maxItems: number;
  /** Job statuses one read asks for at most. */
  maxReads: number;
  /** The claims that fill jobs: a mixed change's adds and removals go in jobs of their own. */
  claims(kind: OperationKind): ClaimSlice[];
  /** Sends one chunk; answers the job to watch. */
  submit(
    client: UpstreamClient,
    kind: OperationKind,
    action: ItemAction | null,
    items: readonly ItemRecord[],
  ): Promise<JobStatus>;
  /** Each item's outcome from a finished job's results. */
  outcomes(items: readonly ItemRecord[], job: JobStatus): Map<number, ItemOutcome>;
  /** Today's status of these jobs; a job the provider no longer knows is absent. */
  read(client: UpstreamClient, jobIds: readonly string[]): Promise<JobStatus[]>;
};

/**
 * The neutral port between Roster's operations engine and one upstream: everything the engine and
 * the routes know of a provider goes through it, so the engine names none. A provider is one module
 * implementing this and one line in operation-providers.ts.
 */
export type OperationProvider = {
  id: ProviderId;
  /** The provider's name in messages for people: "Waiting for Box: …". */
  name: string;
  /** Speaks to the provider's API with one person's `Authorization`. */
  client(upstream: Upstream, authorization: string): UpstreamClient;
  /** The review of one request of the provider's kinds, with the asker's client. */
  plan(client: UpstreamClient, request: OperationRequest): Promise<PlanDraft>;
  /** Present when bulk writes go out as jobs; without it every item is one request. */
  jobs?: JobPort;
  /** The claims whose items go out one request each. */
  singleClaims(kind: OperationKind): ClaimSlice[];
  /** Sends one item; answers its outcome, or throws an UpstreamFailure the engine may retry. */
  submitOne(
    client: UpstreamClient,
    kind: OperationKind,
    item: ItemRecord,
    params: OperationParams,
  ): Promise<ItemOutcome>;
  /** One page of the list a "select all" names, as items; absent where no selector walks a list. */
  expandPage?(
    client: UpstreamClient,
    operation: OperationRecord,
  ): Promise<{ items: NewItem[]; nextCursor: string | null }>;
  /** The refusal of a review while the asker holds no credential for the provider. */
  signedOut: { code: string; description: string };
  /** Why an operation waits for the person who started it. */
  pausedReason(actorName: string): string;
  /** What a person must know before undoing a finished operation, beyond its items. */
  undoWarnings(operation: OperationRecord, items: readonly NewItem[]): string[];
  /** The kind that reverses a finished operation of each undoable kind. */
  reverse: Partial<Record<OperationKind, OperationKind>>;
};
