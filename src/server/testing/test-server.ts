import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../config.ts';
import { openDatabase, type SandboxDatabase } from '../sandbox/db/open-database.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES, type DemoIdentityKey } from '../sandbox/demo-identities.ts';
import { seedDatabase } from '../sandbox/seed/seed-database.ts';
import type { SeedScale } from '../sandbox/seed/seed-scales.ts';
import { startServer } from '../start-server.ts';

export type TestServer = {
  url: string;
  /** e.g. `http://127.0.0.1:43123/sandbox/api/v2` */
  apiUrl: string;
  dataDir: string;
  /** Calls the sandbox directly as one of the demo identities (admin by default). */
  api(
    path: string,
    init?: RequestInit & { as?: DemoIdentityKey | { authorization: string } },
  ): Promise<Response>;
  close(): Promise<void>;
};

export type TestServerOptions = {
  /** Start on this data directory (e.g. one made by `prepareDataDir`) instead of a fresh one. */
  dataDir?: string;
  /**
   * Runs on the freshly seeded database before the server opens it: for rows the API cannot make
   * quickly (a thousand memberships) or at all (a deleted group). Ignored with `dataDir`.
   */
  prepareDatabase?: (db: SandboxDatabase) => void;
  /** Leave the data directory in place on close, e.g. to start another server on it. */
  keepDataDir?: boolean;
  /** Receives the server's log lines (request lines only with `LOG_REQUESTS: 'true'`). */
  log?: (line: string) => void;
};

/** Where the server keeps the sandbox inside its DATA_DIR (see start-server.ts). */
export function sandboxDatabaseFile(dataDir: string): string {
  return join(dataDir, 'sandbox.sqlite');
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'roster-test-'));
}

/** A data directory holding a seeded sandbox database, changed by `prepareDatabase` before anyone opens it. */
export function prepareDataDir(
  prepareDatabase: (db: SandboxDatabase) => void,
  scale: SeedScale = 'tiny',
): string {
  const dataDir = makeDataDir();
  const db = openDatabase(sandboxDatabaseFile(dataDir));
  try {
    seedDatabase(db, { scale });
    prepareDatabase(db);
  } finally {
    db.close();
  }
  return dataDir;
}

export function basicAuthFor(identity: DemoIdentityKey): string {
  return `Basic ${Buffer.from(`${DEMO_IDENTITIES[identity].email}/token:${DEMO_API_TOKEN}`).toString('base64')}`;
}

/** `api()` of a test server: a path under the API root, called as a demo identity (admin by default). */
export function apiCaller(apiUrl: string): TestServer['api'] {
  return (path, init = {}) => {
    const { as = 'admin', ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has('authorization')) {
      headers.set('authorization', typeof as === 'string' ? basicAuthFor(as) : as.authorization);
    }
    if (rest.body !== undefined && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    return fetch(`${apiUrl}${path}`, { ...rest, headers });
  };
}

/**
 * The real server on a free loopback port with a fresh database in a temporary directory: what
 * API tests talk to over HTTP. Jobs run without the per-item pause unless asked.
 */
export async function startTestServer(
  environment: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir =
    options.dataDir ?? (options.prepareDatabase ? prepareDataDir(options.prepareDatabase) : makeDataDir());
  const config = readConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    SANDBOX_SEED_SCALE: 'tiny',
    SANDBOX_JOB_ITEM_DELAY_MS: '0',
    SANDBOX_RATE_LIMIT: '100000',
    // Requests through Roster's proxy act as the demo admin; `SANDBOX_IDENTITY: ''` turns on sign-in.
    SANDBOX_IDENTITY: 'admin',
    LOG_REQUESTS: 'false',
    ...environment,
  });
  const server = await startServer(config, options.log ?? (() => {}));
  const apiUrl = server.sandboxApiUrl as string;
  return {
    url: server.url,
    apiUrl,
    dataDir,
    api: apiCaller(apiUrl),
    async close() {
      await server.close();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
