import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';

/**
 * Which database holds Roster's store: the embedded file (one instance, one writer at a time) or
 * a PostgreSQL server that several instances share. What the two spell differently lives here.
 */
export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Locks the rows a query selects until the transaction ends, so another instance waits instead of
 * changing them underneath. SQLite needs no lock: its one writer is already alone.
 */
export function lockedForUpdate<DB, TB extends keyof DB, O>(
  dialect: StoreDialect,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? query.forUpdate() : query;
}

/** The same, passing over rows another transaction holds: what a claim by several instances wants. */
export function lockedSkippingLocked<DB, TB extends keyof DB, O>(
  dialect: StoreDialect,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/** Arbitrary, fixed: the advisory lock that makes a count of the account's jobs and a new one atomic. */
const JOB_BUDGET_LOCK = 1_738_204_917;

/**
 * Serializes claims of job slots across instances until the transaction ends: counting chunks in
 * flight and opening one is then one step for the whole account. SQLite's one writer already is.
 */
export async function lockJobBudget<DB>(dialect: StoreDialect, trx: Transaction<DB> | Kysely<DB>) {
  if (dialect === 'postgres')
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(JOB_BUDGET_LOCK)})`.execute(trx);
}
