import { expect, test } from './fixtures.ts';

test('an unknown Box user id gets a clean not-found card, with no group picker and no Retry', async ({
  page,
}) => {
  await page.goto('/box/users/999');
  await expect(page.getByRole('heading', { name: 'Box user not found' })).toBeVisible();
  await expect(page.getByText('There is no Box user 999 in this enterprise.')).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await page.getByRole('link', { name: 'All Box users' }).click();
  await expect(page.getByRole('table', { name: 'Box users' })).toBeVisible();
});

test("a Box group's member names link to the Box user's page", async ({ page }) => {
  await page.goto('/box/groups');
  await page.getByRole('table', { name: 'Box groups' }).getByRole('link').first().click();
  const table = page.getByRole('table', { name: 'Box group members' });
  const first = table.locator('tbody tr').first().getByRole('link');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Box groups of this user' })).toBeVisible();
});
