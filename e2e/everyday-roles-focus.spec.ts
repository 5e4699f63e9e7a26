import { expect, test } from './fixtures.ts';
import { groupNamed, sandboxApi } from './sandbox-api.ts';

test.describe('as an end user', () => {
  test.use({ signInAs: 'endUser' });

  test('her own page offers only what she may open: no organization links, no Users breadcrumb', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Eve Enduser' })).toBeVisible();
    await expect(page.getByTestId('organization-membership')).toHaveCount(2);
    await expect(page.getByRole('main').getByRole('link')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveCount(0);
    await expect(page.locator('.signed-in-role')).toHaveText('End user');
  });

  test('a 403 page says what she can do instead and offers no Retry', async ({ page }) => {
    await page.goto('/groups');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('You cannot open groups.');
    await expect(alert).toContainText('You do not have access to this resource');
    await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await alert.getByRole('link', { name: 'Go to the start page' }).click();
    await expect(page.getByRole('heading', { name: 'Eve Enduser' })).toBeVisible();
  });
});

test('focus returns to the control that opened a dialog after Cancel and after Escape', async ({
  page,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Billing');
  await page.goto(`/groups/${group.id}`);
  const open = page.getByRole('button', { name: 'Add agents' });
  await open.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(open).toBeFocused();
});

test('an operation whose items all failed reads as failed in the tray, never "✓ finished"', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const group = await groupNamed(api, 'Onboarding');
  const outside = (
    await api.get<{ users: { id: number; email: string }[] }>('/users?role=agent&page[size]=100')
  ).users;
  const members = new Set(
    (
      await api.get<{ group_memberships: { user_id: number }[] }>(
        `/groups/${group.id}/memberships?page[size]=100`,
      )
    ).group_memberships.map((m) => m.user_id),
  );
  const agent = outside.find((user) => !members.has(user.id));
  await api.put('/_sandbox/faults', {
    faults: { rules: [{ method: 'POST', path_contains: 'create_many', status: 403, times: 20 }] },
  });
  try {
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('button', { name: 'Add agents' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Or paste/).fill(agent?.email ?? '');
    await dialog.getByRole('button', { name: 'Review' }).click();
    await dialog.getByRole('button', { name: 'Add 1 agent', exact: true }).click();
    const panel = page.getByTestId('operation').filter({ hasText: 'Add 1 agent to Onboarding' });
    await expect(panel.getByRole('status')).toContainText('Failed — 0 succeeded, 1 failed', {
      timeout: 30_000,
    });
    await expect(panel.locator('.progress')).toHaveClass(/tone-danger/);
    // Elsewhere the tray shows it: failed, in the failure colour, with no tick.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click();
    const toggle = page.getByRole('complementary', { name: 'Operations' }).locator('.tray-toggle');
    await expect(toggle).toContainText('1 with failures', { timeout: 30_000 });
    await expect(toggle).not.toContainText('✓');
    const item = page.getByTestId('tray-item');
    await expect(item).toContainText(/Failed|failures/);
    await expect(item).toHaveClass(/tone-(danger|warning)/);
  } finally {
    await api.delete('/_sandbox/faults');
  }
});

test("while the signed-in role is still loading, a group page never shows an admin the agent's wording", async ({
  page,
  request,
}) => {
  const group = await groupNamed(sandboxApi(request), 'Billing');
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The real answer, held back until the member list is on screen.
  await page.route('**/api/v2/users/me', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/groups/${group.id}`);
  await expect(page.getByRole('table', { name: 'Group members' }).locator('tbody tr').first()).toBeVisible();
  // The server's first view already knows the role, so the browser may never need to say it is checking.
  await expect(page.getByText(/You can see the members/)).toHaveCount(0);
  release();
  await expect(
    page.getByText('Select members to remove them, or press Space on a focused row.'),
  ).toBeVisible();
});
