import { type CreateTableBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../store-dialect.ts';

/**
 * The tables as `roster.sqlite` held them before migrations were versioned. Every statement is
 * "if not exists", so a file made by an older Roster is adopted as it is.
 */
export function initialSchema(dialect: StoreDialect): Migration {
  /** SQLite's rowid alias, PostgreSQL's sequence. */
  const withSerialKey = <T extends string>(table: CreateTableBuilder<T>, column: string) =>
    dialect === 'sqlite'
      ? table.addColumn(column, 'integer', (col) => col.primaryKey().autoIncrement())
      : table.addColumn(column, 'serial', (col) => col.primaryKey());

  return {
    async up(db: Kysely<unknown>) {
      await withSerialKey(db.schema.createTable('operations').ifNotExists(), 'seq')
        .addColumn('id', 'text', (col) => col.notNull().unique())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('label', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'text', (col) => col.notNull())
        .addColumn('actor_name', 'text', (col) => col.notNull())
        .addColumn('actor_email', 'text')
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('state_reason', 'text')
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('updated_at', 'bigint', (col) => col.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('targets', 'text', (col) => col.notNull())
        .addColumn('params', 'text', (col) => col.notNull())
        .addColumn('expand_cursor', 'text')
        .addColumn('total', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('n_pending', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('n_submitted', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('n_succeeded', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('n_failed', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('n_cancelled', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('jobs_total', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('undo_of', 'text')
        .addColumn('undone_by', 'text')
        .addColumn('cancel_requested', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('operations_actor')
        .ifNotExists()
        .on('operations')
        .columns(['actor_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('operations_state')
        .ifNotExists()
        .on('operations')
        .columns(['state', 'seq'])
        .execute();

      await db.schema
        .createTable('operation_items')
        .ifNotExists()
        .addColumn('operation_id', 'text', (col) => col.notNull())
        .addColumn('idx', 'integer', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('phase', 'text', (col) => col.notNull().defaultTo('apply'))
        .addColumn('user_id', 'text', (col) => col.notNull())
        .addColumn('user_name', 'text', (col) => col.notNull())
        .addColumn('user_email', 'text')
        .addColumn('target_type', 'text', (col) => col.notNull())
        .addColumn('target_id', 'text', (col) => col.notNull())
        .addColumn('target_name', 'text', (col) => col.notNull())
        .addColumn('membership_id', 'text')
        .addColumn('was_default', 'integer')
        .addColumn('view_tickets', 'integer')
        .addColumn('role', 'text')
        .addColumn('restore_default', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('chunk_id', 'integer')
        .addColumn('tries', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('resubmitted', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('due_at', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('status', 'text')
        .addColumn('error', 'text')
        .addColumn('details', 'text')
        .addColumn('result_id', 'text')
        .addPrimaryKeyConstraint('operation_items_key', ['operation_id', 'idx'])
        // Items are always read by operation and index: the key is the table.
        .$call((table) => (dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table))
        .execute();
      await db.schema
        .createIndex('operation_items_state')
        .ifNotExists()
        .on('operation_items')
        .columns(['operation_id', 'state', 'idx'])
        .execute();
      await db.schema
        .createIndex('operation_items_chunk')
        .ifNotExists()
        .on('operation_items')
        .column('chunk_id')
        .where(sql.ref('chunk_id'), 'is not', null)
        .execute();
      await db.schema
        .createIndex('operation_items_user')
        .ifNotExists()
        .on('operation_items')
        .columns(['user_id', 'operation_id'])
        .execute();
      await db.schema
        .createIndex('operation_items_target')
        .ifNotExists()
        .on('operation_items')
        .columns(['target_type', 'target_id', 'operation_id'])
        .execute();

      await withSerialKey(db.schema.createTable('operation_chunks').ifNotExists(), 'id')
        .addColumn('operation_id', 'text', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('job_id', 'text')
        .addColumn('progress', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('total', 'integer', (col) => col.notNull())
        .addColumn('misses', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('operation_plans')
        .ifNotExists()
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .ifNotExists()
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('sealed', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('last_seen_at', 'bigint', (col) => col.notNull())
        .addColumn('user_id', 'text')
        .addColumn('demo', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
      // Files from before operations existed have sessions without the person's id, and files from
      // before demo sessions were told apart have no demo flag.
      const sessions = (await db.introspection.getTables()).find((table) => table.name === 'sessions');
      if (!sessions?.columns.some((column) => column.name === 'user_id')) {
        await db.schema.alterTable('sessions').addColumn('user_id', 'text').execute();
      }
      if (!sessions?.columns.some((column) => column.name === 'demo')) {
        await db.schema
          .alterTable('sessions')
          .addColumn('demo', 'integer', (col) => col.notNull().defaultTo(0))
          .execute();
      }
      await db.schema
        .createIndex('sessions_user')
        .ifNotExists()
        .on('sessions')
        .columns(['user_id', 'last_seen_at'])
        .execute();
    },
  };
}
