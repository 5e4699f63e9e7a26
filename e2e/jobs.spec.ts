import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { agentsOutside, groupNamed, sandboxApi, waitForJob } from './sandbox-api.ts';

test.describe.configure({ mode: 'serial' });

async function addByIds(page: Page, groupId: number, ids: number[]) {
  await page.goto(`/groups/${groupId}`);
  await page.getByRole('button', { name: 'Add agents' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Or paste emails or user ids').fill(ids.join('\n'));
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('button', { name: `Add ${ids.length} agents` }).click();
}

test('follows a 250-item operation in the tray to a toast, then shows its results on the Jobs pages', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Escalations Americas');
  const agents = await agentsOutside(api, group.id, 250);
  await addByIds(
    page,
    group.id,
    agents.map((agent) => agent.id),
  );
  const label = 'Add 250 agents to Escalations Americas';
  const trayItem = page
    .getByRole('complementary', { name: 'Bulk jobs' })
    .getByTestId('tray-item')
    .filter({ hasText: label });
  await expect(trayItem).toBeVisible();
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const text = (await trayItem.locator('.progress-text').textContent()) ?? '';
    seen.add(text.split(' /')[0] ?? '');
    if (text.startsWith('250 /')) break;
    await page.waitForTimeout(50);
  }
  expect(seen.size).toBeGreaterThan(2);
  const toast = page.locator('.toast').filter({ hasText: label });
  await expect(toast).toContainText('all 250 succeeded');
  await expect(trayItem).toContainText('Completed · 3/3 jobs');
  await expect(page.getByTestId('tray-announcement')).toHaveText(`${label}: done, all 250 succeeded.`);
  await toast.getByRole('link', { name: 'View results' }).click();
  await expect(page.getByRole('heading', { name: label })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Results' })).toContainText('Succeeded');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download results (CSV)' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(csv.split('\r\n')).toHaveLength(252);
  expect(csv).toContain(`${agents[0]?.name} to Escalations Americas,Add,Succeeded`);

  await page.getByRole('link', { name: 'Jobs' }).first().click();
  await expect(page.getByTestId('operation-line').filter({ hasText: label })).toContainText('Completed');
  await page.getByRole('button', { name: 'Running' }).click();
  await expect(page).toHaveURL(/show=running/);
  await expect(page.getByTestId('operation-line').filter({ hasText: label })).toHaveCount(0);
});

test('lists jobs other clients started and shows their per-item results', async ({ page, request }) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Onboarding');
  const [agent] = await agentsOutside(api, group.id, 1);
  const { job_status } = await api.post<{ job_status: { id: string } }>('/group_memberships/create_many', {
    group_memberships: [
      { user_id: agent?.id, group_id: group.id },
      { user_id: 999999999, group_id: group.id },
    ],
  });
  await waitForJob(api, job_status.id);
  await page.goto('/jobs');
  const jobs = page.getByRole('table', { name: 'Account jobs' });
  await expect(jobs).toContainText(job_status.id);
  await jobs.locator(`[data-row-id="${job_status.id}"]`).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Bulk Create Group Memberships' })).toBeVisible();
  const results = page.getByRole('table', { name: 'Results' });
  await expect(results).toContainText('User 999999999 does not exist');
  await expect(results).toContainText('Succeeded');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy failed as CSV' }).click();
  await expect(page.getByText('Copied 1 failed item as CSV.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'User 999999999 does not exist',
  );
});

test('polls from one tab only when two are open, and both show the same progress', async ({
  context,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Tier 1 Support Americas');
  const agents = await agentsOutside(api, group.id, 250);
  const first = await context.newPage();
  const second = await context.newPage();
  const polls = { first: 0, second: 0 };
  first.on('request', (r) => {
    if (r.url().includes('/job_statuses/show_many')) polls.first++;
  });
  second.on('request', (r) => {
    if (r.url().includes('/job_statuses/show_many')) polls.second++;
  });
  await second.goto('/jobs');
  await addByIds(
    first,
    group.id,
    agents.map((agent) => agent.id),
  );
  const label = 'Add 250 agents to Tier 1 Support Americas';
  for (const page of [first, second]) {
    await expect(
      page
        .getByRole('complementary', { name: 'Bulk jobs' })
        .getByTestId('tray-item')
        .filter({ hasText: label }),
    ).toContainText('Completed · 3/3 jobs', { timeout: 30_000 });
  }
  await expect(second.getByTestId('operation-line').filter({ hasText: label })).toContainText('Completed');
  expect(polls.first + polls.second).toBeGreaterThan(0);
  expect(Math.min(polls.first, polls.second)).toBe(0);
});
