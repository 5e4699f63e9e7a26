import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../config.ts';
import { startServer } from '../start-server.ts';

/**
 * The server the browser tests run against: the real one, on the demo seed, with a database that
 * exists only for this run (`E2E_DATA_DIR`, emptied first, or a new temporary directory). Jobs keep
 * a small per-item pause so progress is observable.
 */
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'roster-e2e-'));
rmSync(dataDir, { recursive: true, force: true });
const config = readConfig({
  SANDBOX_JOB_ITEM_DELAY_MS: '15',
  SANDBOX_RATE_LIMIT: '100000',
  LOG_REQUESTS: 'false',
  SANDBOX_BOX_RATE_LIMIT: '100000',
  ...process.env,
  DATA_DIR: dataDir,
});
const server = await startServer(config, (line) => console.log(line));
console.log(`e2e server on ${server.url} with data in ${dataDir}`);

const stop = async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
