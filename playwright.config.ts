import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { BOX_OAUTH_SERVER, SANDBOX_SERVER, SANDBOX_SERVER_DATA_DIR, UPSTREAM_SERVER } from './e2e/e2e-env.ts';
import { BOX_DEMO_OAUTH_CLIENT } from './src/server/sandbox/box/box-demo-identities.ts';
import { DEMO_OAUTH_CLIENT } from './src/server/sandbox/demo-identities.ts';

/** Playwright cannot download its own browser on every machine; Debian's Chromium is used where installed. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  use: {
    baseURL: SANDBOX_SERVER.url,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath && { executablePath }),
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: (
    [
      {
        port: SANDBOX_SERVER.port,
        env: { E2E_DATA_DIR: SANDBOX_SERVER_DATA_DIR },
      },
      {
        port: UPSTREAM_SERVER.port,
        env: {
          ZENDESK_URL: `${SANDBOX_SERVER.url}/sandbox`,
          ZENDESK_OAUTH_CLIENT_ID: DEMO_OAUTH_CLIENT.identifier,
          ZENDESK_OAUTH_CLIENT_SECRET: DEMO_OAUTH_CLIENT.secret,
        },
      },
      {
        port: BOX_OAUTH_SERVER.port,
        env: {
          SANDBOX_SEED_SCALE: 'tiny',
          BOX_CLIENT_ID: BOX_DEMO_OAUTH_CLIENT.identifier,
          BOX_CLIENT_SECRET: BOX_DEMO_OAUTH_CLIENT.secret,
          BOX_API_URL: `${SANDBOX_SERVER.url}/sandbox/box`,
          BOX_AUTHORIZE_URL: `${SANDBOX_SERVER.url}/sandbox/box/oauth2/authorize`,
        },
      },
    ] as { port: number; env: Record<string, string> }[]
  ).map((server) => ({
    command: 'node --import tsx src/server/testing/e2e-server.ts',
    url: `http://127.0.0.1:${server.port}/roster/connection`,
    env: { PORT: String(server.port), ...server.env },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
