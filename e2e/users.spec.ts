import { expect, test } from './fixtures.ts';
import { startFrom } from './roster-ui.ts';
import { addToGroup, allPages, groupNamed, organizationNamed, sandboxApi } from './sandbox-api.ts';

test.describe.configure({ mode: 'serial' });

type Person = { id: number; name: string; email: string; default_group_id: number | null };

test('lists agents and admins by default, filters by role and opens a person', async ({ page }) => {
  await page.goto('/users');
  const table = page.getByRole('table', { name: 'Users' });
  await expect(table).toContainText('Ada Admin');
  await expect(table).not.toContainText('End user');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('end-user');
  await expect(page).toHaveURL(/role=end-user/);
  await expect(table).not.toContainText('Agent');
  await page
    .getByRole('searchbox', { name: 'Search people by name or email' })
    .fill('end-user@roster.example');
  await expect(page).toHaveURL(/q=end-user%40roster.example/);
  await table.getByRole('link', { name: 'Eve Enduser' }).click();
  await expect(page.getByRole('heading', { name: 'Eve Enduser' })).toBeVisible();
});

test("changes a person's default organization, which moves it to the top, and unassigns one", async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const eve = (await api.get<{ users: Person[] }>('/users/search?query=email:end-user@roster.example'))
    .users[0];
  await page.goto(`/users/${eve?.id}`);
  const rows = page.getByTestId('organization-membership');
  await expect(rows).toHaveCount(2);
  const second = (await rows.nth(1).getByRole('link').textContent()) ?? '';
  // The list reorders as soon as the new default is known, so the outcome is checked, not the click.
  await rows.nth(1).getByRole('radio').click();
  await expect(rows.first()).toContainText(second);
  await expect(rows.first().getByRole('radio')).toBeChecked();

  await rows.nth(1).getByRole('button', { name: 'Unassign' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Unassign from organization' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(second);
});

test('lists an organization the person is in as already a member, and shows the 422 plainly if it happens anyway', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const eve = (await api.get<{ users: Person[] }>('/users/search?query=email:end-user@roster.example'))
    .users[0];
  const [membership] = await allPages<{ organization_name: string }>(
    api,
    `/users/${eve?.id}/organization_memberships`,
    'organization_memberships',
  );
  await page.goto(`/users/${eve?.id}`);
  const picker = page.getByRole('combobox', { name: 'Organization to add' });
  await picker.fill(membership?.organization_name ?? '');
  await expect(page.getByRole('option', { name: membership?.organization_name })).toContainText(
    'already a member',
  );
  await expect(page.getByRole('button', { name: 'Add to organization' })).toBeDisabled();

  // Someone else adds her meanwhile: the page still offers it, and Zendesk's 422 is shown as it is.
  // Until the click, her memberships are held back: any refetch (another test's events) would
  // otherwise tell the page first, and the button would rightly refuse.
  let clicked = () => {};
  const click = new Promise<void>((resolve) => {
    clicked = resolve;
  });
  await page.route(`**/api/v2/users/${eve?.id}/organization_memberships*`, async (route) => {
    await click;
    await route.continue();
  });
  const other = await organizationNamed(api, 'Falcon Systems');
  await picker.fill(other.name);
  await expect(page.getByRole('option', { name: other.name })).toBeVisible();
  await api.post('/organization_memberships', {
    organization_membership: { user_id: eve?.id, organization_id: other.id },
  });
  await page.getByRole('button', { name: 'Add to organization' }).click();
  clicked();
  await expect(page.getByRole('alert')).toContainText(`Eve Enduser is already a member of ${other.name}`);
  await expect(
    page.getByTestId('organization-membership').filter({ hasText: 'Falcon Systems' }),
  ).toBeVisible();
});

test("refuses, with the reason, to remove an agent's only group", async ({ page, request }) => {
  const api = sandboxApi(request);
  const agents = await allPages<Person>(api, '/users?role=agent', 'users');
  const agent = agents.at(-1);
  const memberships = await allPages<{ id: number }>(
    api,
    `/users/${agent?.id}/group_memberships`,
    'group_memberships',
  );
  for (const membership of memberships.slice(1)) await api.delete(`/group_memberships/${membership.id}`);

  await page.goto(`/users/${agent?.id}`);
  const table = page.getByRole('table', { name: 'Group memberships' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('button', { name: 'Remove' })).toBeDisabled();
  await expect(
    page.getByText('This is their only group: an agent must belong to at least one.'),
  ).toBeVisible();
});

test('adds 3 agents to 4 groups in one operation, showing the pair that already exists', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const firstPage = (await api.get<{ users: Person[] }>('/users?role[]=agent&role[]=admin&page[size]=20'))
    .users;
  const [one, two, three] = firstPage.slice(5, 8);
  if (!one || !two || !three) throw new Error('not enough agents');
  const groupsOf = async (person: Person) =>
    new Set(
      (
        await allPages<{ group_id: number }>(
          api,
          `/users/${person.id}/group_memberships`,
          'group_memberships',
        )
      ).map((m) => m.group_id),
    );
  const [ofOne, ofTwo, ofThree] = await Promise.all([groupsOf(one), groupsOf(two), groupsOf(three)]);
  const groups = (await allPages<{ id: number; name: string }>(api, '/groups', 'groups')).filter(
    (group) => !group.name.includes('Overflow'),
  );
  const shared = groups.find((g) => ofOne.has(g.id) && !ofTwo.has(g.id) && !ofThree.has(g.id));
  const fresh = groups.filter((g) => !ofOne.has(g.id) && !ofTwo.has(g.id) && !ofThree.has(g.id)).slice(0, 3);
  if (!shared || fresh.length < 3) throw new Error('no suitable groups');

  await page.goto('/users');
  for (const person of [one, two, three])
    await page.getByRole('checkbox', { name: `Select ${person.name}` }).check();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('3 people selected');
  await bar.getByRole('button', { name: 'Add to groups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add 3 people to groups' });
  for (const group of [shared, ...fresh])
    await dialog.getByRole('checkbox', { name: group.name, exact: true }).check();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByTestId('plan-summary')).toContainText('11 to add, 1 already a member');
  await expect(dialog.getByRole('list', { name: 'Skipped entries' })).toContainText(shared.name);
  await expect(dialog.getByRole('list', { name: 'Skipped entries' })).toContainText(one.name);
  const operation = await startFrom(page, dialog.getByRole('button', { name: 'Add 11 memberships' }));
  // The users page has no panel of its own: the tray is this operation's one progress display.
  const trayItem = page.getByTestId('tray-item').filter({ hasText: operation.label });
  await expect(trayItem).toContainText('Completed', { timeout: 30_000 });
  await expect(trayItem).toContainText('11 succeeded, 0 failed');
  await expect(page.getByTestId('operation')).toHaveCount(0);
  for (const person of [one, two, three]) {
    const now = await groupsOf(person);
    expect([shared, ...fresh].every((group) => now.has(group.id))).toBe(true);
  }
});

test('removes two people from a group from the users page after a review that names them', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Weekend Coverage');
  const firstPage = (await api.get<{ users: Person[] }>('/users?role[]=agent&role[]=admin&page[size]=20'))
    .users;
  const [one, two] = firstPage.slice(10, 12);
  if (!one || !two) throw new Error('not enough agents');
  const inGroup = async (person: Person) =>
    (
      await allPages<{ group_id: number }>(api, `/users/${person.id}/group_memberships`, 'group_memberships')
    ).some((m) => m.group_id === group.id);
  for (const person of [one, two]) if (!(await inGroup(person))) await addToGroup(api, group.id, [person.id]);

  await page.goto('/users');
  for (const person of [one, two])
    await page.getByRole('checkbox', { name: `Select ${person.name}` }).check();
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Remove from groups…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Remove 2 people from groups' });
  await dialog.getByRole('checkbox', { name: group.name, exact: true }).check();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByTestId('plan-summary')).toContainText('2 to remove');
  await expect(dialog).toContainText('open tickets');
  const removed = dialog.getByRole('list', { name: 'To remove' });
  await expect(removed).toContainText(one.name);
  await expect(removed).toContainText(two.name);
  const operation = await startFrom(page, dialog.getByRole('button', { name: 'Remove 2 memberships' }));
  await expect(page.getByTestId('tray-item').filter({ hasText: operation.label })).toContainText(
    '2 succeeded, 0 failed',
    { timeout: 30_000 },
  );
  expect(await inGroup(one)).toBe(false);
  expect(await inGroup(two)).toBe(false);
});
