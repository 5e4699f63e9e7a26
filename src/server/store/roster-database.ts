import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { prepareOwnerOnlyDatabaseFile } from '../shared/owner-only-files.ts';
import { preparedStatement } from '../shared/prepared-statements.ts';
import { migrateToLatest } from './migrations/roster-migrations.ts';
import { checkPostgresConnection, createPostgresPool, describePostgresUrl } from './postgres-pool.ts';
import type { RosterTables } from './roster-tables.ts';
import type { StoreDialect } from './store-dialect.ts';

export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Roster's store opened and migrated: sessions, operations and history, on one backend. */
export type RosterDatabase = {
  db: Kysely<RosterTables>;
  dialect: StoreDialect;
  /** Where it is, for the start-up message (never a password). */
  description: string;
  /** PostgreSQL's pool, for what Kysely does not do (LISTEN/NOTIFY). */
  pool: pg.Pool | undefined;
  close(): Promise<void>;
};

function openSqlite(file: string): Kysely<RosterTables> {
  if (file !== ':memory:') prepareOwnerOnlyDatabaseFile(file);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // Kysely's SQLite driver prepares every query it runs; the same texts come back on every request.
  const preparing = {
    close: () => database.close(),
    prepare: (sql: string) => preparedStatement(database, sql),
  };
  return new Kysely<RosterTables>({ dialect: new SqliteDialect({ database: preparing }) });
}

/** Opens the store at `location` and applies every migration it has not seen yet. */
export async function openRosterDatabase(
  location: StoreLocation,
  log: (message: string) => void = () => {},
): Promise<RosterDatabase> {
  if (location.kind === 'sqlite') {
    const db = openSqlite(location.file);
    try {
      await migrateToLatest(db, 'sqlite');
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return {
      db,
      dialect: 'sqlite',
      description: `SQLite, ${location.file}`,
      pool: undefined,
      close: () => db.destroy(),
    };
  }
  const pool = createPostgresPool(location.url, log);
  const db = new Kysely<RosterTables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await checkPostgresConnection(pool, location.url);
    await migrateToLatest(db, 'postgres');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL, ${describePostgresUrl(location.url)}`,
    pool,
    close: () => db.destroy(),
  };
}
