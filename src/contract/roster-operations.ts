import { z } from 'zod/mini';
import {
  BOX_BULK_KINDS,
  BOX_OPERATION_KINDS,
  BOX_TARGET_TYPES,
  boxOperationRequestSchemas,
} from './providers/box-operations.ts';
import {
  ZENDESK_BULK_KINDS,
  ZENDESK_OPERATION_KINDS,
  ZENDESK_TARGET_TYPES,
  zendeskOperationRequestSchemas,
} from './providers/zendesk-operations.ts';

/**
 * Roster's own operations API (`/roster/operations*`): bulk work the server runs, reviews it plans
 * first, and the shared history of every change made through Roster. The SPA, scripts with a
 * session cookie and the server all read these schemas; each provider's kinds and request bodies
 * live in its own module under providers/.
 */

export const operationKindSchema = z.enum([...ZENDESK_OPERATION_KINDS, ...BOX_OPERATION_KINDS]);
export type OperationKind = z.infer<typeof operationKindSchema>;

/** The kinds a person can ask the server to run in bulk; make_default is recorded, never queued. */
export const BULK_KINDS = [
  ...ZENDESK_BULK_KINDS,
  ...BOX_BULK_KINDS,
] as const satisfies readonly OperationKind[];
export type BulkKind = (typeof BULK_KINDS)[number];

/** What one item of a mixed-change operation does. */
export const changeActionSchema = z.enum(['add', 'remove', 'make_default', 'set_role']);
export type ChangeAction = z.infer<typeof changeActionSchema>;

/** What `POST /roster/operations/plan` reviews and `POST /roster/operations` starts. */
export const operationRequestSchema = z.discriminatedUnion('kind', [
  ...zendeskOperationRequestSchemas,
  ...boxOperationRequestSchemas,
]);
export type OperationRequest = z.infer<typeof operationRequestSchema>;

/** `POST /roster/operations`: a plan reviewed before (what was reviewed is what runs), or a request to plan and start at once. */
export const startOperationSchema = z.union([z.object({ plan_id: z.string() }), operationRequestSchema]);
export type StartOperation = z.infer<typeof startOperationSchema>;

export const targetTypeSchema = z.enum([...ZENDESK_TARGET_TYPES, ...BOX_TARGET_TYPES]);
export type TargetType = z.infer<typeof targetTypeSchema>;

/** A person, group, organization or Box group as history shows it: always with a name. */
export const namedSchema = z.object({ id: z.string(), name: z.string() });
export const personSchema = z.object({ id: z.string(), name: z.string(), email: z.nullable(z.string()) });
export type Person = z.infer<typeof personSchema>;
export const targetSchema = z.object({ type: targetTypeSchema, id: z.string(), name: z.string() });
export type Target = z.infer<typeof targetSchema>;

/** One membership the operation adds, removes or changes, as the review lists it. */
export const planItemSchema = z.object({
  user: personSchema,
  target: targetSchema,
  /** The membership removed or changed; absent for an add. */
  membership_id: z.optional(z.string()),
  /** A removal of the person's default: Zendesk makes another of their memberships the default. */
  removes_default: z.optional(z.boolean()),
  /** In a mixed-change operation, what this item does. */
  action: z.optional(changeActionSchema),
  /** An add that also makes the new membership the person's default; a set_role's new role. */
  makes_default: z.optional(z.boolean()),
  role: z.optional(z.string()),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const skipReasonSchema = z.enum([
  'already_member',
  'not_member',
  'refused',
  'unknown',
  'invalid',
  'too_long',
  'duplicate',
]);
export type SkipReason = z.infer<typeof skipReasonSchema>;

/** An entry the review will not act on, with why; `line` is its line in the pasted text when it came from there. */
export const skippedEntrySchema = z.object({
  entry: z.string(),
  reason: skipReasonSchema,
  description: z.string(),
  line: z.optional(z.int()),
});
export type SkippedEntry = z.infer<typeof skippedEntrySchema>;

export const planSchema = z.object({
  id: z.string(),
  kind: operationKindSchema,
  label: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  /** Items the operation will run (for a list selector: how many the list holds now, less the exceptions). */
  total: z.int(),
  /** Every item for an explicit request; for a list selector the first page only (`items_complete` false). */
  items: z.array(planItemSchema),
  items_complete: z.boolean(),
  skipped: z.array(skippedEntrySchema),
  counts: z.record(skipReasonSchema, z.int()),
  /** What a person must know before a removal: tickets reassigned, defaults changing. */
  warnings: z.array(z.string()),
  /** Set when the plan reverses another operation. */
  undo_of: z.optional(z.string()),
  /** Upstream requests the review took. */
  requests: z.int(),
});
export type Plan = z.infer<typeof planSchema>;

export const operationStateSchema = z.enum([
  /** Walking a list to find its items ("select all"); items already found may run meanwhile. */
  'expanding',
  'queued',
  'running',
  /** Waiting for the person who started it to sign in again. */
  'paused',
  'completed',
  'completed_with_failures',
  'failed',
  'cancelled',
]);
export type OperationState = z.infer<typeof operationStateSchema>;

export const FINISHED_OPERATION_STATES: ReadonlySet<OperationState> = new Set([
  'completed',
  'completed_with_failures',
  'failed',
  'cancelled',
]);

export const operationCountsSchema = z.object({
  total: z.int(),
  pending: z.int(),
  /** Handed to the upstream, answer not in yet. */
  submitted: z.int(),
  succeeded: z.int(),
  failed: z.int(),
  cancelled: z.int(),
});
export type OperationCounts = z.infer<typeof operationCountsSchema>;

export const operationSchema = z.object({
  id: z.string(),
  kind: operationKindSchema,
  label: z.string(),
  /** `bulk`: queued and run by the server; `single`: one change made on a page, recorded as it happened. */
  source: z.enum(['bulk', 'single']),
  state: operationStateSchema,
  /** Why it is paused or failed as a whole, in words for a person. */
  state_reason: z.nullable(z.string()),
  actor: personSchema,
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.nullable(z.string()),
  /** The groups, organizations or Box groups it touches (the first few, for lists and filters). */
  targets: z.array(targetSchema),
  counts: operationCountsSchema,
  /** Items with an answer plus the progress the upstream reports for running jobs: the progress bar. */
  done: z.int(),
  jobs: z.object({ total: z.int(), running: z.int() }),
  undo_of: z.nullable(z.string()),
  undone_by: z.nullable(z.string()),
  /** What the asking person may do with it now. */
  can: z.object({ cancel: z.boolean(), retry_failed: z.boolean(), undo: z.boolean() }),
});
export type Operation = z.infer<typeof operationSchema>;

export const itemStateSchema = z.enum(['pending', 'submitted', 'succeeded', 'failed', 'cancelled']);
export type ItemState = z.infer<typeof itemStateSchema>;

export const operationItemSchema = z.object({
  index: z.int(),
  state: itemStateSchema,
  user: personSchema,
  target: targetSchema,
  membership_id: z.nullable(z.string()),
  /** In a mixed-change operation, what this item does; null: what the operation's kind says. */
  action: z._default(z.nullable(changeActionSchema), null),
  /** The upstream's word: `Created`, `Deleted`, `AlreadyMember`, `AlreadyRemoved`, `Failed`, … */
  status: z.nullable(z.string()),
  /** The upstream's code (`DuplicateValue`, `RecordNotFound`, `conflict`) or Roster's. */
  error: z.nullable(z.string()),
  details: z.nullable(z.string()),
  /** Times this item was sent (transient failures are retried). */
  tries: z.int(),
});
export type OperationItem = z.infer<typeof operationItemSchema>;

const cursorMetaSchema = z.object({ has_more: z.boolean(), after_cursor: z.nullable(z.string()) });

export const operationListSchema = z.object({ operations: z.array(operationSchema), meta: cursorMetaSchema });
export type OperationList = z.infer<typeof operationListSchema>;
export const operationItemListSchema = z.object({
  items: z.array(operationItemSchema),
  meta: cursorMetaSchema,
});
export type OperationItemList = z.infer<typeof operationItemListSchema>;
/** `GET /roster/operations/by-job/:jobId`: the operation a Zendesk job was sent for, its items in the job's order. */
export const jobOperationSchema = z.object({
  operation: operationSchema,
  items: z.array(operationItemSchema),
});
export type JobOperation = z.infer<typeof jobOperationSchema>;
export const operationEnvelopeSchema = z.object({ operation: operationSchema });
export const planEnvelopeSchema = z.object({ plan: planSchema });

/** `GET /roster/operations` filters, all optional and all in the query string. */
export const operationFiltersSchema = z.object({
  who: z.optional(z.enum(['mine', 'everyone'])),
  status: z.optional(z.enum(['running', 'finished', 'failures'])),
  user_id: z.optional(z.string().check(z.regex(/^\d{1,20}$/))),
  group_id: z.optional(z.string().check(z.regex(/^\d{1,20}$/))),
  organization_id: z.optional(z.string().check(z.regex(/^\d{1,20}$/))),
  box_group_id: z.optional(z.string().check(z.regex(/^\d{1,20}$/))),
  source: z.optional(z.enum(['bulk', 'single'])),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/))),
});
export type OperationFilters = z.infer<typeof operationFiltersSchema>;

/** Roster's own error body on `/roster/*`. */
export const rosterErrorSchema = z.object({
  error: z.string(),
  description: z.string(),
  details: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type RosterError = z.infer<typeof rosterErrorSchema>;

/** Server-sent events on `GET /roster/operations/events`: `event: operation`, data an Operation, on every change. */
export const OPERATION_EVENT = 'operation';
