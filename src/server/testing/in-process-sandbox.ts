import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Upstream } from '../proxy/upstream.ts';
import { BOX_DEMO_IDENTITIES } from '../sandbox/box/box-demo-identities.ts';
import { createSandbox } from '../sandbox/create-sandbox.ts';
import { type Faults, NO_FAULTS } from '../sandbox/http/fault-injection.ts';
import { basicAuthFor, makeDataDir } from './test-server.ts';

const BASE_URL = 'http://sandbox.test/sandbox';

export type InProcessSandbox = {
  /** Zendesk's API (`/api/v2`) and Box's (`/2.0`), answered in this process without a socket. */
  zendesk: Upstream;
  box: Upstream;
  /** Makes the provider's sandbox fail requests as `faults` says, until replaced. */
  setFaults(provider: 'zendesk' | 'box', faults: Partial<Faults>): Promise<void>;
  close(): Promise<void>;
};

/**
 * A fresh tiny sandbox (Zendesk and Box, one SQLite file) whose jobs run without the per-item
 * pause: what a unit test of the operations engine talks to, as fast as a function call.
 */
export function startInProcessSandbox(): InProcessSandbox {
  const dataDir = makeDataDir();
  const sandbox = createSandbox({
    databaseFile: join(dataDir, 'sandbox.sqlite'),
    basePath: '/sandbox',
    seedScale: 'tiny',
    itemDelayMs: 0,
    rateLimitPerMinute: 100_000,
    boxRateLimitPerMinute: 100_000,
    maxActiveJobs: 30,
    faults: NO_FAULTS,
    log: () => {},
    boxAccessTokenSeconds: 3600,
  });
  const fetch = (request: Request) => sandbox.app.fetch(request);
  return {
    zendesk: { baseUrl: BASE_URL, fetch },
    box: { baseUrl: `${BASE_URL}/box`, fetch },
    async setFaults(provider, faults) {
      const response = await fetch(
        new Request(provider === 'box' ? `${BASE_URL}/box/_sandbox/faults` : `${BASE_URL}/_sandbox/faults`, {
          method: 'PUT',
          headers: {
            authorization:
              provider === 'box' ? `Bearer ${BOX_DEMO_IDENTITIES.admin.token}` : basicAuthFor('admin'),
            'content-type': 'application/json',
          },
          body: JSON.stringify({ faults: { ...NO_FAULTS, ...faults } }),
        }),
      );
      if (!response.ok)
        throw new Error(`Setting the ${provider} sandbox's faults answered ${response.status}`);
    },
    async close() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
