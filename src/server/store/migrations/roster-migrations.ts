import { type Kysely, type Migration, Migrator } from 'kysely';
import type { RosterTables } from '../roster-tables.ts';
import type { StoreDialect } from '../store-dialect.ts';
import { initialSchema } from './001-initial-schema.ts';
import { instanceLeases } from './002-instance-leases.ts';
import { itemActions } from './003-item-actions.ts';
import { operationJobs } from './004-operation-jobs.ts';

/** Every version of the schema, in order; a name, once released, never changes. */
function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '001-initial-schema': initialSchema(dialect),
    '002-instance-leases': instanceLeases,
    '003-item-actions': itemActions,
    '004-operation-jobs': operationJobs,
  };
}

/**
 * Brings the store's schema to the newest version at start. On PostgreSQL the migrator holds an
 * advisory lock, so instances starting together migrate once; each migration is one transaction.
 */
export async function migrateToLatest(db: Kysely<RosterTables>, dialect: StoreDialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: 'roster_migration',
    migrationLockTableName: 'roster_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Roster's store could not be migrated${failed ? ` (${failed})` : ''}: ${reason}`);
  }
}
