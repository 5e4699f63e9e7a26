import type { Kysely, Migration } from 'kysely';

/**
 * Operations whose items do different things (an import, the grid): each item says what it does,
 * and a default change keeps the default it replaced, so undo can put that one back.
 */
export const itemActions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('operation_items').addColumn('action', 'text').execute();
    await db.schema.alterTable('operation_items').addColumn('previous_default_id', 'text').execute();
  },
};
