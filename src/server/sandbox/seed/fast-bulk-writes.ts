import type { SandboxDatabase } from '../db/open-database.ts';

/** Tables whose secondary indexes are built once after a bulk load instead of row by row. */
const BULK_TABLES = ['users', 'group_memberships', 'organization_memberships'];

/**
 * Runs a bulk load with durability and foreign-key checks off and the secondary indexes dropped,
 * then puts everything back. Building each index once over the finished table beats keeping six
 * B-trees current through a million inserts (about a quarter off the large seed), and recreating the
 * unique indexes (one default per user) re-checks them over the finished data.
 */
export function withFastBulkWrites<T>(db: SandboxDatabase, load: () => T): T {
  const synchronous = db.pragma('synchronous', { simple: true });
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  const cacheSize = db.pragma('cache_size', { simple: true });
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})
       ORDER BY name`,
    )
    .all(...BULK_TABLES) as { name: string; sql: string }[];

  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  let dropped = 0;
  try {
    for (const index of indexes) {
      db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
      dropped++;
    }
    return load();
  } finally {
    db.transaction(() => {
      for (const index of indexes.slice(0, dropped)) db.exec(index.sql);
    })();
    db.pragma(`cache_size = ${Number(cacheSize)}`);
    db.pragma(`foreign_keys = ${Number(foreignKeys)}`);
    db.pragma(`synchronous = ${Number(synchronous)}`);
  }
}
