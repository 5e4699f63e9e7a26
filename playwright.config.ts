import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Playwright cannot download its own browser on every machine; Debian's Chromium is used where installed. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
const port = Number(process.env.E2E_PORT ?? 4791);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  use: {
    baseURL,
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
  // The second server acts as the demo end user, for what an end user may see.
  webServer: (
    [
      { port, env: {} },
      { port: port + 1, env: { SANDBOX_IDENTITY: 'endUser' } },
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
