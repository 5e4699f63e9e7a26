import { expect, test } from './fixtures.ts';

test('loads the dashboard and shows the signed-in demo admin over the sandbox', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Roster' })).toBeVisible();
  await expect(page.locator('.connection')).toHaveText('Sandbox');
  await expect(page.locator('.signed-in-name')).toHaveText('Ada Admin');
  await expect(page.getByText('60 groups')).toBeVisible();
  expect(errors).toEqual([]);
});

test('shows a page-not-found message with a way back for an unknown address', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups' })).toBeVisible();
});

test('never hands the browser an API credential', async ({ page }) => {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    bodies.push(
      response.allHeaders().then(async (headers) => {
        // The event stream's body ends only with the page, so it is never all there to read.
        const streaming = headers['content-type']?.startsWith('text/event-stream');
        return `${JSON.stringify(headers)}\n${streaming ? '' : await response.text().catch(() => '')}`;
      }),
    );
  });
  await page.goto('/groups');
  await expect(page.locator('.signed-in-name')).toHaveText('Ada Admin');
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  const seen = (await Promise.all(bodies)).join('\n');
  expect(seen).toContain('Ada Admin');
  expect(seen).not.toContain('roster-sandbox-token');
  expect(seen).not.toMatch(/authorization/i);
});
