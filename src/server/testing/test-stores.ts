import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreLocation } from '../store/roster-database.ts';
import { makeDataDir } from './test-server.ts';

/**
 * The PostgreSQL server tests may use (`.ci/run` starts one and sets it): a role allowed to create
 * databases. Without it the PostgreSQL tests are skipped, and say so in their names.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const POSTGRES_MISSING = 'skipped: no PostgreSQL, set TEST_DATABASE_URL';

export type TestDatabase = { url: string; drop(): Promise<void> };

/** A new, empty database on the test server, for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error(`PostgreSQL tests need TEST_DATABASE_URL`);
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export type StoreBackend = {
  name: 'SQLite' | 'PostgreSQL';
  available: boolean;
  /** A fresh, empty store; `dispose()` deletes it. */
  create(): Promise<{ location: StoreLocation; dataDir: string; dispose(): Promise<void> }>;
};

/** Every backend the store's tests run against: SQLite always, PostgreSQL when a server is there. */
export const STORE_BACKENDS: readonly StoreBackend[] = [
  {
    name: 'SQLite',
    available: true,
    async create() {
      const dataDir = makeDataDir();
      return {
        location: { kind: 'sqlite', file: join(dataDir, 'roster.sqlite') },
        dataDir,
        dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    available: TEST_DATABASE_URL !== undefined,
    async create() {
      const dataDir = makeDataDir();
      const database = await createTestDatabase();
      return {
        location: { kind: 'postgres', url: database.url },
        dataDir,
        async dispose() {
          await database.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];

/** A title for tests that need PostgreSQL, with the reason when they are skipped. */
export function onPostgres(what: string): string {
  return TEST_DATABASE_URL ? what : `${what} (${POSTGRES_MISSING})`;
}

/** A describe block's title for a backend, with the reason when it is skipped. */
export function onBackend(what: string, backend: StoreBackend): string {
  return `${what} on ${backend.name}${backend.available ? '' : ` (${POSTGRES_MISSING})`}`;
}
