import type { Kysely, Migration } from 'kysely';

/**
 * What several instances on one database need: who runs each operation and until when (a lease
 * its holder renews), and who is refreshing a session's OAuth tokens.
 */
export const instanceLeases: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('operations').addColumn('lease_owner', 'text').execute();
    await db.schema.alterTable('operations').addColumn('lease_until', 'bigint').execute();
    await db.schema.alterTable('sessions').addColumn('refreshing_until', 'bigint').execute();
  },
};
