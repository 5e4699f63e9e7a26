import type { Locator, Page } from '@playwright/test';
import { boxSandboxApi } from './box-sandbox-api.ts';
import { expect, test } from './fixtures.ts';
import { signedInContext } from './roster-sessions.ts';
import { addToGroup, allPages, groupNamed, type SandboxApi, sandboxApi } from './sandbox-api.ts';

type Person = { id: number; name: string; email: string; role: string };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function grid(page: Page): Locator {
  return page.getByRole('grid');
}

/** The cell of a person's row in the grid's `column`-th column (0 is the first after the names). */
function cell(page: Page, person: string, column: number): Locator {
  return grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: person }) })
    .locator(`[role="gridcell"][aria-colindex="${column + 2}"]`);
}

async function membersOf(api: SandboxApi, groupId: number): Promise<Set<number>> {
  const rows = await allPages<{ user_id: number }>(
    api,
    `/groups/${groupId}/memberships`,
    'group_memberships',
  );
  return new Set(rows.map((row) => row.user_id));
}

/**
 * People for a grid test: agents sharing a surname (the grid's search finds them all, and they
 * sort together by name), five in a row who are in none of the groups, and two more who are put
 * in the first group now so that they can be removed from it.
 */
async function castFor(api: SandboxApi, groupIds: readonly number[]) {
  const staff = (await allPages<Person>(api, '/users?role[]=agent&role[]=admin', 'users')).filter(
    (person) => !person.email.endsWith('@roster.example'),
  );
  const members = await Promise.all(groupIds.map((id) => membersOf(api, id)));
  const surnames = new Map<string, Person[]>();
  for (const person of staff) {
    const surname = person.name.split(' ').at(-1) ?? '';
    surnames.set(surname, [...(surnames.get(surname) ?? []), person]);
  }
  for (const [surname, people] of [...surnames].sort(([a], [b]) => a.localeCompare(b))) {
    if (people.length < 8 || surname.length < 4) continue;
    const wanted = surname.toLowerCase();
    const rows = staff
      .filter((p) => p.name.toLowerCase().includes(wanted) || p.email.toLowerCase().includes(wanted))
      .sort(byName);
    const outside = (p: Person) => members.every((set) => !set.has(p.id));
    const start = rows.findIndex(
      (_, i) => rows.slice(i, i + 5).length === 5 && rows.slice(i, i + 5).every(outside),
    );
    if (start < 0) continue;
    const adds = rows.slice(start, start + 5);
    const removals = rows.filter((p) => !adds.includes(p)).slice(0, 2);
    if (removals.length < 2) continue;
    await addToGroup(
      api,
      groupIds[0] ?? 0,
      removals.filter((p) => !members[0]?.has(p.id)).map((p) => p.id),
    );
    return { search: surname, rows, adds, removals };
  }
  throw new Error('no surname in the seed has five agents outside these groups');
}

async function openGrid(page: Page, path: string) {
  await page.goto(path);
  await expect(grid(page)).toBeVisible();
  await expect(grid(page).locator('.is-loading')).toHaveCount(0, { timeout: 15_000 });
  // People arrive in batches sorted by name, so rows are re-indexed until the last batch is in:
  // keys and clicks wait for "N of M people" rather than "M people so far…".
  await expect(page.locator('.result-count')).toHaveText(/^[\d,]+ of [\d,]+ /, { timeout: 15_000 });
}

async function reviewAndApply(page: Page, summary: string, start: string) {
  await page.getByRole('button', { name: 'Review changes' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('plan-summary')).toContainText(summary);
  await dialog.getByRole('button', { name: start }).click();
  await expect(dialog).toBeHidden();
}

test('adds five agents to three groups and removes two with clicks and a Shift-click rectangle; a second browser sees it', async ({
  page,
  request,
  browser,
}) => {
  const api = sandboxApi(request);
  const groups = await Promise.all(
    ['Billing Americas', 'Billing APAC', 'Collections'].map((name) => groupNamed(api, name)),
  );
  const cast = await castFor(
    api,
    groups.map((g) => g.id),
  );
  const secondBefore = (await membersOf(api, groups[1]?.id ?? 0)).size;
  const path = `/matrix?q=${encodeURIComponent(cast.search)}&columns=${groups.map((g) => g.id).join(',')}`;
  await openGrid(page, path);
  await expect(grid(page).getByRole('columnheader', { name: /Billing APAC/ })).toBeVisible();

  const other = await signedInContext(browser, { identity: 'admin' });
  const watcher = await other.newPage();
  await openGrid(watcher, path);

  for (const person of cast.adds) await cell(page, person.name, 0).click();
  const [first, , , , last] = cast.adds;
  if (!first || !last) throw new Error('five people expected');
  await cell(page, first.name, 1).click();
  await cell(page, last.name, 2).click({ modifiers: ['Shift'] });
  for (const person of cast.removals) await cell(page, person.name, 0).click();
  await expect(cell(page, first.name, 2)).toHaveText('+ Add');
  await expect(cell(page, cast.removals[0]?.name ?? '', 0)).toHaveText('− Remove');
  await expect(page.getByTestId('matrix-summary')).toContainText('15 to add, 2 to remove');

  await reviewAndApply(page, '15 to add, 2 to remove', 'Apply 17 changes');
  await expect(page.getByTestId('matrix-summary')).toContainText('No changes yet');
  for (const person of cast.adds) {
    for (const column of [0, 1, 2]) {
      await expect(cell(page, person.name, column)).toHaveText(/Member|Default/, { timeout: 30_000 });
    }
  }
  for (const person of cast.removals) await expect(cell(page, person.name, 0)).toHaveText('');
  // The other browser was told by the server's events, not by a reload.
  await expect(cell(watcher, last.name, 2)).toHaveText(/Member|Default/, { timeout: 30_000 });
  await expect(cell(watcher, cast.removals[1]?.name ?? '', 0)).toHaveText('');
  await other.close();

  // The group's own page counts the five new members.
  await page.goto(`/groups/${groups[1]?.id}`);
  await expect(page.getByTestId('member-total')).toContainText(
    `${(secondBefore + 5).toLocaleString('en-US')} members`,
  );
  const after = await membersOf(api, groups[0]?.id ?? 0);
  expect(cast.adds.every((p) => after.has(p.id))).toBe(true);
  expect(cast.removals.some((p) => after.has(p.id))).toBe(false);
});

test('does the same with the keyboard alone: arrows, Space, Shift+arrows, Escape and Tab', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const groups = await Promise.all(
    ['Tier 2 Support EMEA', 'Tier 2 Support Americas', 'Tier 2 Support APAC'].map((name) =>
      groupNamed(api, name),
    ),
  );
  const cast = await castFor(
    api,
    groups.map((g) => g.id),
  );
  await openGrid(
    page,
    `/matrix?q=${encodeURIComponent(cast.search)}&columns=${groups.map((g) => g.id).join(',')}`,
  );
  const rowOf = (person: Person) => cast.rows.findIndex((p) => p.id === person.id);
  const keys = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  // The grid is one tab stop: Tab from the last control before it lands on its first cell.
  await page.getByRole('button', { name: 'Remove row from all' }).focus();
  await keys('Tab');
  await expect(grid(page).locator('[role="gridcell"]:focus')).toHaveCount(1);

  // Escape asks before it forgets anything.
  await keys('Space');
  await expect(page.getByTestId('matrix-summary')).toContainText(/1 to (add|remove)/);
  await keys('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard the pending changes?' });
  await expect(discard).toBeVisible();
  await keys('Tab');
  await keys('Enter');
  await expect(page.getByTestId('matrix-summary')).toContainText('No changes yet');

  const start = rowOf(cast.adds[0] as Person);
  await keys('ArrowDown', start);
  for (let i = 0; i < 5; i++) {
    await keys('Space');
    if (i < 4) await keys('ArrowDown');
  }
  await keys('ArrowRight');
  await keys('ArrowUp', 4);
  await keys('Shift+ArrowRight');
  await keys('Shift+ArrowDown', 4);
  await keys('Space');
  // Each step waits for the grid to have moved its focus, so no key lands on a cell being left.
  await expect(page.getByTestId('matrix-summary')).toContainText('15 to add');
  const focused = grid(page).locator('[role="gridcell"]:focus');
  for (const person of cast.removals) {
    const here = await focused.getAttribute('data-cell');
    const [row = 0, column = 0] = (here ?? '0:0').split(':').map(Number);
    await keys('ArrowLeft', column);
    const target = rowOf(person);
    await keys(target > row ? 'ArrowDown' : 'ArrowUp', Math.abs(target - row));
    await expect(focused).toHaveAttribute('data-cell', `${target}:0`);
    await keys('Space');
  }
  await expect(page.getByTestId('matrix-summary')).toContainText('15 to add, 2 to remove');

  for (let i = 0; i < 20; i++) {
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Review changes') break;
    await keys('Shift+Tab');
  }
  await keys('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('plan-summary')).toContainText('15 to add, 2 to remove');
  for (let i = 0; i < 20; i++) {
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Apply 17 changes') break;
    await keys('Tab');
  }
  await keys('Enter');
  await expect(dialog).toBeHidden();
  for (const person of cast.adds) {
    await expect(cell(page, person.name, 2)).toHaveText(/Member|Default/, { timeout: 30_000 });
  }
  for (const person of cast.removals) await expect(cell(page, person.name, 0)).toHaveText('');
});

test('takes the focus to the far corner of a long grid and back with Ctrl+End and Ctrl+Home', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const groups = await Promise.all(['Billing Americas', 'Collections'].map((name) => groupNamed(api, name)));
  await openGrid(page, `/matrix?columns=${groups.map((g) => g.id).join(',')}`);
  const rows = Number(await grid(page).getAttribute('aria-rowcount')) - 1;
  // Far more people than fit on screen, so the last row is not rendered until the grid scrolls.
  expect(rows).toBeGreaterThan(100);
  const focused = grid(page).locator('[role="gridcell"]:focus');
  await grid(page).locator('[data-cell="0:0"]').click();
  await page.keyboard.press('Control+End');
  await expect(focused).toHaveAttribute('data-cell', `${rows - 1}:1`);
  await expect(focused).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-cell', `${rows - 2}:1`);
  await page.keyboard.press('Control+Home');
  await expect(focused).toHaveAttribute('data-cell', '0:0');
  await expect(focused).toBeInViewport();
});

test('refuses an end user in a group in the cell, with the reason', async ({ page, request }) => {
  const group = await groupNamed(sandboxApi(request), 'Refunds & Chargebacks');
  await openGrid(page, `/matrix?role=end-user&q=Eve%20Enduser&columns=${group.id}`);
  await cell(page, 'Eve Enduser', 0).click();
  await expect(cell(page, 'Eve Enduser', 0)).toHaveText('⊘ Not possible');
  await expect(page.getByTestId('matrix-focus')).toContainText(
    'Eve Enduser is an end user: only agents and admins can be in groups.',
  );
  await expect(page.getByTestId('matrix-summary')).toContainText(
    '1 not possible: Eve Enduser is an end user',
  );
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
});

test.describe('as Alan Agent', () => {
  test.use({ signInAs: 'agent' });

  test('refuses a change his role may not make, saying why', async ({ page, request }) => {
    const group = await groupNamed(sandboxApi(request), 'Refunds & Chargebacks');
    await openGrid(page, `/matrix?q=Ada%20Admin&columns=${group.id}`);
    await cell(page, 'Ada Admin', 0).click();
    await expect(cell(page, 'Ada Admin', 0)).toHaveText('⊘ Not possible');
    await expect(page.getByTestId('matrix-focus')).toContainText(
      'Alan Agent is an agent: Only admins, and agents whose custom role allows it',
    );
  });
});

test('says what is wrong with the address or the filters instead of showing an empty grid', async ({
  page,
}) => {
  await page.goto('/matrix?columns=999999999,abc');
  await expect(page.getByRole('alert')).toContainText('No group has the id abc, 999999999');
  await expect(page.getByText('No groups chosen.')).toBeVisible();
  await page.goto('/matrix?q=nobody-has-this-name');
  await expect(page.getByText('No one matches these filters.')).toBeVisible();
  await expect(page.getByText('No name or email contains “nobody-has-this-name”.')).toBeVisible();
  await page.goto('/matrix/organizations');
  await expect(page.getByText('No organizations chosen.')).toBeVisible();
});

test('adds and removes an organization membership in the organization grid', async ({ page, request }) => {
  const api = sandboxApi(request);
  const organizations = (
    await allPages<{ id: number; name: string }>(api, '/organizations', 'organizations')
  ).filter((o) => !['Oakridge Games', 'Falcon Systems', 'Willow Dental LLC'].includes(o.name));
  const [first, second] = organizations.slice(-2);
  if (!first || !second) throw new Error('two organizations expected');
  const inFirst = await allPages<{ user_id: number }>(
    api,
    `/organizations/${first.id}/organization_memberships`,
    'organization_memberships',
  );
  const inSecond = new Set(
    (
      await allPages<{ user_id: number }>(
        api,
        `/organizations/${second.id}/organization_memberships`,
        'organization_memberships',
      )
    ).map((m) => m.user_id),
  );
  const mover = inFirst.find((m) => !inSecond.has(m.user_id));
  if (!mover) throw new Error('someone in the first organization only expected');
  const { user } = await api.get<{ user: Person }>(`/users/${mover.user_id}`);
  await openGrid(
    page,
    `/matrix/organizations?q=${encodeURIComponent(user.email)}&columns=${first.id},${second.id}`,
  );
  await cell(page, user.name, 0).click();
  await cell(page, user.name, 1).click();
  await expect(page.getByTestId('matrix-summary')).toContainText('1 to add, 1 to remove');
  await reviewAndApply(page, '1 to add, 1 to remove', 'Apply 2 changes');
  await expect(cell(page, user.name, 1)).toHaveText(/Member|Default/, { timeout: 30_000 });
  await expect(cell(page, user.name, 0)).toHaveText('');
});

test('adds and removes a Box group membership in the Box grid', async ({ page, request }) => {
  const box = boxSandboxApi(request);
  const compliance = await box.groupNamed('Compliance');
  const audit = await box.groupNamed('Internal Audit');
  const auditors = new Set((await box.members(audit.id)).map((m) => m.user.id));
  const mover = (await box.members(compliance.id)).find(
    (m) => !auditors.has(m.user.id) && m.role === 'member',
  );
  if (!mover) throw new Error('a member of Compliance outside Internal Audit expected');
  await openGrid(
    page,
    `/box/matrix?q=${encodeURIComponent(mover.user.login)}&columns=${compliance.id},${audit.id}`,
  );
  await expect(cell(page, mover.user.name, 0)).toHaveText('✓ Member');
  await cell(page, mover.user.name, 0).click();
  await cell(page, mover.user.name, 1).click();
  await expect(page.getByTestId('matrix-summary')).toContainText('1 to add, 1 to remove');
  await reviewAndApply(page, '1 to add, 1 to remove', 'Apply 2 changes');
  await expect(cell(page, mover.user.name, 1)).toHaveText('✓ Member', { timeout: 30_000 });
  await expect(cell(page, mover.user.name, 0)).toHaveText('');
});

test("shows a person's Box groups beside their Zendesk ones, and says when Box has no such person", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const { users } = await api.get<{ users: Person[] }>('/users/search?query=Ada%20Admin');
  const ada = users.find((user) => user.email === 'admin@roster.example');
  if (!ada) throw new Error('Ada Admin expected');
  await page.goto(`/users/${ada.id}`);
  await expect(page.getByRole('table', { name: 'Their Box groups' }).getByRole('link').first()).toBeVisible();
  const staff = await api.get<{ users: Person[] }>('/users?role=agent&page[size]=100');
  const agent = staff.users.find((user) => !user.email.endsWith('@roster.example'));
  if (!agent) throw new Error('an agent expected');
  await page.goto(`/users/${agent.id}`);
  await expect(page.getByText(`No Box user has the login ${agent.email}`)).toBeVisible();
});
