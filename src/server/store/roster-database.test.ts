import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { startServer } from '../start-server.ts';
import { freePort } from '../testing/spawned-server.ts';
import { makeDataDir } from '../testing/test-server.ts';
import { createTestDatabase, onPostgres, TEST_DATABASE_URL } from '../testing/test-stores.ts';
import { openRosterDatabase } from './roster-database.ts';

const SECRET = 'a session secret that is long enough';

/** Starts the real server with `DATABASE_URL`; what it throws is what `npm start` prints. */
async function startWith(databaseUrl: string): Promise<void> {
  const dataDir = makeDataDir();
  try {
    const server = await startServer(
      readConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        SANDBOX_SEED_SCALE: 'tiny',
        SANDBOX_IDENTITY: 'admin',
        LOG_REQUESTS: 'false',
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: SECRET,
      }),
      () => {},
    );
    await server.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('opening the store at start', () => {
  it('stops with a message naming DATABASE_URL when nothing answers there', async () => {
    const port = await freePort();
    const start = startWith(`postgres://roster:hunter2@127.0.0.1:${port}/roster`);
    await expect(start).rejects.toThrow(
      `DATABASE_URL: could not connect to PostgreSQL at roster@127.0.0.1:${port}/roster: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    await expect(start).rejects.not.toThrow(/hunter2/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)(onPostgres('opening a PostgreSQL store'), () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('stops with the server’s reason for a wrong password or an unknown database', async () => {
    const wrongPassword = new URL(TEST_DATABASE_URL ?? '');
    wrongPassword.password = 'not-the-password';
    await expect(startWith(wrongPassword.toString())).rejects.toThrow(
      /^DATABASE_URL: could not connect to PostgreSQL at .*: password authentication failed for user "roster"$/,
    );
    const unknown = new URL(TEST_DATABASE_URL ?? '');
    unknown.pathname = '/roster_no_such_database';
    await expect(startWith(unknown.toString())).rejects.toThrow(
      /DATABASE_URL: .*database "roster_no_such_database" does not exist/,
    );
  });

  it('migrates a new database once when several instances start together, and again is a no-op', async () => {
    const database = await createTestDatabase();
    drops.push(database.drop);
    const location = { kind: 'postgres', url: database.url } as const;
    const opened = await Promise.all([1, 2, 3].map(() => openRosterDatabase(location)));
    for (const each of opened) await each.close();
    const again = await openRosterDatabase(location);
    const applied = await sql<{ name: string }>`SELECT name FROM roster_migration ORDER BY name`.execute(
      again.db,
    );
    expect(applied.rows.map((row) => row.name)).toEqual([
      '001-initial-schema',
      '002-instance-leases',
      '003-item-actions',
      '004-operation-jobs',
    ]);
    await again.close();
  });
});
