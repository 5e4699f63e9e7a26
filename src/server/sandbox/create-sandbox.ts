import { rmSync } from 'node:fs';
import { BOX_DEMO_OAUTH_CLIENT } from './box/box-demo-identities.ts';
import { createBoxSandboxApp } from './box/box-sandbox-app.ts';
import { seedBox } from './box/seed/seed-box.ts';
import { openDatabase, readMeta } from './db/open-database.ts';
import { DEMO_OAUTH_CLIENT } from './demo-identities.ts';
import { FaultInjector, type Faults } from './http/fault-injection.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { JobWorker } from './jobs/job-worker.ts';
import { createCursorCodec } from './pagination/cursor-codec.ts';
import { loadCursorKey } from './pagination/cursor-key.ts';
import { createSandboxApp } from './sandbox-app.ts';
import { seedDatabase, seedStreams } from './seed/seed-database.ts';
import { isSeedScale } from './seed/seed-scales.ts';
import { grantStore } from './store/oauth-grants.ts';

export type SandboxConfig = {
  databaseFile: string;
  basePath: string;
  seedScale: 'tiny' | 'demo' | 'large';
  itemDelayMs: number;
  rateLimitPerMinute: number;
  boxRateLimitPerMinute: number;
  maxActiveJobs: number;
  faults: Faults;
  log: (message: string) => void;
  /** Callbacks Roster's OAuth client may use besides the loopback ones. */
  oauthRedirectUris?: readonly string[];
  /** The same for Roster's Box OAuth client. */
  boxOAuthRedirectUris?: readonly string[];
  /** How long the Box sandbox's OAuth access tokens last (Box's are an hour). */
  boxAccessTokenSeconds: number;
};

export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

/** Opens (and on first run seeds) the database, starts the job worker and builds the API. */
export function createSandbox(config: SandboxConfig) {
  let db = openDatabase(config.databaseFile);
  const userCount = (db.prepare('SELECT count(*) AS count FROM users').get() as { count: number }).count;
  if (userCount > 0 && readMeta(db, 'seed_complete') === undefined) {
    config.log('The sandbox database was left half-seeded by an interrupted start; seeding it again.');
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.databaseFile}${suffix}`, { force: true });
    db = openDatabase(config.databaseFile);
  }
  if (userCount === 0 || readMeta(db, 'seed_complete') === undefined) {
    const started = performance.now();
    seedDatabase(db, { scale: config.seedScale });
    config.log(`Seeded the sandbox (${config.seedScale}) in ${Math.round(performance.now() - started)} ms`);
  }
  grantStore(db, '').ensureDemoClient(DEMO_OAUTH_CLIENT, config.oauthRedirectUris);
  grantStore(db, 'box_').ensureDemoClient(BOX_DEMO_OAUTH_CLIENT, config.boxOAuthRedirectUris);
  if (db.prepare('SELECT count(*) FROM box_users').pluck().get() === 0) {
    // A database seeded before the Box sandbox existed gets Box's demo data at its own scale.
    const scale = readMeta(db, 'seed_scale') ?? config.seedScale;
    seedBox(db, isSeedScale(scale) ? scale : config.seedScale, seedStreams());
    config.log('Added the Box sandbox data to an existing database');
  }
  const worker = new JobWorker(db, { itemDelayMs: config.itemDelayMs, log: config.log });
  const jobs = new JobQueue(db, worker, {
    maxActiveJobs: config.maxActiveJobs,
    itemDelayMs: config.itemDelayMs,
  });
  const faults = new FaultInjector(config.faults);
  const app = createSandboxApp({
    db,
    jobs,
    faults,
    basePath: config.basePath,
    rateLimitPerMinute: config.rateLimitPerMinute,
    cursors: createCursorCodec(loadCursorKey(db)),
    log: config.log,
  });
  const box = createBoxSandboxApp({
    db,
    basePath: `${config.basePath}/box`,
    rateLimitPerMinute: config.boxRateLimitPerMinute,
    accessTokenSeconds: config.boxAccessTokenSeconds,
    faults: config.faults,
    log: config.log,
  });
  const boxPrefix = `${config.basePath}/box/`;
  worker.start();
  return {
    /** Zendesk's API under `{basePath}/api/v2`, Box's under `{basePath}/box/2.0`. */
    app: {
      fetch: (request: Request) =>
        new URL(request.url).pathname.startsWith(boxPrefix) ? box.fetch(request) : app.fetch(request),
    },
    db,
    async close() {
      await worker.stop();
      db.close();
    },
  };
}
