import type { Generated } from 'kysely';

/**
 * Roster's own tables, as Kysely sees them. Times are milliseconds since the epoch (`bigint` on
 * PostgreSQL, read back as numbers); flags are 0/1 integers on both backends, so one set of
 * queries serves both.
 */

export type OperationsTable = {
  seq: Generated<number>;
  id: string;
  kind: string;
  source: string;
  label: string;
  actor_id: string;
  actor_name: string;
  actor_email: string | null;
  state: string;
  state_reason: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  targets: string;
  params: string;
  expand_cursor: string | null;
  total: Generated<number>;
  n_pending: Generated<number>;
  n_submitted: Generated<number>;
  n_succeeded: Generated<number>;
  n_failed: Generated<number>;
  n_cancelled: Generated<number>;
  jobs_total: Generated<number>;
  undo_of: string | null;
  undone_by: string | null;
  cancel_requested: Generated<number>;
  /** The instance running the operation, until `lease_until`; null when no one holds it. */
  lease_owner: string | null;
  lease_until: number | null;
};

export type OperationItemsTable = {
  operation_id: string;
  idx: number;
  state: string;
  phase: Generated<string>;
  user_id: string;
  user_name: string;
  user_email: string | null;
  target_type: string;
  target_id: string;
  target_name: string;
  membership_id: string | null;
  was_default: number | null;
  view_tickets: number | null;
  role: string | null;
  restore_default: Generated<number>;
  chunk_id: number | null;
  tries: Generated<number>;
  resubmitted: Generated<number>;
  due_at: Generated<number>;
  status: string | null;
  error: string | null;
  details: string | null;
  result_id: string | null;
  /** What the item does in an operation of mixed changes; null: the operation's kind says. */
  action: string | null;
  previous_default_id: string | null;
};

export type OperationChunksTable = {
  id: Generated<number>;
  operation_id: string;
  state: string;
  job_id: string | null;
  progress: Generated<number>;
  total: number;
  misses: Generated<number>;
};

/** `item_indexes`: a JSON array of the operation's item indexes, in the order the job received them. */
export type OperationJobsTable = {
  job_id: string;
  operation_id: string;
  item_indexes: string;
};

export type OperationPlansTable = {
  id: string;
  body: string;
  expires_at: number;
};

export type SessionsTable = {
  key: string;
  sealed: string;
  created_at: number;
  last_seen_at: number;
  user_id: string | null;
  /** 1 for a demo session, which anyone can open with one anonymous request and which ends sooner. */
  demo: Generated<number>;
  /** An instance refreshing the session's OAuth tokens holds this until then: refresh tokens are single use. */
  refreshing_until: number | null;
};

export type RosterTables = {
  operations: OperationsTable;
  operation_items: OperationItemsTable;
  operation_chunks: OperationChunksTable;
  operation_jobs: OperationJobsTable;
  operation_plans: OperationPlansTable;
  sessions: SessionsTable;
};
