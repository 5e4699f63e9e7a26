import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../config.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES, type DemoIdentityKey } from '../sandbox/demo-identities.ts';
import { startServer } from '../start-server.ts';

export type TestServer = {
  url: string;
  /** e.g. `http://127.0.0.1:43123/sandbox/api/v2` */
  apiUrl: string;
  dataDir: string;
  /** Calls the sandbox directly as one of the demo identities (admin by default). */
  api(path: string, init?: RequestInit & { as?: DemoIdentityKey | { authorization: string } }): Promise<Response>;
  close(): Promise<void>;
};

export function basicAuthFor(identity: DemoIdentityKey): string {
  return `Basic ${Buffer.from(`${DEMO_IDENTITIES[identity].email}/token:${DEMO_API_TOKEN}`).toString('base64')}`;
}

/**
 * The real server on a free loopback port with a fresh database in a temporary directory: what
 * API tests talk to over HTTP. Jobs run without the per-item pause unless asked.
 */
export async function startTestServer(environment: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-test-'));
  const config = readConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    SANDBOX_SEED_SCALE: 'tiny',
    SANDBOX_JOB_ITEM_DELAY_MS: '0',
    SANDBOX_RATE_LIMIT: '100000',
    ...environment,
  });
  const server = await startServer(config, () => {});
  const apiUrl = server.sandboxApiUrl as string;
  return {
    url: server.url,
    apiUrl,
    dataDir,
    api(path, init = {}) {
      const { as = 'admin', ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has('authorization')) {
        headers.set('authorization', typeof as === 'string' ? basicAuthFor(as) : as.authorization);
      }
      if (rest.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${apiUrl}${path}`, { ...rest, headers });
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
