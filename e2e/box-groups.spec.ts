import type { Page } from '@playwright/test';
import type { Operation } from '../src/contract/roster-operations.ts';
import { boxSandboxApi } from './box-sandbox-api.ts';
import { expect, test } from './fixtures.ts';
import { addByPasting, operationPanel, startFrom } from './roster-ui.ts';

test.describe.configure({ mode: 'serial' });

test.afterEach(async ({ request }) => {
  await boxSandboxApi(request).delete('/_sandbox/faults');
});

/** Box takes ids only: the page looks each login up, five at a time, before the server reviews. */
function addUsers(page: Page, logins: string[], summary = `${logins.length} to add`) {
  return addByPasting(page, {
    open: 'Add users',
    text: logins.join('\n'),
    summary,
    start: `Add ${logins.length} user${logins.length === 1 ? '' : 's'}`,
    reviewTimeout: 20_000,
  });
}

test('switches to the Box workspace and searches Box groups by prefix', async ({ page }) => {
  await page.goto('/groups');
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Box' }).click();
  await expect(page).toHaveURL(/\/box\/groups$/);
  await expect(page.getByText('40 groups')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search groups by name' }).fill('sales');
  await expect(page).toHaveURL(/\/box\/groups\?q=sales/);
  const names = page.getByRole('table', { name: 'Box groups' }).getByRole('link');
  await expect(names).toHaveCount(3);
  await page.getByRole('link', { name: 'Sales EMEA' }).click();
  await expect(page.getByRole('heading', { name: 'Sales EMEA' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Box group members' })).toBeVisible();
});

test('adds 150 users to a Box group on the server, with one progress display and the rows appearing', async ({
  page,
  request,
}) => {
  const box = boxSandboxApi(request);
  const group = await box.groupNamed('Interns 2026');
  const before = (await box.members(group.id)).length;
  const users = await box.usersOutside(group.id, 150);
  const browserPosts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/box/')) browserPosts.push(r.url());
  });

  await page.goto(`/box/groups/${group.id}`);
  await expect(page.getByTestId('member-total')).toContainText(`${before} members`);
  const operation = await addUsers(
    page,
    users.map((u) => u.login),
  );
  const panel = operationPanel(page, operation.label);
  // The page's own panel is the one display (a run this short may already have folded its bar away).
  await expect(panel.getByRole('status')).toBeVisible();
  await expect(page.getByTestId('tray-item')).toHaveCount(0);
  await expect(panel.getByRole('status')).toContainText('Completed — 150 succeeded, 0 failed', {
    timeout: 45_000,
  });
  await panel.getByRole('button', { name: 'Details' }).click();
  await expect(panel).toContainText('150 / 150 (100%)');
  expect(browserPosts).toEqual([]);
  await expect(page.getByTestId('member-total')).toContainText(`${before + 150} members`);
  // New memberships come last in Box's order: the end of the table holds the last one added.
  const table = page.getByRole('table', { name: 'Box group members' });
  await table.locator('[data-index="0"]').click({ position: { x: 200, y: 10 } });
  const added = new Set(users.map((u) => u.login));
  await expect(async () => {
    await page.keyboard.press('End');
    const last = await table.locator('[data-row-id]').last().textContent();
    expect([...added].some((login) => last?.includes(login))).toBe(true);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(before + 150 + 1));
  }).toPass({ timeout: 10_000 });
  expect((await box.members(group.id)).length).toBe(before + 150);
});

test('refuses a paste of more than 5,000 logins or ids before looking any of them up', async ({
  page,
  request,
}) => {
  const group = await boxSandboxApi(request).groupNamed('Localization');
  await page.goto(`/box/groups/${group.id}`);
  await page.getByRole('button', { name: 'Add users' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByLabel('Or paste logins or user ids');
  const ids = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1)).join(' ');
  await box.fill(ids(5001));
  await expect(dialog).toContainText('5,001 entries read.');
  await expect(dialog.getByRole('alert')).toHaveText('Paste at most 5,000 entries at a time.');
  await expect(dialog.getByRole('button', { name: 'Review' })).toBeDisabled();
  await box.fill(ids(5000));
  await expect(dialog).toContainText('5,000 entries read.');
  await expect(dialog.getByRole('alert')).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Review' })).toBeEnabled();
});

test('reviews an existing member as "already a member", and retries only an add Box then refuses', async ({
  page,
  request,
}) => {
  const box = boxSandboxApi(request);
  const group = await box.groupNamed('Localization');
  const [member] = await box.members(group.id);
  const [newcomer, lateJoiner] = await box.usersOutside(group.id, 2);
  if (!member || !newcomer || !lateJoiner) throw new Error('not enough Box users');
  await page.goto(`/box/groups/${group.id}`);
  await page.getByRole('button', { name: 'Add users' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel('Or paste logins or user ids')
    .fill([member.user.login, newcomer.login, lateJoiner.login, 'nobody@nowhere.example'].join('\n'));
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByTestId('plan-summary')).toContainText('2 to add, 1 already a member, 1 unknown', {
    timeout: 20_000,
  });
  const skipped = dialog.getByRole('list', { name: 'Skipped entries' });
  await expect(skipped.getByRole('listitem').filter({ hasText: 'nobody@nowhere.example' })).toContainText(
    'Line 4',
  );
  // Someone adds the last one in Box itself between the review and the start.
  await box.post('/group_memberships', { user: { id: lateJoiner.id }, group: { id: group.id } });
  const operation = await startFrom(page, dialog.getByRole('button', { name: 'Add 2 users' }));

  const panel = operationPanel(page, operation.label);
  await expect(panel.getByRole('status')).toContainText('Completed with failures — 1 succeeded, 1 failed', {
    timeout: 20_000,
  });
  const failures = panel.getByRole('list', { name: 'Failed items' });
  await expect(failures).toContainText(`${lateJoiner.name} (${lateJoiner.login}) → Localization`);
  await expect(failures).toContainText(`is already a member of Localization (conflict)`);
  const retried = page.waitForResponse((r) =>
    r.url().endsWith(`/roster/operations/${operation.id}/retry-failed`),
  );
  await panel.getByRole('button', { name: 'Retry 1 failed' }).click();
  const { operation: again } = (await (await retried).json()) as { operation: Operation };
  // Only the failed item goes out again; the one that succeeded keeps its result.
  expect(again.counts).toMatchObject({ succeeded: 1, failed: 0, pending: 1 });
  await expect(panel.getByRole('status')).toContainText('1 succeeded, 1 failed', { timeout: 20_000 });
  await expect(failures).toContainText('is already a member of Localization (conflict)');
});

test('promotes 3 members to admin after a review and sets one admin’s permission', async ({
  page,
  request,
}) => {
  const box = boxSandboxApi(request);
  const group = await box.groupNamed('Platform Team');
  const members = (await box.members(group.id)).filter((m) => m.role === 'member').slice(0, 3);
  expect(members).toHaveLength(3);

  await page.goto(`/box/groups/${group.id}`);
  const table = page.getByRole('table', { name: 'Box group members' });
  for (const m of members) await table.getByRole('checkbox', { name: `Select ${m.user.name}` }).check();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('3 members selected');
  await bar.getByRole('button', { name: 'Make admin' }).click();
  const promote = page.getByRole('dialog', { name: 'Make 3 admins in Platform Team' });
  // Nothing is granted unless ticked: Box would enable all four, "log in as users" too.
  for (const name of ['Run reports', 'Log in as users', 'Create accounts', 'Edit accounts']) {
    await expect(promote.getByRole('checkbox', { name })).not.toBeChecked();
  }
  await promote.getByRole('checkbox', { name: 'Run reports' }).check();
  await promote.getByRole('checkbox', { name: 'Edit accounts' }).check();
  await promote.getByRole('button', { name: 'Make 3 admins' }).click();
  const review = page.getByRole('dialog', { name: 'Make 3 admins in Platform Team?' });
  await expect(review.getByTestId('plan-summary')).toContainText('3 to change');
  const operation = await startFrom(page, review.getByRole('button', { name: 'Make 3 admins' }));
  await expect(operationPanel(page, operation.label).getByRole('status')).toContainText(
    'Completed — 3 succeeded, 0 failed',
    { timeout: 20_000 },
  );
  for (const m of members) {
    await expect(table.getByRole('row').filter({ hasText: m.user.login })).toContainText('Admin');
  }

  const first = members[0];
  const row = table.getByRole('row').filter({ hasText: first?.user.login ?? '' });
  await expect(row.getByTestId('admin-permissions')).toHaveText('Run reports, Edit accounts');
  await row.getByRole('button', { name: `Edit ${first?.user.name}'s admin permissions` }).click();
  const dialog = page.getByRole('dialog', { name: `${first?.user.name}'s admin permissions` });
  await dialog.getByRole('checkbox', { name: 'Create accounts' }).check();
  await dialog.getByRole('button', { name: 'Save permissions' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('admin-permissions')).toHaveText(
    'Run reports, Create accounts, Edit accounts',
  );
  const saved = await box.get<{ role: string; configurable_permissions: Record<string, boolean> }>(
    `/group_memberships/${first?.id}`,
  );
  expect(saved).toMatchObject({
    role: 'admin',
    configurable_permissions: {
      can_run_reports: true,
      can_instant_login: false,
      can_create_accounts: true,
      can_edit_accounts: true,
    },
  });
});

test('removes 40 selected members after a review that names them', async ({ page, request }) => {
  const box = boxSandboxApi(request);
  const group = await box.groupNamed('Interns 2026');
  const before = await box.members(group.id);
  expect(before.length).toBeGreaterThan(40);

  await page.goto(`/box/groups/${group.id}`);
  const table = page.getByRole('table', { name: 'Box group members' });
  for (const membership of before.slice(0, 40)) {
    const row = table.locator(`[data-row-id="${membership.id}"]`);
    // Rows are virtualized: scroll until this one is rendered.
    await expect(async () => {
      if ((await row.count()) === 0)
        await table.evaluate((element) => element.parentElement?.scrollBy(0, 160));
      await expect(row).toBeVisible({ timeout: 200 });
    }).toPass({ timeout: 10_000 });
    await row.getByRole('checkbox').check();
  }
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('40 members selected');
  await bar.getByRole('button', { name: 'Remove selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 40 members?' });
  await expect(dialog).toContainText('lose access to what is shared with the group');
  await expect(dialog.getByRole('list', { name: 'To remove' })).toContainText(before[0]?.user.name ?? '');
  const operation = await startFrom(page, dialog.getByRole('button', { name: 'Remove 40' }));
  await expect(operationPanel(page, operation.label).getByRole('status')).toContainText(
    'Completed — 40 succeeded, 0 failed',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('member-total')).toContainText(`${before.length - 40} members`);
  const after = new Set((await box.members(group.id)).map((m) => m.id));
  expect(before.slice(0, 40).filter((m) => after.has(m.id))).toEqual([]);
  expect(after.size).toBe(before.length - 40);
});

test('completes a Box add through forced 429s on the server, losing and doubling no item', async ({
  page,
  request,
}) => {
  const box = boxSandboxApi(request);
  const group = await box.groupNamed('Mobile Team');
  const before = (await box.members(group.id)).length;
  const users = await box.usersOutside(group.id, 12);
  await page.goto(`/box/groups/${group.id}`);
  await box.put('/_sandbox/faults', {
    faults: { rules: [{ method: 'POST', path_contains: 'group_memberships', status: 429, times: 6 }] },
  });
  const operation = await addUsers(
    page,
    users.map((u) => u.login),
  );
  await expect(operationPanel(page, operation.label).getByRole('status')).toContainText(
    'Completed — 12 succeeded, 0 failed',
    { timeout: 45_000 },
  );
  const members = await box.members(group.id);
  const logins = members.map((m) => m.user.login);
  expect(users.filter((u) => !logins.includes(u.login))).toEqual([]);
  expect(new Set(logins).size).toBe(logins.length);
  expect((await box.members(group.id)).length).toBe(before + 12);
});
