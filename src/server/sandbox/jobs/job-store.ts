import { randomBytes } from 'node:crypto';
import type { JobResult, JobStatus } from '../../../contract/job-status.ts';
import { toZendeskTimestamp } from '../../../contract/timestamp.ts';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { tooManyJobs } from '../http/zendesk-errors.ts';
import { nowTimestamp } from '../store/now.ts';
import { JOB_KINDS, type JobItemOf, type JobKindName } from './job-kinds.ts';

export type JobStatusRow = {
  seq: number;
  id: string;
  job_type: string;
  kind: string;
  status: JobStatus['status'];
  total: number;
  progress: number;
  message: string | null;
  payload: string;
  requested_by: number;
  created_at: string;
  updated_at: string;
};

/** Zendesk keeps job statuses readable for one day. */
const JOB_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function jobVisibleSince(now = Date.now()): string {
  return toZendeskTimestamp(new Date(now - JOB_LIFETIME_MS));
}

export type JobLimits = { maxActiveJobs: number; itemDelayMs: number };

/** Persists a queued job, refusing with `TooManyJobs` when the account already has its maximum active. */
export function enqueueJob<Name extends JobKindName>(
  db: SandboxDatabase,
  kind: Name,
  items: JobItemOf<Name>[],
  requestedBy: number,
  limits: JobLimits,
): JobStatusRow {
  return db.transaction(() => {
    const active = preparedStatement(
      db,
      "SELECT count(*) AS count, min(seq) AS oldest FROM job_statuses WHERE status IN ('queued', 'working')",
    ).get() as { count: number; oldest: number | null };
    if (active.count >= limits.maxActiveJobs) {
      throw tooManyJobs(retryAfterSeconds(db, active.oldest, limits.itemDelayMs), limits.maxActiveJobs);
    }
    const now = nowTimestamp();
    const id = randomBytes(16).toString('hex');
    preparedStatement(
      db,
      `INSERT INTO job_statuses (id, job_type, kind, status, total, progress, payload, requested_by, created_at, updated_at)
       VALUES (?, ?, ?, 'queued', ?, 0, ?, ?, ?, ?)`,
    ).run(id, JOB_KINDS[kind].jobType, kind, items.length, JSON.stringify(items), requestedBy, now, now);
    return findJobRow(db, id) as JobStatusRow;
  })();
}

/** A slot frees when the oldest active job finishes: suggest waiting about that long. */
function retryAfterSeconds(db: SandboxDatabase, oldestSeq: number | null, itemDelayMs: number): number {
  const oldest = preparedStatement(db, 'SELECT total, progress FROM job_statuses WHERE seq = ?').get(
    oldestSeq,
  ) as { total: number; progress: number } | undefined;
  const remainingMs = oldest ? (oldest.total - oldest.progress) * itemDelayMs : 0;
  return Math.min(60, Math.max(1, Math.ceil(remainingMs / 1000)));
}

export function findJobRow(db: SandboxDatabase, id: string): JobStatusRow | undefined {
  return preparedStatement(db, 'SELECT * FROM job_statuses WHERE id = ? AND created_at >= ?').get(
    id,
    jobVisibleSince(),
  ) as JobStatusRow | undefined;
}

export function findJobRows(db: SandboxDatabase, ids: readonly string[]): JobStatusRow[] {
  if (ids.length === 0) return [];
  return preparedStatement(
    db,
    `SELECT * FROM job_statuses WHERE id IN (${ids.map(() => '?').join(',')}) AND created_at >= ? ORDER BY seq DESC`,
  ).all(...ids, jobVisibleSince()) as JobStatusRow[];
}

export function nextActiveJob(db: SandboxDatabase): JobStatusRow | undefined {
  return preparedStatement(
    db,
    "SELECT * FROM job_statuses WHERE status IN ('queued', 'working') ORDER BY seq LIMIT 1",
  ).get() as JobStatusRow | undefined;
}

function jobResults(db: SandboxDatabase, seq: number): JobResult[] {
  const rows = preparedStatement(
    db,
    'SELECT result FROM job_results WHERE job_seq = ? ORDER BY item_index',
  ).all(seq) as { result: string }[];
  return rows.map((row) => JSON.parse(row.result) as JobResult);
}

/** Results appear once a job is final; a queued job has no progress yet, as Zendesk reports it. */
export function presentJob(db: SandboxDatabase, row: JobStatusRow, apiBase: string): JobStatus {
  const final = row.status === 'completed' || row.status === 'failed' || row.status === 'killed';
  const queued = row.status === 'queued';
  return {
    id: row.id,
    url: `${apiBase}/job_statuses/${row.id}.json`,
    job_type: row.job_type,
    total: row.total,
    progress: queued ? null : row.progress,
    status: row.status,
    message: row.message,
    results: final ? jobResults(db, row.seq) : null,
  };
}
