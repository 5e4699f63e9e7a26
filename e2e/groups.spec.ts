import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { addByPasting, operationPanel, startFrom } from './roster-ui.ts';
import {
  agentsOutside,
  allPages,
  groupNamed,
  memberListRequests,
  sandboxApi,
  waitForJob,
} from './sandbox-api.ts';

test.describe.configure({ mode: 'serial' });

test.afterEach(async ({ request }) => {
  await sandboxApi(request).delete('/_sandbox/faults');
});

async function openAddDialog(page: Page) {
  await page.getByRole('button', { name: 'Add agents' }).click();
  return page.getByRole('dialog');
}

test('browses groups, searches by name and opens one', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByText('60 groups')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search groups by name' }).fill('Bill');
  await expect(page).toHaveURL(/\?q=Bill/);
  const names = page.getByRole('table', { name: 'Groups' }).getByRole('link');
  await expect(names.first()).toBeVisible();
  for (const name of await names.allTextContents()) expect(name.toLowerCase()).toContain('bill');
  await page.getByRole('link', { name: 'Billing', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Billing', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Group members' })).toBeVisible();
});

test('scrolls a 1,000-member group to the end, seeing each member once with few rows in the DOM', async ({
  page,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Overflow Queue');
  const listRequests = memberListRequests(page, group.id);
  await page.goto(`/groups/${group.id}`);
  await expect(page.getByTestId('member-total')).toContainText(/1,000 members/);
  const table = page.getByRole('table', { name: 'Group members' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Scrolled before hydration, the server's plain table hands over to the virtual one mid-scroll
  // and rows can pass unseen (the page now paints before its stylesheet or scripts arrive).
  await expect(page.locator('.vt-flow')).toHaveCount(0);

  const seen = new Set<string>();
  let maxRowsInDom = 0;
  for (let step = 0; step < 400 && seen.size < 1000; step++) {
    const ids = await table
      .locator('[data-row-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')));
    maxRowsInDom = Math.max(maxRowsInDom, ids.length);
    for (const id of ids) if (id) seen.add(id);
    await table.evaluate((element) => element.parentElement?.scrollBy(0, 400));
    await page.waitForTimeout(20);
  }
  expect(seen.size).toBe(1000);
  expect(maxRowsInDom).toBeLessThanOrEqual(60);
  // The first of the 10 pages came in the server's HTML; the browser read the other 9, each once.
  expect(listRequests).toHaveLength(9);
  expect(new Set(listRequests).size).toBe(9);
  expect(listRequests.every((url) => url.includes('page[after]'))).toBe(true);
});

test('scrolls back to the top of a group longer than the window of pages in one request and sees the first member again', async ({
  page,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Overflow Queue');
  const listRequests = memberListRequests(page, group.id);
  const backward = () => listRequests.filter((url) => url.includes('page[before]'));
  await page.goto(`/groups/${group.id}`);
  const table = page.getByRole('table', { name: 'Group members' });
  const firstRow = table.locator('tbody tr[aria-rowindex="2"]');
  const firstId = await firstRow.getAttribute('data-row-id');
  const firstName = await firstRow.getByRole('cell').nth(1).textContent();
  expect(firstId).toBeTruthy();

  const lastRow = table.locator('tbody tr[aria-rowindex="1001"][data-row-id]');
  for (let step = 0; step < 400 && (await lastRow.count()) === 0; step++) {
    await table.evaluate((element) => element.parentElement?.scrollBy(0, 2000));
    await page.waitForTimeout(20);
  }
  await expect(lastRow).toBeVisible();
  // The first pages left the window on the way down: nothing of them is in the DOM or the cache.
  expect(backward()).toHaveLength(0);

  const beforeTop = listRequests.length;
  await table.evaluate((element) => element.parentElement?.scrollTo(0, 0));
  await expect(table.locator(`tbody tr[aria-rowindex="2"][data-row-id="${firstId}"]`)).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText(firstName ?? '');
  // Back at the top in one request for the first page, not one per page passed on the way.
  const toTop = listRequests.slice(beforeTop);
  expect(toTop).toHaveLength(1);
  expect(toTop[0]).not.toMatch(/page\[(before|after)\]/);
  expect(backward()).toHaveLength(0);
  expect(await table.locator('tbody tr').count()).toBeLessThanOrEqual(60);
});

test('adds 150 agents by pasted emails: the server runs two jobs, the page shows one progress bar to 100 %', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Onboarding');
  const before = (await allPages(api, `/groups/${group.id}/memberships`, 'group_memberships')).length;
  const agents = await agentsOutside(api, group.id, 150);
  const browserWrites: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') browserWrites.push(new URL(r.url()).pathname);
  });

  await page.goto(`/groups/${group.id}`);
  const operation = await addByPasting(page, {
    open: 'Add agents',
    text: agents.map((a) => a.email).join('\n'),
    summary: '150 to add, 0 already members',
    start: 'Add 150 agents',
  });

  const panel = operationPanel(page, 'Add 150 agents to Onboarding');
  await expect(panel.getByRole('status')).toContainText('Completed — 150 succeeded, 0 failed', {
    timeout: 30_000,
  });
  // Finished without failures, the panel folds to its line; its details open on request.
  await panel.getByRole('button', { name: 'Details' }).click();
  await expect(panel).toContainText('150 / 150 (100%)');
  await expect(panel).toContainText('2 jobs · by Ada Admin');
  // One progress display: the page shows it, so the tray does not.
  await expect(page.getByTestId('tray-item')).toHaveCount(0);
  expect(browserWrites).toEqual(['/roster/operations/plan', '/roster/operations']);
  expect(operation.counts.total).toBe(150);
  await expect(page.getByTestId('member-total')).toContainText(
    `${(before + 150).toLocaleString('en-US')} members`,
  );
  await expect(page.getByRole('table', { name: 'Group members' })).toContainText(agents[0]?.name ?? '');
});

test('removes 120 members selected with "select all", sent as the list, after a review that names them and warns about tickets', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Escalations APAC');
  const existing = await allPages<{ id: number }>(
    api,
    `/groups/${group.id}/memberships`,
    'group_memberships',
  );
  if (existing.length > 0) {
    const { job_status } = await api.delete<{ job_status: { id: string } }>(
      `/group_memberships/destroy_many?ids=${existing.map((m) => m.id).join(',')}`,
    );
    await waitForJob(api, job_status.id);
  }
  const agents = await agentsOutside(api, group.id, 120);
  for (const chunk of [agents.slice(0, 100), agents.slice(100)]) {
    const { job_status } = await api.post<{ job_status: { id: string } }>('/group_memberships/create_many', {
      group_memberships: chunk.map((agent) => ({ user_id: agent.id, group_id: group.id })),
    });
    await waitForJob(api, job_status.id);
  }

  await page.goto(`/groups/${group.id}`);
  await expect(page.getByTestId('member-total')).toContainText('120 members');
  await page.getByRole('checkbox', { name: 'Select all loaded members' }).check();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('100 members selected');
  await bar.getByRole('button', { name: 'Select all 120 members' }).click();
  await expect(bar).toContainText('120 members selected');
  const planned = page.waitForRequest((r) => r.url().endsWith('/roster/operations/plan'));
  await bar.getByRole('button', { name: 'Remove selected' }).click();
  // "Select all" goes to the server as the list, never as 120 ids.
  expect((await planned).postDataJSON()).toEqual({
    kind: 'group_memberships.destroy',
    memberships: { from: 'list', list_id: group.id },
  });

  const dialog = page.getByRole('dialog', { name: 'Remove 120 members?' });
  await expect(dialog.getByTestId('plan-summary')).toContainText('120 to remove');
  await expect(dialog).toContainText(
    "Zendesk unassigns the removed agents' open tickets in Escalations APAC",
  );
  await expect(dialog.getByRole('list', { name: 'To remove' })).toContainText(agents[0]?.name ?? '');
  await startFrom(page, dialog.getByRole('button', { name: 'Remove 120' }));
  const panel = operationPanel(page, 'Remove 120 members from Escalations APAC');
  await expect(panel.getByRole('status')).toContainText('120 succeeded, 0 failed', { timeout: 30_000 });
  await expect(page.getByText('No one is in this group yet.')).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveCount(0);
});

test('shows a failed item with Zendesk’s reason and retries only that one', async ({ page, request }) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Tier 1 Support APAC');
  const [first, second, third] = await agentsOutside(api, group.id, 3);
  if (!first || !second || !third) throw new Error('not enough agents');

  await page.goto(`/groups/${group.id}`);
  const dialog = await openAddDialog(page);
  await dialog.getByLabel('Or paste emails or user ids').fill(`${first.email}, ${second.email}, ${third.id}`);
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByTestId('plan-summary')).toContainText('3 to add');
  // Someone else adds the second agent between the review and the start: that item fails as a duplicate.
  const created = await api.post<{ group_membership: { id: number } }>('/group_memberships', {
    group_membership: { user_id: second.id, group_id: group.id },
  });
  await startFrom(page, dialog.getByRole('button', { name: 'Add 3 agents' }));

  const panel = operationPanel(page, 'Add 3 agents to Tier 1 Support APAC');
  await expect(panel.getByRole('status')).toContainText('Completed with failures — 2 succeeded, 1 failed', {
    timeout: 30_000,
  });
  await expect(panel.getByRole('status')).toContainText('⚠');
  const failures = panel.getByRole('list', { name: 'Failed items' });
  await expect(failures).toContainText(`${second.name} (${second.email}) → Tier 1 Support APAC`);
  await expect(failures).toContainText('(DuplicateValue)');

  await api.delete(`/group_memberships/${created.group_membership.id}`);
  await panel.getByRole('button', { name: 'Retry 1 failed' }).click();
  await expect(panel.getByRole('status')).toContainText('3 succeeded, 0 failed', { timeout: 30_000 });
  const members = await allPages<{ user_id: number }>(
    api,
    `/groups/${group.id}/memberships`,
    'group_memberships',
  );
  expect(members.filter((m) => m.user_id === second.id)).toHaveLength(1);
});

test('keeps tracking a job across a reload and sees it finish', async ({ page, request }) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Tier 1 Support EMEA');
  const agents = await agentsOutside(api, group.id, 150);
  await page.goto(`/groups/${group.id}`);
  await addByPasting(page, {
    open: 'Add agents',
    text: agents.map((a) => a.id).join(','),
    summary: '150 to add',
    start: 'Add 150 agents',
  });
  const panel = operationPanel(page, 'Add 150 agents to Tier 1 Support EMEA');
  await expect(panel).toContainText(/[1-9]\d* \/ 150/);
  await page.reload();
  await expect(panel.getByRole('status')).toContainText('150 succeeded, 0 failed', { timeout: 30_000 });
  const members = await allPages<{ user_id: number }>(
    api,
    `/groups/${group.id}/memberships`,
    'group_memberships',
  );
  const ids = new Set(members.map((m) => m.user_id));
  expect(agents.every((agent) => ids.has(agent.id))).toBe(true);
});

test('flips a default group at once and rolls it back when the sandbox refuses', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Overflow Queue');
  await page.goto(`/groups/${group.id}`);
  const table = page.getByRole('table', { name: 'Group members' });
  const makeDefault = page.getByRole('button', { name: /^Make this .* default group$/ });

  const firstRow = table.locator('[data-row-id]').filter({ has: makeDefault }).first();
  const rowId = await firstRow.getAttribute('data-row-id');
  await firstRow.getByRole('button', { name: /Make this/ }).click();
  await expect(table.locator(`[data-row-id="${rowId}"]`)).toContainText('Default');
  await expect
    .poll(
      async () =>
        (await api.get<{ group_membership: { default: boolean } }>(`/group_memberships/${rowId}`))
          .group_membership.default,
    )
    .toBe(true);

  await api.put('/_sandbox/faults', {
    faults: { rules: [{ method: 'PUT', path_contains: 'make_default', status: 500, times: 1 }] },
  });
  const secondRow = table.locator('[data-row-id]').filter({ has: makeDefault }).first();
  const secondId = await secondRow.getAttribute('data-row-id');
  await secondRow.getByRole('button', { name: /Make this/ }).click();
  await expect(page.getByRole('alert')).toContainText('The previous default is back');
  await expect(page.getByRole('alert')).toContainText('failed this request on purpose');
  await expect(
    table.locator(`[data-row-id="${secondId}"]`).getByRole('button', { name: /Make this/ }),
  ).toBeVisible();
  const stored = await api.get<{ group_membership: { default: boolean } }>(`/group_memberships/${secondId}`);
  expect(stored.group_membership.default).toBe(false);
});

test('lists pasted garbage, repeats, end users and unknown people instead of dropping them', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Tier 2 Support');
  const [agent] = await agentsOutside(api, group.id, 1);
  const endUsers = await api.get<{ users: { email: string }[] }>('/users?role=end-user&page[size]=2');
  await page.goto(`/groups/${group.id}`);
  const dialog = await openAddDialog(page);
  await dialog
    .getByLabel('Or paste emails or user ids')
    .fill(
      [
        agent?.email,
        agent?.email?.toUpperCase(),
        'hello world',
        'nobody@nowhere.example',
        '999999999',
        ...endUsers.users.map((u) => u.email),
        'agent@roster.example',
      ].join('\n'),
    );
  await dialog.getByRole('button', { name: 'Review' }).click();
  const summary = dialog.getByTestId('plan-summary');
  await expect(summary).toContainText(
    '1 to add, 1 already a member, 2 not agents, 2 unknown, 2 not an email or id, 1 repeated',
  );
  const skipped = dialog.getByRole('list', { name: 'Skipped entries' });
  await expect(skipped.getByRole('listitem').filter({ hasText: 'nobody@nowhere.example' })).toContainText(
    'Line 4',
  );
  await expect(skipped.getByRole('listitem').filter({ hasText: 'hello' })).toContainText('Line 3');
  await expect(dialog.getByRole('button', { name: 'Add 1 agent' })).toBeEnabled();
});

test('explains an unknown or malformed group address instead of showing a blank page', async ({ page }) => {
  await page.goto('/groups/999999999');
  await expect(page.getByRole('heading', { name: 'Group not found' })).toBeVisible();
  await page.goto('/groups/not-a-number');
  await expect(page.getByRole('heading', { name: 'No such group' })).toBeVisible();
});

test('shows an error with Retry when the sandbox keeps failing, and waits out a 429', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Billing');
  await api.put('/_sandbox/faults', {
    faults: {
      // One for the server's first render of the page, which leaves the failure to the browser; three for the browser's tries.
      rules: [{ method: 'GET', path_contains: `/groups/${group.id}/memberships`, status: 500, times: 4 }],
    },
  });
  await page.goto(`/groups/${group.id}`);
  await expect(page.getByText('Could not load the members.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table', { name: 'Group members' })).toBeVisible();

  await api.put('/_sandbox/faults', {
    faults: {
      rules: [{ method: 'GET', path_contains: `/groups/${group.id}/memberships`, status: 429, times: 1 }],
    },
  });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Group members' })).toBeVisible({ timeout: 15_000 });
});
