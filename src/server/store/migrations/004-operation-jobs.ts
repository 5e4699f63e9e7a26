import type { Kysely, Migration } from 'kysely';

/**
 * Which operation each Zendesk job was sent for, and which of its items in the order they were
 * sent (a job result's `index`), so the account's job list can name a result's person and target
 * after the job's chunk is gone.
 */
export const operationJobs: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('operation_jobs')
      .addColumn('job_id', 'text', (column) => column.primaryKey())
      .addColumn('operation_id', 'text', (column) => column.notNull())
      .addColumn('item_indexes', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('operation_jobs_by_operation')
      .on('operation_jobs')
      .column('operation_id')
      .execute();
  },
};
