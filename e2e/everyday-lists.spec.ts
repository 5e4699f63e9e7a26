import { expect, test } from './fixtures.ts';
import { allPages, groupNamed, sandboxApi } from './sandbox-api.ts';

type Person = { id: number; name: string; email: string };

test('the Groups search finds a word anywhere in the name, not only at its start', async ({
  page,
  request,
}) => {
  const groups = await allPages<{ name: string; deleted: boolean }>(sandboxApi(request), '/groups', 'groups');
  const expected = groups
    .filter((group) => !group.deleted && group.name.toLowerCase().includes('support'))
    .map((group) => group.name);
  expect(expected.some((name) => !name.startsWith('Support'))).toBe(true);

  await page.goto('/groups');
  await page.getByRole('searchbox', { name: 'Search groups by name' }).fill('Support');
  const names = page.getByRole('table', { name: 'Groups' }).getByRole('link');
  await expect(names).toHaveCount(expected.length);
  expect((await names.allTextContents()).sort()).toEqual([...expected].sort());
  await expect(page.getByText(`${expected.length} matching`)).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search groups by name' }).fill('no such group here');
  await expect(page.getByText('No group name contains “no such group here”.')).toBeVisible();
});

test('the Organizations search says it matches the start of names', async ({ page }) => {
  await page.goto('/organizations');
  await expect(page.getByPlaceholder('Search organizations by the start of the name…')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search organizations by name' }).fill('zzz');
  await expect(page.getByText('No organization name starts with “zzz”.')).toBeVisible();
  await expect(page.getByText(/The search matches the start of names/)).toBeVisible();
});

test("a member table's names link to the person's page", async ({ page, request }) => {
  const group = await groupNamed(sandboxApi(request), 'Billing');
  await page.goto(`/groups/${group.id}`);
  const table = page.getByRole('table', { name: 'Group members' });
  const first = table.getByRole('row').nth(1).getByRole('link').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page).toHaveURL(/\/users\/\d+$/);
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
});

test('a table is one tab stop: arrow keys move between rows and into a row, Enter opens the person', async ({
  page,
}) => {
  await page.goto('/users');
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table).toContainText('Ada Admin');
  // The server's first view is inert until it is hydrated: keys before then reach nothing.
  await expect(page.locator('#root:not([inert])')).toBeAttached();
  const rows = table.locator('tbody tr');
  await page.getByRole('button', { name: 'Paste emails or ids…' }).focus();
  await page.keyboard.press('Tab');
  await expect(table.getByRole('checkbox', { name: 'Select every person shown' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(rows.first()).toBeFocused();
  // The next Tab leaves the table, whatever links and boxes its rows hold.
  await page.keyboard.press('Tab');
  const leftTable = await page.evaluate(() => !document.activeElement?.closest('table'));
  expect(leftTable).toBe(true);

  await page.keyboard.press('Shift+Tab');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(rows.nth(1).getByRole('checkbox')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('1 person selected');
  await page.keyboard.press('ArrowLeft');
  await expect(rows.nth(1)).toBeFocused();
  const name = (await rows.nth(1).getByRole('link').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
});

test("a person's page finds a group by any part of its name and an organization by its start, from the keyboard", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const agent = (await api.get<{ users: Person[] }>('/users?role=agent&page[size]=1')).users[0] as Person;
  const mine = await allPages<{ group_id: number }>(
    api,
    `/users/${agent.id}/group_memberships`,
    'group_memberships',
  );
  const groups = await allPages<{ id: number; name: string; deleted: boolean }>(api, '/groups', 'groups');
  const target = groups.find(
    (group) =>
      !group.deleted && group.name.includes(' Support ') && !mine.some((m) => m.group_id === group.id),
  );
  if (!target) throw new Error('every Support group already has this agent');
  const word = target.name.split(' ').at(-1) ?? '';

  await page.goto(`/users/${agent.id}`);
  const picker = page.getByRole('combobox', { name: 'Group to add' });
  await picker.fill(`Support ${word}`);
  const option = page.getByRole('option', { name: target.name });
  await expect(option).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to group' })).toBeDisabled();
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(picker).toHaveValue(target.name);
  await page.getByRole('button', { name: 'Add to group' }).click();
  await expect(page.getByRole('table', { name: 'Group memberships' })).toContainText(target.name);
  await expect(picker).toHaveValue('');

  const organizations = page.getByRole('combobox', { name: 'Organization to add' });
  await organizations.fill('zz-none');
  await expect(page.getByText('No organization name starts with “zz-none”.')).toBeVisible();
});

test('the Groups list shows each group’s member count from one request, not one per row', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Billing');
  const { count } = await api.get<{ count: { value: number } }>(`/groups/${group.id}/users/count`);
  const counted: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (url.includes('/roster/group-member-counts') || /\/groups\/\d+\/(users|memberships)/.test(url))
      counted.push(url);
  });

  // Arriving from another page, so that the browser (not the server's first view) reads the counts.
  await page.goto('/users');
  await expect(page.locator('#root:not([inert])')).toBeAttached();
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.getByRole('columnheader', { name: 'Members' })).toBeVisible();
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Billing', exact: true }) });
  await expect(row.getByRole('cell').nth(2)).toHaveText(count.value.toLocaleString('en-US'));
  await expect(table.getByTitle('Counting members…')).toHaveCount(0);
  expect(counted).toHaveLength(1);
  expect(counted[0]).toContain('/roster/group-member-counts');
});

test('the Organizations list shows each member count, read in at most one request for the rows on screen, never one per row', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const countRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/roster/organization-member-counts') countRequests.push(r.url());
  });
  const perRow: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/v2\/organizations\/\d+\/users\/count/.test(r.url())) perRow.push(r.url());
  });
  await page.goto('/organizations');
  const table = page.getByRole('table', { name: 'Organizations' });
  const membersColumn = (await table.getByRole('columnheader').allTextContents()).findIndex((text) =>
    /members/i.test(text),
  );
  const firstRow = table.locator('[data-row-id]').first();
  const id = await firstRow.getAttribute('data-row-id');
  const expected = await api.get<{ count: { value: number } }>(`/organizations/${id}/users/count`);
  await expect(firstRow.locator('td').nth(membersColumn)).toHaveText(
    expected.count.value.toLocaleString('en-US'),
  );
  await expect(table.locator('[data-row-id]').nth(5).locator('td').nth(membersColumn)).toHaveText(
    /^\d[\d,]*$/,
  );
  // The first view may arrive with its counts rendered; the browser asks once at most, never per row.
  expect(countRequests.length).toBeLessThanOrEqual(1);
  expect(perRow).toEqual([]);
});
