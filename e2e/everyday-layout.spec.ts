import type { Page } from '@playwright/test';
import type { Operation } from '../src/contract/roster-operations.ts';
import { boxSandboxApi } from './box-sandbox-api.ts';
import { expect, test } from './fixtures.ts';
import { agentsOutside, groupNamed, organizationNamed, sandboxApi } from './sandbox-api.ts';

test.use({ viewport: { width: 768, height: 900 } });

/** How far the page scrolls sideways; 0 when everything fits the window. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('every route fits a 768 px window without scrolling the page sideways', async ({ page, request }) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Billing');
  const organization = await organizationNamed(api, 'Falcon Systems');
  const ada = (await api.get<{ users: { id: number }[] }>('/users/search?query=email:admin@roster.example'))
    .users[0];
  const [newcomer] = await agentsOutside(api, group.id, 1);
  const started = await page.request.post('/roster/operations', {
    data: { kind: 'group_memberships.create', people: { user_ids: [newcomer?.id] }, group_ids: [group.id] },
  });
  expect(started.status()).toBe(202);
  const operation = ((await started.json()) as { operation: Operation }).operation;
  const jobs = await api.get<{ job_statuses: { id: string }[] }>('/job_statuses');
  const box = boxSandboxApi(request);
  const boxGroup = (await box.get<{ entries: { id: string }[] }>('/groups?limit=1')).entries[0];
  const boxMember = boxGroup ? (await box.members(boxGroup.id))[0] : undefined;

  const routes = [
    '/groups',
    `/groups/${group.id}`,
    '/organizations',
    `/organizations/${organization.id}`,
    '/users',
    `/users/${ada?.id}`,
    '/history',
    `/history/${operation.id}`,
    ...(jobs.job_statuses[0] ? [`/history/zendesk-jobs/${jobs.job_statuses[0].id}`] : []),
    '/box/groups',
    `/box/groups/${boxGroup?.id}`,
    '/box/users',
    `/box/users/${boxMember?.user.id}`,
    '/no-such-page',
  ];
  const overflowing: string[] = [];
  for (const route of routes) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const extra = await sidewaysScroll(page);
    if (extra > 0) overflowing.push(`${route}: ${extra}px`);
  }
  expect(overflowing).toEqual([]);
});

test('a wide table scrolls inside itself at 768 px, with the name column kept in view', async ({ page }) => {
  await page.goto('/users');
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table).toContainText('Ada Admin');
  const scroller = page.locator('.vt-scroll').first();
  const name = table.locator('tbody tr').first().locator('td').nth(1);
  const before = await name.boundingBox();
  await scroller.evaluate((element) => element.scrollBy({ left: 300 }));
  const after = await name.boundingBox();
  expect(after?.x).toBe(before?.x);
  expect(await sidewaysScroll(page)).toBe(0);
});
