import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import type { DemoIdentityKey } from '../src/contract/roster-session.ts';
import { BOX_DEMO_OAUTH_CLIENT } from '../src/server/sandbox/box/box-demo-identities.ts';
import { DEMO_API_TOKEN, DEMO_OAUTH_CLIENT } from '../src/server/sandbox/demo-identities.ts';
import { SANDBOX_SERVER_DATA_DIR } from './e2e-env.ts';

type Seen = { url: string; text: string };

type Fixtures = {
  /** The demo identity each test's browser is signed in as before it starts; null for none. */
  signInAs: DemoIdentityKey | null;
};

type WorkerFixtures = {
  /** Every response header and body any browser page received in this worker. */
  seenByBrowser: Seen[];
};

/** Every credential the sandbox server knows of at the end of the run: none may reach a browser. */
function issuedCredentials(): string[] {
  const file = join(SANDBOX_SERVER_DATA_DIR, 'sandbox.sqlite');
  const secrets = [DEMO_API_TOKEN, DEMO_OAUTH_CLIENT.secret, BOX_DEMO_OAUTH_CLIENT.secret];
  expect(existsSync(file), `the sandbox server's database at ${file}`).toBe(true);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const table of [
      'oauth_tokens',
      'oauth_refresh_tokens',
      'box_oauth_tokens',
      'box_oauth_refresh_tokens',
    ]) {
      const rows = db.prepare(`SELECT token FROM ${table}`).all() as { token: string }[];
      secrets.push(...rows.map((row) => row.token));
    }
  } finally {
    db.close();
  }
  return secrets;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  signInAs: ['admin', { option: true }],

  seenByBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from the pattern.
    async ({}, use) => {
      const seen: Seen[] = [];
      await use(seen);
      const credentials = issuedCredentials();
      const leaks = seen.flatMap(({ url, text }) =>
        credentials.filter((credential) => text.includes(credential)).map(() => url),
      );
      expect(leaks, `credentials reached the browser in ${seen.length} responses`).toEqual([]);
    },
    { scope: 'worker', auto: true },
  ],

  context: async ({ context, signInAs, seenByBrowser }, use) => {
    const assetsSeen = new Set<string>();
    const recording: Promise<void>[] = [];
    context.on('response', (response) => {
      const url = response.url();
      if (url.includes('/assets/') && assetsSeen.has(url)) return;
      assetsSeen.add(url);
      recording.push(
        (async () => {
          const headers = await response.allHeaders();
          // An event stream's body ends only when the page does; its events are operations, read by the tests.
          const body = headers['content-type']?.startsWith('text/event-stream')
            ? ''
            : await response.text().catch(() => '');
          seenByBrowser.push({ url, text: `${JSON.stringify(headers)}\n${body}` });
        })().catch(() => {}),
      );
    });
    if (signInAs) {
      const response = await context.request.post('/roster/session/demo', { data: { identity: signInAs } });
      expect(response.status(), `signing in as ${signInAs}`).toBe(200);
    }
    await use(context);
    await Promise.all(recording);
  },
});

export { expect };
