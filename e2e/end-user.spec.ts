import { expect, test } from './fixtures.ts';

test.use({ signInAs: 'endUser' });

test('shows an end user only their own organization memberships, without controls', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Eve Enduser' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link')).toHaveText(['My organizations']);
  const rows = page.getByTestId('organization-membership');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Groups' })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unassign' })).toHaveCount(0);
  await expect(page.getByPlaceholder('Add to an organization: type the start of its name…')).toHaveCount(0);
});

test("shows Zendesk's 403 plainly when an end user opens a page staff use", async ({ page }) => {
  await page.goto('/groups');
  await expect(page.getByRole('alert')).toContainText('You do not have access to this resource');
});
