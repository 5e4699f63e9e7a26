import { expect, test } from './fixtures.ts';
import { groupNamed, organizationNamed, sandboxApi } from './sandbox-api.ts';

const NO_GROUP_CHANGES =
  'Only admins, and agents whose custom role allows it, can add or remove group members. Ask an admin.';

test.describe('an agent without a custom role', () => {
  test.use({ signInAs: 'agent' });

  test('sees a group’s members but no add or remove, with the reason', async ({ page, request }) => {
    const group = await groupNamed(sandboxApi(request), 'Tier 2 Support');
    await page.goto(`/groups/${group.id}`);
    await expect(page.locator('.signed-in-name')).toHaveText('Alan Agent');
    await expect(page.getByRole('table', { name: 'Group members' }).getByRole('row').nth(1)).toBeVisible();
    const add = page.getByRole('button', { name: 'Add agents' });
    await expect(add).toBeDisabled();
    await expect(add).toHaveAccessibleDescription(NO_GROUP_CHANGES);
    await page.getByRole('table', { name: 'Group members' }).getByRole('checkbox').nth(1).check();
    const remove = page.getByRole('button', { name: 'Remove selected' });
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAccessibleDescription(NO_GROUP_CHANGES);
  });

  test('may still add users to organizations, and not people to groups from the user list', async ({
    page,
    request,
  }) => {
    const organization = await organizationNamed(sandboxApi(request), 'Oakridge Games');
    await page.goto(`/organizations/${organization.id}`);
    await expect(page.getByRole('button', { name: 'Add users' })).toBeEnabled();
    await page.goto('/users');
    await page.getByRole('table', { name: 'Users' }).getByRole('checkbox').nth(1).check();
    await expect(page.getByRole('button', { name: 'Add to groups…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Add to organizations…' })).toBeEnabled();
  });
});

test.describe('an agent with the group-manager custom role', () => {
  test.use({ signInAs: 'groupManager' });

  test('may add and remove group members', async ({ page, request }) => {
    const group = await groupNamed(sandboxApi(request), 'Tier 2 Support');
    await page.goto(`/groups/${group.id}`);
    await expect(page.locator('.signed-in-name')).toHaveText('Grace Groupmanager');
    await expect(page.getByRole('button', { name: 'Add agents' })).toBeEnabled();
    await expect(page.getByText(NO_GROUP_CHANGES)).toHaveCount(0);
  });
});

test.describe('an admin', () => {
  test('is offered every membership action', async ({ page, request }) => {
    const group = await groupNamed(sandboxApi(request), 'Tier 2 Support');
    await page.goto(`/groups/${group.id}`);
    await expect(page.locator('.signed-in-name')).toHaveText('Ada Admin');
    await expect(page.getByRole('button', { name: 'Add agents' })).toBeEnabled();
    await page.getByRole('table', { name: 'Group members' }).getByRole('checkbox').nth(1).check();
    await expect(page.getByRole('button', { name: 'Remove selected' })).toBeEnabled();
  });
});
