import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_SERVER, SPARE_PORT, UPSTREAM_SERVER } from './e2e-env.ts';
import { expect, test } from './fixtures.ts';

test.use({ signInAs: null });

test('sends a signed-out visitor to sign-in and back to the page they asked for', async ({ page }) => {
  await page.goto('/organizations?q=Mega');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forganizations%3Fq%3DMega$/);
  await expect(page.getByText('Connected to the local sandbox')).toBeVisible();
  await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
  await expect(page).toHaveURL(/\/organizations\?q=Mega$/);
  await expect(page.locator('.signed-in-name')).toHaveText('Ada Admin');
});

test('signs in with OAuth through the sandbox consent page', async ({ page }) => {
  await page.goto('/users');
  await page.getByRole('link', { name: 'Sign in with Zendesk' }).click();
  await expect(page).toHaveURL(/\/sandbox\/oauth\/authorizations\/new\?/);
  await expect(page.getByText('Roster asks for read and write access')).toBeVisible();
  await page.getByRole('button', { name: /Grace Groupmanager/ }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.locator('.signed-in-name')).toHaveText('Grace Groupmanager');
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
});

test('signs in with OAuth against a Zendesk on another origin, as a real account would', async ({ page }) => {
  await page.goto(`${UPSTREAM_SERVER.url}/groups`);
  await expect(page).toHaveURL(`${UPSTREAM_SERVER.url}/sign-in?next=%2Fgroups`);
  await expect(page.getByText(/Connected to 127\.0\.0\.1:\d+\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Demo identities' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Sign in with Zendesk' }).click();
  await expect(page).not.toHaveURL(new RegExp(`^${UPSTREAM_SERVER.url}`));
  await page.getByRole('button', { name: /Ada Admin/ }).click();
  await expect(page).toHaveURL(`${UPSTREAM_SERVER.url}/groups`);
  await expect(page.locator('.connection')).toHaveText(new URL(SANDBOX_SERVER.url).host);
  await expect(page.getByText('60 groups')).toBeVisible();
});

test('explains a denied OAuth sign-in and keeps where the person was going', async ({ page }) => {
  await page.goto('/jobs');
  await page.getByRole('link', { name: 'Sign in with Zendesk' }).click();
  await page.getByRole('button', { name: 'Deny access' }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=denied&next=%2Fjobs$/);
  await expect(page.getByRole('alert')).toHaveText(
    'Sign-in was cancelled: Zendesk did not grant Roster access.',
  );
});

test('signs in with an email and API token, and says why a wrong one is refused', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByText('Sign in with an email and API token').click();
  await page.getByLabel('Email').fill('agent@roster.example');
  await page.getByLabel('API token').fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Zendesk did not accept that email and API token.');
  await page.getByLabel('API token').fill('roster-sandbox-token');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('.signed-in-name')).toHaveText('Alan Agent');
});

test('stops taking API tokens for an email after five wrong ones, and says so at once', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByText('Sign in with an email and API token').click();
  await page.getByLabel('Email').fill('end-user@roster.example');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('API token').fill(`wrong-token-${attempt}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Zendesk did not accept that email and API token.');
  }
  await page.getByLabel('API token').fill('roster-sandbox-token');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /^Too many failed sign-ins from this address or for this email; try again in \d+ seconds\.$/,
    { timeout: 3_000 },
  );
});

test('signs out on the server: the old cookie no longer opens the API', async ({ page, context }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
  await expect(page.locator('.signed-in-name')).toHaveText('Ada Admin');
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'roster_session', httpOnly: true, sameSite: 'Strict' });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.addCookies([{ ...cookie, name: 'roster_session', value: cookie?.value ?? '' }]);
  const replay = await context.request.get('/api/v2/users/me');
  expect(replay.status()).toBe(401);
});

test('returns to sign-in, then to the page that was clicked, when the session ends while the dashboard is open', async ({
  page,
}) => {
  // A slow page chunk lets the new page's reads meet the ended session before its page has loaded.
  await page.route(/\/assets\/organizations-page-[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto('/sign-in?next=/groups');
  await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
  await expect(page.getByText('60 groups')).toBeVisible();
  // Ended elsewhere: the cookie this page holds now names no session.
  await page.request.delete('/roster/session');
  await page.getByRole('link', { name: 'Organizations' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forganizations$/);
  await page.getByRole('button', { name: 'Sign in as Ada Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();
});

test.describe('with a server of its own', () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-e2e-restart-'));
  const url = `http://127.0.0.1:${SPARE_PORT}`;

  async function startServer() {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: String(SPARE_PORT), DATA_DIR: dataDir, LOG_REQUESTS: 'false' },
      stdio: 'ignore',
    });
    for (let attempt = 0; attempt < 150; attempt++) {
      const up = await fetch(`${url}/roster/connection`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The spare server did not start');
  }

  async function stopServer() {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  }

  test.afterAll(async () => {
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('keeps a person signed in across a server restart', async ({ page }) => {
    test.setTimeout(90_000);
    await startServer();
    await page.goto(`${url}/sign-in?next=/groups`);
    await page.getByRole('button', { name: 'Sign in as Grace Groupmanager' }).click();
    await expect(page.getByText('60 groups')).toBeVisible();
    await stopServer();
    await startServer();
    await page.reload();
    await expect(page).toHaveURL(`${url}/groups`);
    await expect(page.locator('.signed-in-name')).toHaveText('Grace Groupmanager');
    await expect(page.getByText('60 groups')).toBeVisible();
  });
});
