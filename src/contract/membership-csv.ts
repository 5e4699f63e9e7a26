import { z } from 'zod/mini';
import { planSchema } from './roster-operations.ts';

/**
 * Import and export of memberships as CSV (`/roster/exports/*`, `/roster/imports/review`): the
 * columns a file has, the limits a file must keep, and the review the server answers.
 */

export const membershipFileKindSchema = z.enum([
  'group_memberships',
  'organization_memberships',
  'box_group_memberships',
]);
export type MembershipFileKind = z.infer<typeof membershipFileKindSchema>;

/** The export's columns, in order: a spreadsheet of them imports again as it is. */
export const EXPORT_COLUMNS: Record<MembershipFileKind, readonly string[]> = {
  group_memberships: [
    'user_id',
    'user_name',
    'user_email',
    'role',
    'group_id',
    'group_name',
    'default',
    'created_at',
  ],
  organization_memberships: [
    'user_id',
    'user_name',
    'user_email',
    'role',
    'organization_id',
    'organization_name',
    'default',
    'view_tickets',
    'created_at',
  ],
  box_group_memberships: [
    'box_user_id',
    'box_user_name',
    'box_user_login',
    'box_group_id',
    'box_group_name',
    'role',
    'can_run_reports',
    'can_instant_login',
    'can_create_accounts',
    'can_edit_accounts',
    'created_at',
  ],
};

/** Sent up front with an export: the rows it will hold (an estimate while others change memberships). */
export const EXPORT_TOTAL_HEADER = 'X-Total-Count';

/** An import file may hold at most this many bytes (UTF-8) and data rows. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export const importModeSchema = z.enum([
  /** Adds the memberships the file names that do not exist yet (and its defaults). */
  'add',
  /** As `add`, and removes from each group the file names everyone the file does not list in it. */
  'exactly',
]);
export type ImportMode = z.infer<typeof importModeSchema>;

/** `POST /roster/imports/review`: the file as text (pasted) or as its bytes in base64 (uploaded). */
export const importRequestSchema = z.object({
  kind: membershipFileKindSchema,
  mode: importModeSchema,
  csv: z.optional(z.string()),
  csv_base64: z.optional(z.string()),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const badRowReasonSchema = z.enum([
  'malformed_line',
  'missing_value',
  'unknown_person',
  'unknown_target',
  'end_user_in_group',
  'duplicate_row',
  'two_defaults',
  'invalid_value',
]);
export type BadRowReason = z.infer<typeof badRowReasonSchema>;

/** A line of the file the review could not use: its line number (the header is line 1) and why. */
export const badRowSchema = z.object({
  line: z.int(),
  text: z.string(),
  reason: badRowReasonSchema,
  description: z.string(),
});
export type BadRow = z.infer<typeof badRowSchema>;

export const importReviewSchema = z.object({
  kind: membershipFileKindSchema,
  mode: importModeSchema,
  /** Data rows read (the header and blank lines not counted). */
  rows: z.int(),
  /** What applying changes, by action; `already` counts rows already true today. */
  counts: z.object({
    add: z.int(),
    remove: z.int(),
    make_default: z.int(),
    set_role: z.int(),
    already: z.int(),
    bad: z.int(),
  }),
  bad_rows: z.array(badRowSchema),
  /** The difference as a review to start (`POST /roster/operations {"plan_id"}`); null when nothing changes. */
  plan: z.nullable(planSchema),
  /** Upstream requests the review took. */
  requests: z.int(),
});
export type ImportReview = z.infer<typeof importReviewSchema>;
export const importReviewEnvelopeSchema = z.object({ review: importReviewSchema });
