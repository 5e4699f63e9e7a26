import type { Browser } from '@playwright/test';
import { spawnServer } from '../src/server/testing/spawned-server.ts';
import { createTestDatabase, TEST_DATABASE_URL } from '../src/server/testing/test-stores.ts';
import { type BulkAdd, measureBulkAdd } from './bulk-add.ts';
import type { Dataset } from './dataset.ts';
import type { BenchScale } from './options.ts';
import { cachedSeed, copyIntoDataDir } from './seeded-database.ts';

export const POSTGRES_SKIPPED =
  'The 1,000-agent add with PostgreSQL as the store is skipped: set TEST_DATABASE_URL to a role that may create databases';

/**
 * The same add as on SQLite, on a server whose store is a new PostgreSQL database (the sandbox
 * stays on SQLite: it imitates Zendesk and is not part of the store), on its own copy of the seed.
 * Undefined when no PostgreSQL server is available.
 */
export async function measureBulkAddOnPostgres(
  browser: Browser,
  scale: BenchScale,
  target: Dataset['addTarget'],
  itemDelayMs: number,
  log: (line: string) => void,
): Promise<BulkAdd | undefined> {
  if (!TEST_DATABASE_URL) return undefined;
  const data = copyIntoDataDir(cachedSeed(scale, log));
  const database = await createTestDatabase();
  try {
    const server = await spawnServer(
      {
        DATA_DIR: data.dataDir,
        DATABASE_URL: database.url,
        SESSION_SECRET: 'the bench server’s session secret, 32+ chars',
        SANDBOX_JOB_ITEM_DELAY_MS: String(itemDelayMs),
        SANDBOX_RATE_LIMIT: '1000000000',
        SANDBOX_IDENTITY: 'admin',
        LOG_REQUESTS: 'false',
      },
      120_000,
    );
    try {
      return await measureBulkAdd(browser, server.url, data.databaseFile, target, itemDelayMs);
    } finally {
      await server.close();
    }
  } finally {
    await database.drop();
    data.remove();
  }
}
