import Database from 'better-sqlite3';
import { prepareOwnerOnlyDatabaseFile } from '../../shared/owner-only-files.ts';
import { BOX_ID_RANGES, BOX_SCHEMA_SQL } from '../box/db/box-schema.ts';
import { ID_RANGES, SCHEMA_SQL, SCHEMA_VERSION } from './schema.ts';

export type SandboxDatabase = Database.Database;

/** Opens (creating if needed) the sandbox database in WAL mode with the schema applied. */
export function openDatabase(file: string): SandboxDatabase {
  if (file !== ':memory:') prepareOwnerOnlyDatabaseFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA_SQL);
  db.exec(BOX_SCHEMA_SQL);
  startIdRanges(db);
  db.prepare(`INSERT OR IGNORE INTO sandbox_meta (key, value) VALUES ('schema_version', ?)`).run(
    String(SCHEMA_VERSION),
  );
  return db;
}

function startIdRanges(db: SandboxDatabase): void {
  const insert = db.prepare(
    'INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)',
  );
  for (const [table, start] of Object.entries({ ...ID_RANGES, ...BOX_ID_RANGES }))
    insert.run(table, start, table);
}

export function readMeta(db: SandboxDatabase, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM sandbox_meta WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row?.value;
}

export function writeMeta(db: SandboxDatabase, key: string, value: string): void {
  db.prepare(
    'INSERT INTO sandbox_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
