import { z } from 'zod/mini';
import { boxConfigurablePermissionsSchema } from '../../contract/box/box-group-membership.ts';
import { chunkItems, MAX_ITEMS_PER_REQUEST } from './chunk-items.ts';

/**
 * The persisted record of one bulk action: what was asked (items), every attempt at it (the first
 * run, then each "Retry failed") and what Zendesk answered per item. Plain JSON, so it survives a
 * reload in localStorage; the schemas below are what the store validates on load.
 */

export const BULK_OPERATION_VERSION = 1;

export const bulkOperationKindSchema = z.enum([
  'group_memberships.create',
  'group_memberships.destroy',
  'organization_memberships.create',
  'organization_memberships.destroy',
  'box_group_memberships.create',
  'box_group_memberships.update',
  'box_group_memberships.destroy',
]);
export type BulkOperationKind = z.infer<typeof bulkOperationKindSchema>;
export type BoxBulkKind = Extract<BulkOperationKind, `box_${string}`>;
export type ZendeskBulkKind = Exclude<BulkOperationKind, BoxBulkKind>;

const recordId = z.int().check(z.positive());
export const groupMembershipPayloadSchema = z.object({ user_id: recordId, group_id: recordId });
export const organizationMembershipPayloadSchema = z.object({ user_id: recordId, organization_id: recordId });
export const membershipIdPayloadSchema = z.object({ membership_id: recordId });

/** Box ids are strings; a Box item names a user and group to join, or a membership to change or remove. */
const boxId = z.string().check(z.regex(/^\d+$/));
export const boxMembershipCreatePayloadSchema = z.object({ box_user_id: boxId, box_group_id: boxId });
export const boxMembershipPayloadSchema = z.object({
  box_membership_id: boxId,
  role: z.optional(z.enum(['member', 'admin'])),
  /** What a new admin may do, as the person chose it; left out, Box would enable all four. */
  configurable_permissions: z.optional(boxConfigurablePermissionsSchema),
});

export const bulkItemSchema = z.object({
  /** What a person reads next to the result, e.g. "Alan Agent → Tier 1 Support". */
  label: z.string(),
  payload: z.union([
    groupMembershipPayloadSchema,
    organizationMembershipPayloadSchema,
    membershipIdPayloadSchema,
    boxMembershipCreatePayloadSchema,
    boxMembershipPayloadSchema,
  ]),
});
export type BulkItem = z.infer<typeof bulkItemSchema>;

export const chunkStateSchema = z.enum([
  'pending',
  'submitting',
  'queued',
  'working',
  'completed',
  'failed',
  'expired',
]);
export type ChunkState = z.infer<typeof chunkStateSchema>;

/** A chunk still needs the engine: it waits for a slot, is being sent, or its job is running. */
export const ACTIVE_CHUNK_STATES: ReadonlySet<ChunkState> = new Set([
  'pending',
  'submitting',
  'queued',
  'working',
]);

/** One request of at most 100 items and the Zendesk job it became. */
export const bulkChunkSchema = z.object({
  /** Indexes into the operation's `items`, in the order they were sent. */
  itemIndexes: z.array(z.int().check(z.nonnegative())),
  jobId: z.optional(z.string()),
  state: chunkStateSchema,
  progress: z.int().check(z.nonnegative()),
  total: z.int().check(z.nonnegative()),
  /** Why the request itself failed; every item of the chunk then failed for this reason. */
  submitError: z.optional(z.string()),
});
export type BulkChunk = z.infer<typeof bulkChunkSchema>;

export const itemOutcomeSchema = z.object({
  success: z.boolean(),
  /** The record the result names: the one created or deleted, or the existing one a duplicate ran into. */
  id: z.optional(z.int()),
  status: z.optional(z.string()),
  /** Zendesk's code, e.g. `DuplicateValue`, or ours (`JobExpired`, `Interrupted`) when Zendesk gave none. */
  error: z.optional(z.string()),
  details: z.optional(z.string()),
});
export type ItemOutcome = z.infer<typeof itemOutcomeSchema>;

export const bulkAttemptSchema = z.object({
  startedAt: z.number(),
  chunks: z.array(bulkChunkSchema),
  /** Keyed by item index (JSON object keys are strings). */
  outcomes: z.record(z.string(), itemOutcomeSchema),
});
export type BulkAttempt = z.infer<typeof bulkAttemptSchema>;

export const bulkOperationSchema = z.object({
  version: z.literal(BULK_OPERATION_VERSION),
  id: z.string().check(z.minLength(1)),
  kind: bulkOperationKindSchema,
  /** e.g. "Add 150 agents to Tier 1 Support". */
  label: z.string(),
  createdAt: z.number(),
  items: z.array(bulkItemSchema),
  attempts: z.array(bulkAttemptSchema),
  /** TanStack Query keys to invalidate whenever one of the operation's jobs ends. */
  invalidates: z.array(z.array(z.unknown())),
  /** What the operation is about, e.g. `group:360000001`, so that page can show it after a reload. */
  scope: z.optional(z.string()),
  /** Items per chunk when the provider's strategy wants fewer than 100 (Box: one request per item). */
  itemsPerChunk: z.optional(z.int().check(z.positive())),
});
export type BulkOperation = z.infer<typeof bulkOperationSchema>;

export type NewBulkOperation = {
  id: string;
  kind: BulkOperationKind;
  label: string;
  items: readonly BulkItem[];
  invalidates: readonly (readonly unknown[])[];
  scope?: string;
  itemsPerChunk?: number;
  createdAt: number;
};

export function createBulkOperation(input: NewBulkOperation): BulkOperation {
  return {
    version: BULK_OPERATION_VERSION,
    id: input.id,
    kind: input.kind,
    label: input.label,
    createdAt: input.createdAt,
    items: [...input.items],
    attempts: [
      createAttempt(
        input.items.map((_, index) => index),
        input.createdAt,
        input.itemsPerChunk,
      ),
    ],
    invalidates: input.invalidates.map((key) => [...key]),
    ...(input.scope !== undefined && { scope: input.scope }),
    ...(input.itemsPerChunk !== undefined && { itemsPerChunk: input.itemsPerChunk }),
  };
}

export function createAttempt(
  itemIndexes: readonly number[],
  startedAt: number,
  itemsPerChunk = MAX_ITEMS_PER_REQUEST,
): BulkAttempt {
  return {
    startedAt,
    chunks: chunkItems(itemIndexes, itemsPerChunk).map((indexes) => ({
      itemIndexes: indexes,
      state: 'pending',
      progress: 0,
      total: indexes.length,
    })),
    outcomes: {},
  };
}

/** A new attempt holding only the failed items; the same operation when nothing failed. */
export function withRetryAttempt(operation: BulkOperation, startedAt: number): BulkOperation {
  const failed = failedItemIndexes(operation);
  if (failed.length === 0) return operation;
  return {
    ...operation,
    attempts: [...operation.attempts, createAttempt(failed, startedAt, operation.itemsPerChunk)],
  };
}

export function isChunkActive(chunk: BulkChunk): boolean {
  return ACTIVE_CHUNK_STATES.has(chunk.state);
}

export function isOperationActive(operation: BulkOperation): boolean {
  return operation.attempts.some((attempt) => attempt.chunks.some(isChunkActive));
}

/** For each item, the index of the newest attempt that includes it: that attempt's answer is the item's. */
function latestAttemptOfItems(operation: BulkOperation): number[] {
  const latest = operation.items.map(() => -1);
  operation.attempts.forEach((attempt, attemptIndex) => {
    for (const chunk of attempt.chunks) {
      for (const itemIndex of chunk.itemIndexes) latest[itemIndex] = attemptIndex;
    }
  });
  return latest;
}

/** The item's result in the newest attempt that includes it; undefined while that attempt has no answer. */
export function itemOutcome(operation: BulkOperation, itemIndex: number): ItemOutcome | undefined {
  for (let attemptIndex = operation.attempts.length - 1; attemptIndex >= 0; attemptIndex--) {
    const attempt = operation.attempts[attemptIndex];
    if (attempt?.chunks.some((chunk) => chunk.itemIndexes.includes(itemIndex)))
      return attempt.outcomes[itemIndex];
  }
  return undefined;
}

/** Items whose latest answer is a failure, including refused submissions and expired jobs. */
export function failedItemIndexes(operation: BulkOperation): number[] {
  const latest = latestAttemptOfItems(operation);
  const failed: number[] = [];
  latest.forEach((attemptIndex, itemIndex) => {
    if (operation.attempts[attemptIndex]?.outcomes[itemIndex]?.success === false) failed.push(itemIndex);
  });
  return failed;
}

export type OperationState = 'queued' | 'working' | 'completed' | 'completed_with_failures' | 'failed';

export type OperationProgress = {
  /** Items with an answer, plus the progress Zendesk reports for running jobs: the progress bar. */
  done: number;
  total: number;
  succeeded: number;
  failed: number;
  jobsDone: number;
  jobs: number;
  state: OperationState;
};

export function operationProgress(operation: BulkOperation): OperationProgress {
  const latest = latestAttemptOfItems(operation);
  let done = 0;
  let jobs = 0;
  let jobsDone = 0;
  let started = false;
  operation.attempts.forEach((attempt, attemptIndex) => {
    for (const chunk of attempt.chunks) {
      jobs++;
      const current = chunk.itemIndexes.filter((itemIndex) => latest[itemIndex] === attemptIndex).length;
      if (isChunkActive(chunk)) {
        done += Math.min(chunk.progress, current);
        if (chunk.state === 'working' || chunk.progress > 0) started = true;
      } else {
        jobsDone++;
        done += current;
        started = true;
      }
    }
  });
  let succeeded = 0;
  let failed = 0;
  latest.forEach((attemptIndex, itemIndex) => {
    const outcome = operation.attempts[attemptIndex]?.outcomes[itemIndex];
    if (outcome?.success === true) succeeded++;
    else if (outcome?.success === false) failed++;
  });
  const total = operation.items.length;
  const active = jobsDone < jobs;
  const state: OperationState = active
    ? started
      ? 'working'
      : 'queued'
    : failed === 0
      ? 'completed'
      : succeeded === 0
        ? 'failed'
        : 'completed_with_failures';
  return { done, total, succeeded, failed, jobsDone, jobs, state };
}
