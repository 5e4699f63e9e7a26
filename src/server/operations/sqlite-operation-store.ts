import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ItemState, OperationKind, OperationState, Target } from '../../contract/roster-operations.ts';
import type {
  ChunkRecord,
  ItemOutcome,
  ItemPhase,
  ItemRecord,
  NewItem,
  OperationRecord,
  OperationStore,
  StoredPlan,
} from './operation-store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS operations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  label TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  actor_email TEXT,
  state TEXT NOT NULL,
  state_reason TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER,
  targets TEXT NOT NULL,
  params TEXT NOT NULL,
  expand_cursor TEXT,
  total INTEGER NOT NULL DEFAULT 0,
  n_pending INTEGER NOT NULL DEFAULT 0,
  n_submitted INTEGER NOT NULL DEFAULT 0,
  n_succeeded INTEGER NOT NULL DEFAULT 0,
  n_failed INTEGER NOT NULL DEFAULT 0,
  n_cancelled INTEGER NOT NULL DEFAULT 0,
  jobs_total INTEGER NOT NULL DEFAULT 0,
  undo_of TEXT,
  undone_by TEXT,
  cancel_requested INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS operations_actor ON operations (actor_id, seq);
CREATE INDEX IF NOT EXISTS operations_state ON operations (state, seq);
CREATE TABLE IF NOT EXISTS operation_items (
  operation_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  state TEXT NOT NULL,
  phase TEXT NOT NULL DEFAULT 'apply',
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  user_email TEXT,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  target_name TEXT NOT NULL,
  membership_id TEXT,
  was_default INTEGER,
  view_tickets INTEGER,
  role TEXT,
  restore_default INTEGER NOT NULL DEFAULT 0,
  chunk_id INTEGER,
  tries INTEGER NOT NULL DEFAULT 0,
  resubmitted INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER NOT NULL DEFAULT 0,
  status TEXT,
  error TEXT,
  details TEXT,
  result_id TEXT,
  PRIMARY KEY (operation_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS operation_items_state ON operation_items (operation_id, state, idx);
CREATE INDEX IF NOT EXISTS operation_items_chunk ON operation_items (chunk_id) WHERE chunk_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS operation_items_user ON operation_items (user_id, operation_id);
CREATE INDEX IF NOT EXISTS operation_items_target ON operation_items (target_type, target_id, operation_id);
CREATE TABLE IF NOT EXISTS operation_chunks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  operation_id TEXT NOT NULL,
  state TEXT NOT NULL,
  job_id TEXT,
  progress INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  misses INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS operation_plans (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

type OperationRow = {
  seq: number;
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
  total: number;
  n_pending: number;
  n_submitted: number;
  n_succeeded: number;
  n_failed: number;
  n_cancelled: number;
  jobs_total: number;
  undo_of: string | null;
  undone_by: string | null;
  cancel_requested: number;
};

type ItemRow = {
  operation_id: string;
  idx: number;
  state: string;
  phase: string;
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
  restore_default: number;
  chunk_id: number | null;
  tries: number;
  resubmitted: number;
  status: string | null;
  error: string | null;
  details: string | null;
  result_id: string | null;
};

type ChunkRow = {
  id: number;
  operation_id: string;
  state: string;
  job_id: string | null;
  progress: number;
  total: number;
  misses: number;
};

const COUNTER: Record<ItemState, string> = {
  pending: 'n_pending',
  submitted: 'n_submitted',
  succeeded: 'n_succeeded',
  failed: 'n_failed',
  cancelled: 'n_cancelled',
};

const FINISHED_SQL = `('completed', 'completed_with_failures', 'failed', 'cancelled')`;

function newOperationId(): string {
  return `op_${randomBytes(9).toString('hex')}`;
}

const bit = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
const fromBit = (value: number | null) => (value === null ? null : value === 1);

function toOperation(row: OperationRow): OperationRecord {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind as OperationKind,
    source: row.source as 'bulk' | 'single',
    label: row.label,
    actor: { id: row.actor_id, name: row.actor_name, email: row.actor_email },
    state: row.state as OperationState,
    stateReason: row.state_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    targets: JSON.parse(row.targets) as Target[],
    params: JSON.parse(row.params) as OperationRecord['params'],
    expandCursor: row.expand_cursor,
    total: row.total,
    counts: {
      pending: row.n_pending,
      submitted: row.n_submitted,
      succeeded: row.n_succeeded,
      failed: row.n_failed,
      cancelled: row.n_cancelled,
    },
    jobsTotal: row.jobs_total,
    undoOf: row.undo_of,
    undoneBy: row.undone_by,
    cancelRequested: row.cancel_requested === 1,
  };
}

function toItem(row: ItemRow): ItemRecord {
  return {
    operationId: row.operation_id,
    index: row.idx,
    state: row.state as ItemState,
    phase: row.phase as ItemPhase,
    user: { id: row.user_id, name: row.user_name, email: row.user_email },
    target: { type: row.target_type as Target['type'], id: row.target_id, name: row.target_name },
    membershipId: row.membership_id,
    wasDefault: fromBit(row.was_default),
    viewTickets: fromBit(row.view_tickets),
    role: row.role,
    restoreDefault: row.restore_default === 1,
    tries: row.tries,
    resubmitted: row.resubmitted === 1,
    status: row.status,
    error: row.error,
    details: row.details,
    resultId: row.result_id,
  };
}

function toChunk(row: ChunkRow): ChunkRecord {
  return {
    id: row.id,
    operationId: row.operation_id,
    state: row.state as ChunkRecord['state'],
    jobId: row.job_id,
    progress: row.progress,
    total: row.total,
    misses: row.misses,
  };
}

/** The operation store in `roster.sqlite` (WAL): one writer, every change one transaction. */
export function openSqliteOperationStore(file: string, now: () => number = Date.now): OperationStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const selectOperation = db.prepare('SELECT * FROM operations WHERE id = ?');
  const insertItem = db.prepare(`INSERT INTO operation_items
    (operation_id, idx, state, user_id, user_name, user_email, target_type, target_id, target_name,
     membership_id, was_default, view_tickets, role, restore_default, status, error, details, result_id)
    VALUES (@operation_id, @idx, @state, @user_id, @user_name, @user_email, @target_type, @target_id, @target_name,
     @membership_id, @was_default, @view_tickets, @role, @restore_default, @status, @error, @details, @result_id)`);
  const touch = db.prepare('UPDATE operations SET updated_at = ? WHERE id = ?');

  function adjust(operationId: string, deltas: Partial<Record<ItemState, number>>, extra = ''): void {
    const sets = Object.entries(deltas)
      .filter(([, delta]) => delta !== 0)
      .map(
        ([state, delta]) =>
          `${COUNTER[state as ItemState]} = ${COUNTER[state as ItemState]} + ${Number(delta)}`,
      );
    if (extra) sets.push(extra);
    sets.push('updated_at = @now');
    db.prepare(`UPDATE operations SET ${sets.join(', ')} WHERE id = @id`).run({
      id: operationId,
      now: now(),
    });
  }

  function insertItems(
    operationId: string,
    firstIndex: number,
    items: readonly NewItem[],
    outcome?: ItemOutcome,
  ) {
    items.forEach((item, offset) => {
      insertItem.run({
        operation_id: operationId,
        idx: firstIndex + offset,
        state: outcome ? (outcome.success ? 'succeeded' : 'failed') : 'pending',
        user_id: item.user.id,
        user_name: item.user.name,
        user_email: item.user.email,
        target_type: item.target.type,
        target_id: item.target.id,
        target_name: item.target.name,
        membership_id: item.membershipId,
        was_default: bit(item.wasDefault),
        view_tickets: bit(item.viewTickets),
        role: item.role,
        restore_default: item.restoreDefault ? 1 : 0,
        status: outcome?.status ?? null,
        error: outcome?.error ?? null,
        details: outcome?.details ?? null,
        result_id: outcome?.resultId ?? null,
      });
    });
  }

  const moveState = (from: ItemState, to: ItemState) =>
    db.prepare(`UPDATE operation_items SET state = '${to}' WHERE operation_id = ? AND state = '${from}'`);

  const store: OperationStore = {
    async create(input) {
      return db.transaction(() => {
        const id = newOperationId();
        const at = now();
        const finished = input.outcome !== undefined;
        const state: OperationState = finished
          ? input.outcome?.success
            ? 'completed'
            : 'failed'
          : input.expanding
            ? 'expanding'
            : 'queued';
        db.prepare(`INSERT INTO operations
          (id, kind, source, label, actor_id, actor_name, actor_email, state, created_at, updated_at, finished_at,
           targets, params, expand_cursor, total, n_pending, n_succeeded, n_failed, undo_of)
          VALUES (@id, @kind, @source, @label, @actor_id, @actor_name, @actor_email, @state, @at, @at, @finished_at,
           @targets, @params, @expand_cursor, @total, @pending, @succeeded, @failed, @undo_of)`).run({
          id,
          kind: input.kind,
          source: input.source,
          label: input.label,
          actor_id: input.actor.id,
          actor_name: input.actor.name,
          actor_email: input.actor.email,
          state,
          at,
          finished_at: finished ? at : null,
          targets: JSON.stringify(input.targets),
          params: JSON.stringify(input.params),
          expand_cursor: input.expanding ? '' : null,
          total: input.items.length,
          pending: finished ? 0 : input.items.length,
          succeeded: finished && input.outcome?.success ? input.items.length : 0,
          failed: finished && !input.outcome?.success ? input.items.length : 0,
          undo_of: input.undoOf,
        });
        insertItems(id, 0, input.items, input.outcome);
        return toOperation(selectOperation.get(id) as OperationRow);
      })();
    },

    async get(id) {
      const row = selectOperation.get(id) as OperationRow | undefined;
      return row && toOperation(row);
    },

    async list(filters) {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: filters.limit };
      if (filters.actorId !== undefined) {
        where.push('o.actor_id = @actor');
        params.actor = filters.actorId;
      }
      if (filters.status === 'running') where.push(`o.state NOT IN ${FINISHED_SQL}`);
      if (filters.status === 'finished') where.push(`o.state IN ${FINISHED_SQL}`);
      if (filters.status === 'failures') where.push('o.n_failed > 0');
      if (filters.source !== undefined) {
        where.push('o.source = @source');
        params.source = filters.source;
      }
      if (filters.beforeSeq !== undefined) {
        where.push('o.seq < @before');
        params.before = filters.beforeSeq;
      }
      if (filters.userId !== undefined) {
        where.push(
          'EXISTS (SELECT 1 FROM operation_items i WHERE i.user_id = @user AND i.operation_id = o.id)',
        );
        params.user = filters.userId;
      }
      if (filters.targetId !== undefined && filters.targetType !== undefined) {
        where.push(`EXISTS (SELECT 1 FROM operation_items i
          WHERE i.target_type = @target_type AND i.target_id = @target AND i.operation_id = o.id)`);
        params.target = filters.targetId;
        params.target_type = filters.targetType;
      }
      const rows = db
        .prepare(
          `SELECT o.* FROM operations o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.seq DESC LIMIT @limit`,
        )
        .all(params) as OperationRow[];
      return rows.map(toOperation);
    },

    async items(operationId, filter) {
      const rows = db
        .prepare(
          `SELECT * FROM operation_items WHERE operation_id = @id AND idx > @after
           ${filter.state ? 'AND state = @state' : ''} ORDER BY idx LIMIT @limit`,
        )
        .all({
          id: operationId,
          after: filter.afterIndex,
          state: filter.state,
          limit: filter.limit,
        }) as ItemRow[];
      return rows.map(toItem);
    },

    async active() {
      const rows = db
        .prepare(`SELECT * FROM operations WHERE state NOT IN ${FINISHED_SQL} ORDER BY seq`)
        .all() as OperationRow[];
      return rows.map(toOperation);
    },

    async setState(id, state, reason) {
      db.prepare('UPDATE operations SET state = ?, state_reason = ?, updated_at = ? WHERE id = ?').run(
        state,
        reason,
        now(),
        id,
      );
    },

    async appendItems(id, items, nextCursor) {
      db.transaction(() => {
        const row = selectOperation.get(id) as OperationRow | undefined;
        // A cancelled walk keeps what it found and stops.
        if (!row || row.expand_cursor === null) return;
        insertItems(id, row.total, items);
        db.prepare(
          'UPDATE operations SET total = total + ?, n_pending = n_pending + ?, expand_cursor = ?, updated_at = ? WHERE id = ?',
        ).run(items.length, items.length, nextCursor, now(), id);
      })();
    },

    async claim(id, phase, limit, at, asChunk) {
      return db.transaction(() => {
        const rows = db
          .prepare(
            `SELECT * FROM operation_items WHERE operation_id = ? AND state = 'pending' AND phase = ? AND due_at <= ?
             ORDER BY idx LIMIT ?`,
          )
          .all(id, phase, at, limit) as ItemRow[];
        if (rows.length === 0) return { chunkId: null, items: [] };
        let chunkId: number | null = null;
        if (asChunk) {
          chunkId = Number(
            db
              .prepare(
                `INSERT INTO operation_chunks (operation_id, state, total) VALUES (?, 'submitting', ?)`,
              )
              .run(id, rows.length).lastInsertRowid,
          );
        }
        const mark = db.prepare(
          `UPDATE operation_items SET state = 'submitted', chunk_id = ?, tries = tries + 1 WHERE operation_id = ? AND idx = ?`,
        );
        for (const row of rows) mark.run(chunkId, id, row.idx);
        adjust(
          id,
          { pending: -rows.length, submitted: rows.length },
          `state = CASE WHEN state IN ('queued', 'paused') THEN 'running' ELSE state END, state_reason = NULL${
            asChunk ? ', jobs_total = jobs_total + 1' : ''
          }`,
        );
        return {
          chunkId,
          items: rows.map((row) =>
            toItem({ ...row, state: 'submitted', chunk_id: chunkId, tries: row.tries + 1 }),
          ),
        };
      })();
    },

    async chunkAccepted(chunkId, jobId) {
      db.prepare(`UPDATE operation_chunks SET state = 'queued', job_id = ? WHERE id = ?`).run(jobId, chunkId);
    },

    async chunkProgress(chunkId, state, progress, misses) {
      db.prepare('UPDATE operation_chunks SET state = ?, progress = ?, misses = ? WHERE id = ?').run(
        state,
        progress,
        misses,
        chunkId,
      );
    },

    async chunkReturned(chunkId, retry) {
      db.transaction(() => {
        const chunk = db.prepare('SELECT * FROM operation_chunks WHERE id = ?').get(chunkId) as
          | ChunkRow
          | undefined;
        if (!chunk) return;
        const moved = db
          .prepare(
            `UPDATE operation_items SET state = 'pending', chunk_id = NULL, due_at = ?,
             resubmitted = CASE WHEN ? THEN 1 ELSE resubmitted END, tries = tries - ?
             WHERE chunk_id = ? AND state = 'submitted'`,
          )
          .run(retry.at, retry.resubmitted ? 1 : 0, retry.countsAsTry ? 0 : 1, chunkId).changes;
        db.prepare('DELETE FROM operation_chunks WHERE id = ?').run(chunkId);
        adjust(chunk.operation_id, { pending: moved, submitted: -moved });
      })();
    },

    async settleItems(operationId, outcomes, next, chunkId) {
      db.transaction(() => {
        const settle = db.prepare(
          `UPDATE operation_items SET state = ?, status = ?, error = ?, details = ?, result_id = COALESCE(?, result_id),
           chunk_id = NULL WHERE operation_id = ? AND idx = ? AND state = 'submitted'`,
        );
        const advance = db.prepare(
          `UPDATE operation_items SET state = 'pending', phase = ?, membership_id = ?, result_id = ?, chunk_id = NULL,
           tries = 0, resubmitted = 0, due_at = 0 WHERE operation_id = ? AND idx = ? AND state = 'submitted'`,
        );
        let succeeded = 0;
        let failed = 0;
        let pending = 0;
        for (const [index, outcome] of outcomes) {
          const changed = settle.run(
            outcome.success ? 'succeeded' : 'failed',
            outcome.status,
            outcome.error,
            outcome.details,
            outcome.resultId,
            operationId,
            index,
          ).changes;
          if (changed && outcome.success) succeeded++;
          else if (changed) failed++;
        }
        for (const [index, step] of next) {
          pending += advance.run(
            step.phase,
            step.membershipId,
            step.membershipId,
            operationId,
            index,
          ).changes;
        }
        adjust(operationId, { succeeded, failed, pending, submitted: -(succeeded + failed + pending) });
        if (chunkId !== null) db.prepare('DELETE FROM operation_chunks WHERE id = ?').run(chunkId);
      })();
    },

    async itemReturned(operationId, index, retry) {
      db.transaction(() => {
        const moved = db
          .prepare(
            `UPDATE operation_items SET state = 'pending', due_at = ?, resubmitted = CASE WHEN ? THEN 1 ELSE resubmitted END,
             tries = tries - ? WHERE operation_id = ? AND idx = ? AND state = 'submitted'`,
          )
          .run(retry.at, retry.resubmitted ? 1 : 0, retry.countsAsTry ? 0 : 1, operationId, index).changes;
        adjust(operationId, { pending: moved, submitted: -moved });
      })();
    },

    async chunksInFlight() {
      return (db.prepare('SELECT * FROM operation_chunks ORDER BY id').all() as ChunkRow[]).map(toChunk);
    },

    async chunkItems(chunkId) {
      const rows = db
        .prepare(`SELECT * FROM operation_items WHERE chunk_id = ? AND state = 'submitted' ORDER BY idx`)
        .all(chunkId) as ItemRow[];
      return rows.map(toItem);
    },

    async finishIfDone(id, at) {
      return db.transaction(() => {
        const row = selectOperation.get(id) as OperationRow | undefined;
        if (!row || row.finished_at !== null) return undefined;
        if (row.n_pending > 0 || row.n_submitted > 0 || row.expand_cursor !== null) return undefined;
        const state: OperationState =
          row.cancel_requested === 1 && row.n_cancelled > 0
            ? 'cancelled'
            : row.n_failed === 0
              ? 'completed'
              : row.n_succeeded === 0
                ? 'failed'
                : 'completed_with_failures';
        db.prepare(
          'UPDATE operations SET state = ?, state_reason = NULL, finished_at = ?, updated_at = ? WHERE id = ?',
        ).run(state, at, at, id);
        return toOperation(selectOperation.get(id) as OperationRow);
      })();
    },

    async cancel(id) {
      db.transaction(() => {
        const moved = moveState('pending', 'cancelled').run(id).changes;
        db.prepare(
          `UPDATE operation_items SET status = 'Cancelled', details = 'Cancelled before it was sent'
           WHERE operation_id = ? AND state = 'cancelled' AND status IS NULL`,
        ).run(id);
        adjust(id, { pending: -moved, cancelled: moved }, 'cancel_requested = 1, expand_cursor = NULL');
      })();
    },

    async retryFailed(id) {
      return db.transaction(() => {
        const moved = db
          .prepare(
            `UPDATE operation_items SET state = 'pending', phase = 'apply', status = NULL, error = NULL, details = NULL,
             tries = 0, resubmitted = 0, due_at = 0 WHERE operation_id = ? AND state = 'failed'`,
          )
          .run(id).changes;
        if (moved > 0) {
          adjust(
            id,
            { failed: -moved, pending: moved },
            `state = 'queued', state_reason = NULL, finished_at = NULL, cancel_requested = 0`,
          );
        }
        return moved;
      })();
    },

    async setUndoneBy(id, undoneBy) {
      db.prepare('UPDATE operations SET undone_by = ? WHERE id = ?').run(undoneBy, id);
      touch.run(now(), id);
    },

    async recover() {
      db.transaction(() => {
        const chunks = db
          .prepare(`SELECT * FROM operation_chunks WHERE state = 'submitting'`)
          .all() as ChunkRow[];
        for (const chunk of chunks) {
          const moved = db
            .prepare(
              `UPDATE operation_items SET state = 'pending', chunk_id = NULL, resubmitted = 1 WHERE chunk_id = ? AND state = 'submitted'`,
            )
            .run(chunk.id).changes;
          db.prepare('DELETE FROM operation_chunks WHERE id = ?').run(chunk.id);
          adjust(chunk.operation_id, { pending: moved, submitted: -moved });
        }
        // Items sent one request each (Box, make default) have no job to ask about: send them again.
        const loose = db
          .prepare(
            `SELECT operation_id, COUNT(*) AS n FROM operation_items WHERE state = 'submitted' AND chunk_id IS NULL GROUP BY operation_id`,
          )
          .all() as { operation_id: string; n: number }[];
        for (const { operation_id, n } of loose) {
          db.prepare(
            `UPDATE operation_items SET state = 'pending', resubmitted = 1 WHERE operation_id = ? AND state = 'submitted' AND chunk_id IS NULL`,
          ).run(operation_id);
          adjust(operation_id, { pending: n, submitted: -n });
        }
      })();
    },

    async savePlan(id, stored, expiresAt) {
      db.prepare('DELETE FROM operation_plans WHERE expires_at < ?').run(now());
      db.prepare('INSERT INTO operation_plans (id, body, expires_at) VALUES (?, ?, ?)').run(
        id,
        JSON.stringify(stored),
        expiresAt,
      );
    },

    async takePlan(id, at) {
      return db.transaction(() => {
        const row = db.prepare('SELECT * FROM operation_plans WHERE id = ?').get(id) as
          | { body: string; expires_at: number }
          | undefined;
        if (!row) return undefined;
        db.prepare('DELETE FROM operation_plans WHERE id = ?').run(id);
        return row.expires_at < at ? undefined : (JSON.parse(row.body) as StoredPlan);
      })();
    },

    async purge(before) {
      return db.transaction(() => {
        const ids = db
          .prepare(`SELECT id FROM operations WHERE state IN ${FINISHED_SQL} AND finished_at < ?`)
          .all(before) as { id: string }[];
        for (const { id } of ids) {
          db.prepare('DELETE FROM operation_items WHERE operation_id = ?').run(id);
          db.prepare('DELETE FROM operations WHERE id = ?').run(id);
        }
        return ids.length;
      })();
    },

    async close() {
      db.close();
    },
  };
  return store;
}
