import { type ExpressionBuilder, type Kysely, sql, type UpdateObject } from 'kysely';
import { z } from 'zod/mini';
import type { ItemState, OperationState } from '../../contract/roster-operations.ts';
import {
  COUNTER,
  FINISHED_STATES,
  itemRow,
  newOperationId,
  type OperationRow,
  toChunk,
  toItem,
  toOperation,
} from './operation-rows.ts';
import type { ItemOutcome, NewItem, OperationStore, StoredPlan } from './operation-store.ts';
import type { RosterDatabase } from './roster-database.ts';
import type { RosterTables } from './roster-tables.ts';
import { lockedForUpdate, lockedSkippingLocked, lockJobBudget } from './store-dialect.ts';

type Db = Kysely<RosterTables>;
type OperationChanges = UpdateObject<RosterTables, 'operations'>;

/** Rows per INSERT: well under both backends' limits on bound parameters. */
const INSERT_BATCH = 500;

function batches<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}

/**
 * The operation store on either backend (see roster-database.ts). Every method is one
 * transaction; each transaction that changes an operation's items first locks the operation's row
 * (on PostgreSQL), so writes to one operation never interleave and never deadlock.
 */
export function openOperationStore(database: RosterDatabase, now: () => number = Date.now): OperationStore {
  const { db, dialect } = database;

  const inTransaction = <T>(work: (trx: Db) => Promise<T>): Promise<T> => db.transaction().execute(work);

  const selectOperation = (ex: Db, id: string) =>
    ex.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();

  const lockOperation = (trx: Db, id: string): Promise<OperationRow | undefined> =>
    lockedForUpdate(
      dialect,
      trx.selectFrom('operations').selectAll().where('id', '=', id),
    ).executeTakeFirst();

  /** Moves the operation's counters by `deltas`, with `extra` changes, in the caller's transaction. */
  async function adjust(
    trx: Db,
    operationId: string,
    deltas: Partial<Record<ItemState, number>>,
    extra?: (eb: ExpressionBuilder<RosterTables, 'operations'>) => OperationChanges,
  ): Promise<void> {
    await trx
      .updateTable('operations')
      .set((eb) => {
        const changes: OperationChanges = { ...extra?.(eb), updated_at: now() };
        for (const state of Object.keys(deltas) as ItemState[]) {
          const delta = deltas[state] ?? 0;
          if (delta !== 0) changes[COUNTER[state]] = eb(COUNTER[state], '+', delta);
        }
        return changes;
      })
      .where('id', '=', operationId)
      .execute();
  }

  async function insertItems(
    trx: Db,
    operationId: string,
    firstIndex: number,
    items: readonly NewItem[],
    outcome?: ItemOutcome,
  ): Promise<void> {
    const rows = items.map((item, offset) => itemRow(operationId, firstIndex + offset, item, outcome));
    for (const batch of batches(rows, INSERT_BATCH))
      await trx.insertInto('operation_items').values(batch).execute();
  }

  /** What was being sent may or may not have arrived: it waits to be sent again, as a resubmission. */
  async function recover(trx: Db, operationIds: readonly string[]): Promise<void> {
    if (operationIds.length === 0) return;
    const chunks = await trx
      .selectFrom('operation_chunks')
      .selectAll()
      .where('state', '=', 'submitting')
      .where('operation_id', 'in', operationIds)
      .execute();
    for (const chunk of chunks) {
      const { numUpdatedRows } = await trx
        .updateTable('operation_items')
        .set({ state: 'pending', chunk_id: null, resubmitted: 1 })
        .where('chunk_id', '=', chunk.id)
        .where('state', '=', 'submitted')
        .executeTakeFirst();
      await trx.deleteFrom('operation_chunks').where('id', '=', chunk.id).execute();
      const moved = Number(numUpdatedRows);
      await adjust(trx, chunk.operation_id, { pending: moved, submitted: -moved });
    }
    // Items sent one request each (Box, make default) have no job to ask about: send them again.
    const loose = await trx
      .selectFrom('operation_items')
      .select((eb) => ['operation_id', eb.fn.countAll<number>().as('n')])
      .where('state', '=', 'submitted')
      .where('chunk_id', 'is', null)
      .where('operation_id', 'in', operationIds)
      .groupBy('operation_id')
      .execute();
    for (const { operation_id, n } of loose) {
      await trx
        .updateTable('operation_items')
        .set({ state: 'pending', resubmitted: 1 })
        .where('operation_id', '=', operation_id)
        .where('state', '=', 'submitted')
        .where('chunk_id', 'is', null)
        .execute();
      await adjust(trx, operation_id, { pending: Number(n), submitted: -Number(n) });
    }
  }

  return {
    async create(input) {
      return inTransaction(async (trx) => {
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
        const row = await trx
          .insertInto('operations')
          .values({
            id,
            kind: input.kind,
            source: input.source,
            label: input.label,
            actor_id: input.actor.id,
            actor_name: input.actor.name,
            actor_email: input.actor.email,
            state,
            created_at: at,
            updated_at: at,
            finished_at: finished ? at : null,
            targets: JSON.stringify(input.targets),
            params: JSON.stringify(input.params),
            expand_cursor: input.expanding ? '' : null,
            total: input.items.length,
            n_pending: finished ? 0 : input.items.length,
            n_succeeded: finished && input.outcome?.success ? input.items.length : 0,
            n_failed: finished && !input.outcome?.success ? input.items.length : 0,
            undo_of: input.undoOf,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await insertItems(trx, id, 0, input.items, input.outcome);
        return toOperation(row);
      });
    },

    async get(id) {
      const row = await selectOperation(db, id);
      return row && toOperation(row);
    },

    async list(filters) {
      let query = db.selectFrom('operations as o').selectAll('o');
      if (filters.actorId !== undefined) query = query.where('o.actor_id', '=', filters.actorId);
      if (filters.status === 'running') query = query.where('o.state', 'not in', FINISHED_STATES);
      if (filters.status === 'finished') query = query.where('o.state', 'in', FINISHED_STATES);
      if (filters.status === 'failures') query = query.where('o.n_failed', '>', 0);
      if (filters.source !== undefined) query = query.where('o.source', '=', filters.source);
      if (filters.beforeSeq !== undefined) query = query.where('o.seq', '<', filters.beforeSeq);
      const { userId, targetId, targetType } = filters;
      if (userId !== undefined) {
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('operation_items as i')
              .select(sql.lit(1).as('one'))
              .where('i.user_id', '=', userId)
              .whereRef('i.operation_id', '=', 'o.id'),
          ),
        );
      }
      if (targetId !== undefined && targetType !== undefined) {
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('operation_items as i')
              .select(sql.lit(1).as('one'))
              .where('i.target_type', '=', targetType)
              .where('i.target_id', '=', targetId)
              .whereRef('i.operation_id', '=', 'o.id'),
          ),
        );
      }
      const rows = await query.orderBy('o.seq', 'desc').limit(filters.limit).execute();
      return rows.map(toOperation);
    },

    async items(operationId, filter) {
      let query = db
        .selectFrom('operation_items')
        .selectAll()
        .where('operation_id', '=', operationId)
        .where('idx', '>', filter.afterIndex);
      if (filter.state) query = query.where('state', '=', filter.state);
      const rows = await query.orderBy('idx').limit(filter.limit).execute();
      return rows.map(toItem);
    },

    async active(owner) {
      const rows = await db
        .selectFrom('operations')
        .selectAll()
        .where('state', 'not in', FINISHED_STATES)
        .where('lease_owner', '=', owner)
        .orderBy('seq')
        .execute();
      return rows.map(toOperation);
    },

    async lease(owner, at, until, options = {}) {
      return inTransaction(async (trx) => {
        const renewed = await trx
          .updateTable('operations')
          .set({ lease_until: until })
          .where('lease_owner', '=', owner)
          .where('lease_until', '>=', at)
          .where('state', 'not in', FINISHED_STATES)
          .returning('id')
          .execute();
        const free = await lockedSkippingLocked(
          dialect,
          trx
            .selectFrom('operations')
            .select(['id', 'lease_owner'])
            .where('state', 'not in', FINISHED_STATES)
            .where((eb) =>
              eb.or([
                eb('lease_owner', 'is', null),
                eb('lease_until', '<', at),
                ...(options.takeAll ? [eb('lease_owner', '!=', owner)] : []),
              ]),
            )
            .orderBy('seq'),
        ).execute();
        const taken = free.map((row) => row.id);
        if (taken.length > 0) {
          await recover(trx, taken);
          await trx
            .updateTable('operations')
            .set({ lease_owner: owner, lease_until: until })
            .where('id', 'in', taken)
            .execute();
        }
        return {
          held: [...renewed.map((row) => row.id), ...taken],
          taken: free.map((row) => ({ operationId: row.id, from: row.lease_owner })),
        };
      });
    },

    async release(owner) {
      await db
        .updateTable('operations')
        .set({ lease_owner: null, lease_until: null })
        .where('lease_owner', '=', owner)
        .execute();
    },

    async setState(id, state, reason) {
      await db
        .updateTable('operations')
        .set({ state, state_reason: reason, updated_at: now() })
        .where('id', '=', id)
        .execute();
    },

    async appendItems(id, items, nextCursor) {
      await inTransaction(async (trx) => {
        const row = await lockOperation(trx, id);
        // A cancelled walk keeps what it found and stops.
        if (!row || row.expand_cursor === null) return;
        await insertItems(trx, id, row.total, items);
        await trx
          .updateTable('operations')
          .set((eb) => ({
            total: eb('total', '+', items.length),
            n_pending: eb('n_pending', '+', items.length),
            expand_cursor: nextCursor,
            updated_at: now(),
          }))
          .where('id', '=', id)
          .execute();
      });
    },

    async claim({ operationId, phase, action, limit, now: at, owner, chunk }) {
      return inTransaction(async (trx) => {
        const none = { chunkId: null, items: [], chunksInFlight: 0 };
        const operation = await lockOperation(trx, operationId);
        if (!operation || operation.lease_owner !== owner || (operation.lease_until ?? 0) < at) return none;
        let pending = trx
          .selectFrom('operation_items')
          .selectAll()
          .where('operation_id', '=', operationId)
          .where('state', '=', 'pending')
          .where('phase', '=', phase)
          .where('due_at', '<=', at);
        if (action) pending = pending.where('action', '=', action);
        const rows = await pending.orderBy('idx').limit(limit).execute();
        if (rows.length === 0) return none;
        let chunkId: number | null = null;
        let chunksInFlight = 0;
        if (chunk) {
          await lockJobBudget(dialect, trx);
          const { n } = await trx
            .selectFrom('operation_chunks')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          if (Number(n) >= chunk.maxInFlight) return { ...none, chunksInFlight: Number(n) };
          const inserted = await trx
            .insertInto('operation_chunks')
            .values({ operation_id: operationId, state: 'submitting', total: rows.length })
            .returning('id')
            .executeTakeFirstOrThrow();
          chunkId = inserted.id;
          chunksInFlight = Number(n) + 1;
        }
        await trx
          .updateTable('operation_items')
          .set((eb) => ({ state: 'submitted', chunk_id: chunkId, tries: eb('tries', '+', 1) }))
          .where('operation_id', '=', operationId)
          .where(
            'idx',
            'in',
            rows.map((row) => row.idx),
          )
          .execute();
        await adjust(trx, operationId, { pending: -rows.length, submitted: rows.length }, (eb) => ({
          state: sql<string>`CASE WHEN state IN ('queued', 'paused') THEN 'running' ELSE state END`,
          state_reason: null,
          ...(chunk && { jobs_total: eb('jobs_total', '+', 1) }),
        }));
        return {
          chunkId,
          chunksInFlight,
          items: rows.map((row) =>
            toItem({ ...row, state: 'submitted', chunk_id: chunkId, tries: row.tries + 1 }),
          ),
        };
      });
    },

    async chunkAccepted(chunkId, jobId) {
      await inTransaction(async (trx) => {
        const chunk = await trx
          .updateTable('operation_chunks')
          .set({ state: 'queued', job_id: jobId })
          .where('id', '=', chunkId)
          .returning('operation_id')
          .executeTakeFirst();
        if (!chunk) return;
        const sent = await trx
          .selectFrom('operation_items')
          .select('idx')
          .where('chunk_id', '=', chunkId)
          .orderBy('idx')
          .execute();
        await trx
          .insertInto('operation_jobs')
          .values({
            job_id: jobId,
            operation_id: chunk.operation_id,
            item_indexes: JSON.stringify(sent.map((row) => row.idx)),
          })
          .onConflict((conflict) => conflict.column('job_id').doNothing())
          .execute();
      });
    },

    async jobItems(jobId) {
      const job = await db
        .selectFrom('operation_jobs')
        .selectAll()
        .where('job_id', '=', jobId)
        .executeTakeFirst();
      if (!job) return undefined;
      const indexes = z.array(z.int()).parse(JSON.parse(job.item_indexes));
      const rows =
        indexes.length === 0
          ? []
          : await db
              .selectFrom('operation_items')
              .selectAll()
              .where('operation_id', '=', job.operation_id)
              .where('idx', 'in', indexes)
              .execute();
      const byIndex = new Map(rows.map((row) => [row.idx, toItem(row)]));
      return {
        operationId: job.operation_id,
        items: indexes.flatMap((index) => byIndex.get(index) ?? []),
      };
    },

    async chunkProgress(chunkId, state, progress, misses) {
      await db
        .updateTable('operation_chunks')
        .set({ state, progress, misses })
        .where('id', '=', chunkId)
        .execute();
    },

    async chunkReturned(chunkId, retry) {
      await inTransaction(async (trx) => {
        const chunk = await trx
          .selectFrom('operation_chunks')
          .select('operation_id')
          .where('id', '=', chunkId)
          .executeTakeFirst();
        if (!chunk) return;
        await lockOperation(trx, chunk.operation_id);
        const { numUpdatedRows } = await trx
          .updateTable('operation_items')
          .set((eb) => ({
            state: 'pending',
            chunk_id: null,
            due_at: retry.at,
            resubmitted: retry.resubmitted ? 1 : eb.ref('resubmitted'),
            tries: eb('tries', '-', retry.countsAsTry ? 0 : 1),
          }))
          .where('chunk_id', '=', chunkId)
          .where('state', '=', 'submitted')
          .executeTakeFirst();
        await trx.deleteFrom('operation_chunks').where('id', '=', chunkId).execute();
        const moved = Number(numUpdatedRows);
        await adjust(trx, chunk.operation_id, { pending: moved, submitted: -moved });
      });
    },

    async settleItems(operationId, outcomes, next, chunkId) {
      await inTransaction(async (trx) => {
        await lockOperation(trx, operationId);
        const sent = (index: number) =>
          trx
            .updateTable('operation_items')
            .where('operation_id', '=', operationId)
            .where('idx', '=', index)
            .where('state', '=', 'submitted')
            .where('chunk_id', chunkId === null ? 'is' : '=', chunkId);
        let succeeded = 0;
        let failed = 0;
        let pending = 0;
        for (const [index, outcome] of outcomes) {
          const { numUpdatedRows } = await sent(index)
            .set((eb) => ({
              state: outcome.success ? 'succeeded' : 'failed',
              status: outcome.status,
              error: outcome.error,
              details: outcome.details,
              result_id: outcome.resultId ?? eb.ref('result_id'),
              chunk_id: null,
            }))
            .executeTakeFirst();
          if (numUpdatedRows > 0n && outcome.success) succeeded++;
          else if (numUpdatedRows > 0n) failed++;
        }
        for (const [index, step] of next) {
          const { numUpdatedRows } = await sent(index)
            .set({
              state: 'pending',
              phase: step.phase,
              membership_id: step.membershipId,
              result_id: step.membershipId,
              chunk_id: null,
              tries: 0,
              resubmitted: 0,
              due_at: 0,
            })
            .executeTakeFirst();
          pending += Number(numUpdatedRows);
        }
        await adjust(trx, operationId, {
          succeeded,
          failed,
          pending,
          submitted: -(succeeded + failed + pending),
        });
        if (chunkId !== null) await trx.deleteFrom('operation_chunks').where('id', '=', chunkId).execute();
      });
    },

    async itemReturned(operationId, index, retry) {
      await inTransaction(async (trx) => {
        await lockOperation(trx, operationId);
        const { numUpdatedRows } = await trx
          .updateTable('operation_items')
          .set((eb) => ({
            state: 'pending',
            due_at: retry.at,
            resubmitted: retry.resubmitted ? 1 : eb.ref('resubmitted'),
            tries: eb('tries', '-', retry.countsAsTry ? 0 : 1),
          }))
          .where('operation_id', '=', operationId)
          .where('idx', '=', index)
          .where('state', '=', 'submitted')
          .executeTakeFirst();
        const moved = Number(numUpdatedRows);
        await adjust(trx, operationId, { pending: moved, submitted: -moved });
      });
    },

    async chunksInFlight() {
      const rows = await db.selectFrom('operation_chunks').selectAll().orderBy('id').execute();
      return rows.map(toChunk);
    },

    async chunkItems(chunkId) {
      const rows = await db
        .selectFrom('operation_items')
        .selectAll()
        .where('chunk_id', '=', chunkId)
        .where('state', '=', 'submitted')
        .orderBy('idx')
        .execute();
      return rows.map(toItem);
    },

    async finishIfDone(id, at) {
      return inTransaction(async (trx) => {
        const row = await lockOperation(trx, id);
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
        const finished = await trx
          .updateTable('operations')
          .set({ state, state_reason: null, finished_at: at, updated_at: at })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toOperation(finished);
      });
    },

    async cancel(id) {
      await inTransaction(async (trx) => {
        await lockOperation(trx, id);
        const { numUpdatedRows } = await trx
          .updateTable('operation_items')
          .set({ state: 'cancelled' })
          .where('operation_id', '=', id)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        await trx
          .updateTable('operation_items')
          .set({ status: 'Cancelled', details: 'Cancelled before it was sent' })
          .where('operation_id', '=', id)
          .where('state', '=', 'cancelled')
          .where('status', 'is', null)
          .execute();
        const moved = Number(numUpdatedRows);
        await adjust(trx, id, { pending: -moved, cancelled: moved }, () => ({
          cancel_requested: 1,
          expand_cursor: null,
        }));
      });
    },

    async retryFailed(id) {
      return inTransaction(async (trx) => {
        await lockOperation(trx, id);
        const { numUpdatedRows } = await trx
          .updateTable('operation_items')
          .set({
            state: 'pending',
            phase: 'apply',
            status: null,
            error: null,
            details: null,
            tries: 0,
            resubmitted: 0,
            due_at: 0,
          })
          .where('operation_id', '=', id)
          .where('state', '=', 'failed')
          .executeTakeFirst();
        const moved = Number(numUpdatedRows);
        if (moved > 0) {
          await adjust(trx, id, { failed: -moved, pending: moved }, () => ({
            state: 'queued',
            state_reason: null,
            finished_at: null,
            cancel_requested: 0,
          }));
        }
        return moved;
      });
    },

    async setUndoneBy(id, undoneBy) {
      await db
        .updateTable('operations')
        .set({ undone_by: undoneBy, updated_at: now() })
        .where('id', '=', id)
        .execute();
    },

    async savePlan(id, stored, expiresAt) {
      await inTransaction(async (trx) => {
        await trx.deleteFrom('operation_plans').where('expires_at', '<', now()).execute();
        await trx
          .insertInto('operation_plans')
          .values({ id, body: JSON.stringify(stored), expires_at: expiresAt })
          .execute();
      });
    },

    async takePlan(id, at) {
      return inTransaction(async (trx) => {
        const row = await lockedForUpdate(
          dialect,
          trx.selectFrom('operation_plans').selectAll().where('id', '=', id),
        ).executeTakeFirst();
        if (!row) return undefined;
        await trx.deleteFrom('operation_plans').where('id', '=', id).execute();
        return row.expires_at < at ? undefined : (JSON.parse(row.body) as StoredPlan);
      });
    },

    async purge(before) {
      return inTransaction(async (trx) => {
        const rows = await trx
          .selectFrom('operations')
          .select('id')
          .where('state', 'in', FINISHED_STATES)
          .where('finished_at', '<', before)
          .execute();
        for (const batch of batches(
          rows.map((row) => row.id),
          INSERT_BATCH,
        )) {
          await trx.deleteFrom('operation_items').where('operation_id', 'in', batch).execute();
          await trx.deleteFrom('operation_jobs').where('operation_id', 'in', batch).execute();
          await trx.deleteFrom('operations').where('id', 'in', batch).execute();
        }
        return rows.length;
      });
    },
  };
}
